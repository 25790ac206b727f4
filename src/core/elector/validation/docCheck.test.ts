import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTables, markedTables, numbersAgree, numbersIn, unprintedNumbers } from './docCheck.ts';
import { num, signedPct } from './format.ts';
import { validationReport } from './report.ts';

const DOC = readFileSync(new URL('../../../../docs/elector-validation.md', import.meta.url), 'utf8');
const report = validationReport();

describe('docs/elector-validation.md is the output of npm run validate', () => {
  it('names the command at the top', () => {
    const top = DOC.split('\n').slice(0, 12).join('\n');
    expect(top).toContain('npm run validate');
    expect(top).toContain('npx vitest run src/core/elector/validation');
  });

  const reportTables = markedTables(report);
  const docTables = markedTables(DOC);
  it('carries every table of the report', () => {
    expect([...docTables.keys()].sort()).toEqual([...reportTables.keys()].sort());
  });
  for (const [id, rows] of reportTables) {
    it(`table ${id} matches the report (text equal, numbers within 0.5 % or one unit of the last digit)`, () => {
      expect(compareTables(docTables.get(id) ?? [], rows)).toEqual([]);
    });
  }

  it('every number in the prose is printed by the report', () => {
    expect(unprintedNumbers(DOC, report)).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('reads printed numbers', () => {
    expect(numbersIn('η 21,845 · drain 64 · −978 and 1.12, 0.5 MB')).toEqual(['21,845', '64', '−978', '1.12', '0.5']);
    expect(num(-977.5)).toBe('−978');
    expect(num(1234567.891, 2)).toBe('1,234,567.89');
    expect(signedPct(0.069)).toBe('+6.9 %');
  });
  it('catches a changed figure', () => {
    expect(numbersAgree('7,358', '7,358')).toBe(true);
    expect(numbersAgree('7,400', '7,358')).toBe(false);
    expect(numbersAgree('1.13', '1.12')).toBe(true); // one unit of the last digit
    expect(numbersAgree('1.15', '1.12')).toBe(false);
    expect(compareTables([['qkv', '7,358']], [['qkv', '7,500']])).toHaveLength(1);
    expect(compareTables([['qkv', '7,358']], [['qk', '7,358']])).toHaveLength(1);
  });
});
