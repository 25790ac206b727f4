/**
 * Parses the three kinds of line of a result file, each checked field by field;
 * a bad line throws a ResultFileError naming the file, the line and the field.
 */
import { OBJECTIVES } from '../objectives.ts';
import { validateSweepJob } from '../validateJob.ts';
import { ResultFileError } from './errors.ts';
import { RESULT_KIND, RESULT_VERSION, type ResultHeader, type ResultRow, type ResultTrailer } from './format.ts';

const SWEEP_POINTS_KIND = 'transcode-sweep-points';

function json(text: string, file: string, line: number, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ResultFileError({ file, line }, `${what} is not valid JSON (${(e as Error).message})`);
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isWhole = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

export function parseHeader(text: string, file: string): ResultHeader {
  const fail = (field: string, message: string) => new ResultFileError({ file, line: 1, field }, message);
  const o = json(text, file, 1, 'the header');
  if (!isObject(o)) throw fail('header', 'expected a JSON object as the first line');
  if (o.kind !== RESULT_KIND) {
    const hint = o.kind === SWEEP_POINTS_KIND ? ' (this is a sweep exported from the app: run `transcode sweep --spec` on it to compute a result file)' : '';
    throw fail('header.kind', `expected "${RESULT_KIND}", got ${JSON.stringify(o.kind) ?? 'nothing'}: not a sweep result file${hint}`);
  }
  if (!isWhole(o.version) || o.version < 1) throw fail('header.version', `expected a whole number ≥ 1, got ${JSON.stringify(o.version)}`);
  if (o.version > RESULT_VERSION) throw fail('header.version', `version ${o.version} is newer than this tool reads (up to ${RESULT_VERSION}); update TransCODE Explorer to read it`);
  const job = validateSweepJob(o, 'header');
  if (!job.ok) throw fail(job.issues[0].path, job.issues.map((i) => (i === job.issues[0] ? i.message : `${i.path}: ${i.message}`)).join('; '));
  const { spec, base, settings, total } = job.value;
  if (o.seed !== spec.seed) throw fail('header.seed', `${JSON.stringify(o.seed)} differs from header.spec.seed (${spec.seed})`);
  if (o.total !== total) throw fail('header.total', `${JSON.stringify(o.total)} differs from the ${total} pairs header.spec enumerates`);
  const shard = o.shard;
  if (!isObject(shard) || !isWhole(shard.count) || shard.count < 1 || !isWhole(shard.index) || shard.index >= shard.count) {
    throw fail('header.shard', `expected {"index": I, "count": N} with 0 ≤ I < N, got ${JSON.stringify(shard)}`);
  }
  const columns = o.columns;
  if (!Array.isArray(columns) || columns.length === 0) throw fail('header.columns', 'expected a non-empty list of objective ids');
  columns.forEach((c: unknown, k) => {
    if (!(OBJECTIVES as readonly unknown[]).includes(c)) throw fail(`header.columns[${k}]`, `${JSON.stringify(c)} is not an objective (${OBJECTIVES.join(', ')})`);
    if (columns.indexOf(c) !== k) throw fail(`header.columns[${k}]`, `"${String(c)}" appears twice`);
  });
  if (typeof o.tool !== 'string') throw fail('header.tool', 'expected the name and version of the tool that wrote the file');
  return {
    kind: RESULT_KIND, version: o.version, spec, base, settings, seed: spec.seed,
    shard: { index: shard.index, count: shard.count }, total, columns: columns as string[], tool: o.tool,
  };
}

/** A row line: `[index, v1, …, vK]` (values number or null) or `[index, null, "message"]`. */
export function parseRow(text: string, header: ResultHeader, file: string, line: number): ResultRow {
  const fail = (field: string, message: string) => new ResultFileError({ file, line, field }, message);
  const a = json(text, file, line, 'the row');
  if (!Array.isArray(a)) throw fail('row', 'expected a row [index, values…] or, after the last row, the trailer {"end": true, …}');
  const index = a[0];
  if (!isWhole(index)) throw fail('row[0]', `expected the sample index (a whole number), got ${JSON.stringify(index)}`);
  if (a.length === 3 && a[1] === null && typeof a[2] === 'string') return { index, values: null, error: a[2] };
  const k = header.columns.length;
  if (a.length !== k + 1) throw fail('row', `expected the index and ${k} values (${header.columns.join(', ')}), or [index, null, "message"]; got ${a.length} cells`);
  const values = new Array<number>(k);
  for (let c = 1; c <= k; c++) {
    const v = a[c];
    if (v === null) values[c - 1] = Number.NaN;
    else if (typeof v === 'number') values[c - 1] = v;
    else throw fail(`row[${c}] (${header.columns[c - 1]})`, `expected a number or null, got ${JSON.stringify(v)}`);
  }
  return { index, values, error: null };
}

export function parseTrailer(text: string, file: string, line: number): ResultTrailer {
  const fail = (field: string, message: string) => new ResultFileError({ file, line, field }, message);
  const o = json(text, file, line, 'the trailer');
  if (!isObject(o) || o.end !== true) throw fail('trailer.end', 'expected the trailer {"end": true, "rows": …, "failed": …, "checksum": …}');
  if (!isWhole(o.rows)) throw fail('trailer.rows', `expected a whole number, got ${JSON.stringify(o.rows)}`);
  if (!isWhole(o.failed) || o.failed > o.rows) throw fail('trailer.failed', `expected a whole number ≤ rows, got ${JSON.stringify(o.failed)}`);
  if (typeof o.checksum !== 'string' || !/^fnv1a32:[0-9a-f]{8}$/.test(o.checksum)) throw fail('trailer.checksum', `expected "fnv1a32:" and 8 hex digits, got ${JSON.stringify(o.checksum)}`);
  return { end: true, rows: o.rows, failed: o.failed, checksum: o.checksum };
}
