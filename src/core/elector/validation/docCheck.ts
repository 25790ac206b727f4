/**
 * Checks docs/elector-validation.md against the report of `npm run validate`: every
 * `<!-- table: id -->` table of the report must be in the doc with the same text and its
 * numbers within tolerance, and every number in the doc's prose must be one the report prints.
 */

export type Tables = Map<string, string[][]>;

/** Numbers as printed: comma-grouped, optional decimals, U+2212 minus. */
const NUMBER = /−?\d[\d,]*(?:\.\d+)?/g;

export function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((n) => n.replace(/,$/, ''));
}

export function value(n: string): number {
  return Number(n.replace(/,/g, '').replace('−', '-'));
}

function decimals(n: string): number {
  const i = n.indexOf('.');
  return i < 0 ? 0 : n.length - i - 1;
}

/** The marked tables of a Markdown text, as rows of cells (the rule row dropped). */
export function markedTables(md: string): Tables {
  const lines = md.split('\n');
  const out: Tables = new Map();
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!-- table: ([\w-]+) -->$/.exec(lines[i].trim());
    if (!m) continue;
    const rows: string[][] = [];
    for (let j = i + 1; j < lines.length && lines[j].startsWith('|'); j++) {
      if (j === i + 2) continue; // |---|---|
      rows.push(lines[j].slice(1, -1).split('|').map((c) => c.trim()));
    }
    out.set(m[1], rows);
  }
  return out;
}

/**
 * Whether two printed numbers agree: within `rel` of the expected one, or one unit of its
 * last printed digit (rounding).
 */
export function numbersAgree(actual: string, expected: string, rel = 0.005): boolean {
  const a = value(actual), e = value(expected);
  return Math.abs(a - e) <= Math.max(rel * Math.abs(e), 10 ** -decimals(expected) * 1.0001);
}

/** Differences between a doc table and the report's (empty when they agree). */
export function compareTables(doc: string[][], report: string[][], rel = 0.005): string[] {
  const problems: string[] = [];
  if (doc.length !== report.length) return [`${doc.length} rows in the doc, ${report.length} in the report`];
  doc.forEach((row, i) => {
    if (row.length !== report[i].length) return problems.push(`row ${i}: ${row.length} cells, report ${report[i].length}`);
    row.forEach((cell, j) => {
      const want = report[i][j];
      if (cell.replace(NUMBER, '#') !== want.replace(NUMBER, '#')) return problems.push(`row ${i} cell ${j}: "${cell}" vs "${want}"`);
      const a = numbersIn(cell), b = numbersIn(want);
      a.forEach((n, k) => {
        if (!numbersAgree(n, b[k], rel)) problems.push(`row ${i} cell ${j}: ${n} vs ${b[k]}`);
      });
    });
  });
  return problems;
}

/**
 * Lines of prose: everything but the marked tables, the markers and code fences, with
 * section references (§7.2, §9 item 10) taken out: they are not figures.
 */
export function proseLines(md: string): string[] {
  const out: string[] = [];
  let fenced = false, inMarked = false;
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (line.startsWith('<!--')) {
      inMarked = line.startsWith('<!-- table:');
      continue;
    }
    if (!line.startsWith('|')) inMarked = false;
    if (fenced || inMarked || line.startsWith('```')) continue;
    out.push(line.replace(/§[\d.]+(?: items? (?:[\d–, ]*\d)?)?/g, '§'));
  }
  return out;
}

/** Numbers of the doc's prose that the report does not print (exactly, or within 0.5 % at the same precision). */
export function unprintedNumbers(docMd: string, reportMd: string): string[] {
  const printed = new Set(numbersIn(reportMd));
  const printedList = [...printed];
  const missing: string[] = [];
  for (const line of proseLines(docMd)) {
    for (const n of numbersIn(line)) {
      if (printed.has(n)) continue;
      const close = printedList.some((p) => decimals(p) === decimals(n) && value(p) !== 0 && Math.abs(value(n) / value(p) - 1) <= 0.005);
      if (!close) missing.push(`${n} in: ${line.trim().slice(0, 100)}`);
    }
  }
  return missing;
}
