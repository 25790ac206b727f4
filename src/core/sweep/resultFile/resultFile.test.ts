import { describe, expect, it } from 'vitest';
import { runSweepChunk } from '../run.ts';
import { OBJECTIVES } from '../objectives.ts';
import { Fnv1a32 } from './checksum.ts';
import { readSweepResultStream, ROW_FLAG } from './columns.ts';
import { ResultFileError } from './errors.ts';
import { RESULT_VERSION, shardRowCount } from './format.ts';
import { LineSplitter } from './lines.ts';
import { readableChunks } from './streamChunks.ts';
import { chunked, job, shardText } from './testFixtures.ts';
import { encodeFailedRow, encodeRow } from './writer.ts';

const j = job();
const whole = shardText(j, 0, 1);

describe('the result file', () => {
  it('is a header, one compact row per pair and a trailer', () => {
    const lines = whole.trimEnd().split('\n');
    expect(lines).toHaveLength(30 + 2);
    const header = JSON.parse(lines[0]);
    expect(header).toMatchObject({ kind: 'transcode-sweep-result', version: RESULT_VERSION, seed: 11, shard: { index: 0, count: 1 }, total: 30, columns: [...OBJECTIVES], tool: 'test 1' });
    expect(header.spec).toEqual(j.spec);
    expect(JSON.parse(lines[1])[0]).toBe(0);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, rows: 30 });
    expect(encodeRow(4, [1.5, Number.NaN, Infinity, 1e-300])).toBe('[4,1.5,null,null,1e-300]');
    expect(encodeFailedRow(5, 'too "big"')).toBe('[5,null,"too \\"big\\""]');
  });

  it('reads back, from chunks of any size, into the columns the app computes', async () => {
    const app = runSweepChunk(j.spec, j.base, j.settings, 0, 30);
    const progress: number[] = [];
    const read = await readSweepResultStream(chunked(whole), (p) => progress.push(p.rows), 'whole.jsonl');
    expect(read.complete).toBe(true);
    expect(read.issue).toBeNull();
    expect(read.job).toEqual({ ...j, total: 30 });
    for (const o of OBJECTIVES) expect([...read.columns[o]]).toEqual([...app.columns[o]]);
    expect([...read.errors]).toEqual([...app.errors]);
    expect(read.errorCount).toBe(app.errors.reduce((n, e) => n + e, 0));
    expect(read.errorCount).toBeGreaterThan(0);
    expect(read.errorKinds.map((k) => k.message)).toEqual(expect.arrayContaining(app.errorKinds.map((k) => k.message)));
    expect(progress.at(-1)).toBe(30);
  });

  it('reads a web stream of bytes decoded to text, as the browser import worker will', async () => {
    const bytes = new Blob([whole]).stream();
    const read = await readSweepResultStream(readableChunks(bytes.pipeThrough(new TextDecoderStream())), undefined, 'blob');
    expect(read.complete).toBe(true);
    expect(read.rows).toBe(30);
  });

  it('is the same bytes for the same spec, and different for another seed', () => {
    expect(shardText(j, 0, 1)).toBe(whole);
    expect(shardText(job({ seed: 12 }), 0, 1)).not.toBe(whole);
  });

  it('marks rows of other shards absent when one shard is read', async () => {
    const read = await readSweepResultStream([shardText(j, 1, 4)], undefined, 's1.jsonl');
    expect(read.complete).toBe(true);
    expect(read.rows).toBe(shardRowCount(30, { index: 1, count: 4 }));
    expect(read.errors[0]).toBe(ROW_FLAG.absent);
    expect(read.errors[1]).not.toBe(ROW_FLAG.absent);
  });
});

describe('a damaged file', () => {
  const lines = whole.split('\n');

  it('cut short keeps every row before the cut and says it is truncated', async () => {
    for (const cut of [whole.length - 5, whole.indexOf('\n', 1000) + 1]) {
      const read = await readSweepResultStream(chunked(whole.slice(0, cut)), undefined, 'cut.jsonl');
      expect(read.complete).toBe(false);
      expect(read.issue?.message).toMatch(/^cut\.jsonl:\d+: trailer: the file ends without its trailer.*truncated after \d+ of 30 rows/);
      expect(read.rows).toBeGreaterThan(0);
      expect(read.errors[read.rows - 1]).not.toBe(ROW_FLAG.absent);
    }
  });

  it('with a bad line stops there, naming the file, line and cell', async () => {
    const bad = [...lines];
    bad[5] = bad[5].replace(/^\[4,[^,]+,/, '[4,"x",');
    const read = await readSweepResultStream([bad.join('\n')], undefined, 'bad.jsonl');
    expect(read.issue?.message).toMatch(/^bad\.jsonl:6: row\[1\] \(latency\): expected a number or null, got "x"/);
    expect(read.rows).toBe(4);
  });

  it('with an altered value fails its checksum', async () => {
    const altered = whole.replace(/^\[2,\d/m, '[2,9');
    expect((await readSweepResultStream([altered])).issue?.message).toMatch(/trailer\.checksum: .* does not match/);
  });

  it('with rows missing, repeated or from another shard is refused at that row', async () => {
    const cases: [string[], RegExp][] = [
      [[...lines.slice(0, 3), ...lines.slice(4)], /:4: row\[0\]: index 3 skips rows 2…2: they are missing/],
      [[...lines.slice(0, 4), lines[3], ...lines.slice(4)], /:5: row\[0\]: index 2 is repeated or out of order/],
      [[...lines.slice(0, 1), lines[1].replace('[0,', '[31,'), ...lines.slice(2)], /:2: row\[0\]: index 31 is outside the sweep's 0..29/],
    ];
    for (const [text, message] of cases) expect((await readSweepResultStream([text.join('\n')])).issue?.message).toMatch(message);
  });

  it('of a newer version, another kind or with a bad header is refused whole', async () => {
    const headerCases: [string, RegExp][] = [
      [lines[0].replace('"version":1', '"version":2'), /^f:1: header\.version: version 2 is newer than this tool reads \(up to 1\)/],
      [JSON.stringify({ kind: 'transcode-sweep-points' }), /header\.kind: .*run `transcode sweep --spec` on it/],
      [lines[0].replace('"samples":30', '"samples":-3'), /^f:1: header\.spec\.samples: /],
      [lines[0].replace('"total":30', '"total":31'), /header\.total: 31 differs from the 30 pairs/],
      [lines[0].replace('"latency"', '"speed"'), /header\.columns\[0\]: "speed" is not an objective/],
    ];
    for (const [header, message] of headerCases) {
      await expect(readSweepResultStream([[header, ...lines.slice(1)].join('\n')], undefined, 'f')).rejects.toThrow(message);
    }
    await expect(readSweepResultStream([''], undefined, 'f')).rejects.toThrow(/^f: the file is empty/);
    await expect(readSweepResultStream(['\n'], undefined, 'f')).rejects.toBeInstanceOf(ResultFileError);
  });

  it('with text after the trailer, or an empty line, is refused', async () => {
    expect((await readSweepResultStream([`${whole}[30,1]\n`])).issue?.message).toMatch(/:33: a line after the trailer/);
    expect((await readSweepResultStream([whole.replace('\n', '\n\n')])).issue?.message).toMatch(/:2: an empty line/);
  });
});

describe('LineSplitter', () => {
  it('numbers lines across chunk boundaries and accepts CRLF', () => {
    const s = new LineSplitter();
    const got = [...s.push('a\r'), ...s.push('\nbb'), ...s.push('\n'), ...s.push('c')];
    expect(got).toEqual([{ text: 'a', line: 1 }, { text: 'bb', line: 2 }]);
    expect(s.end()).toEqual({ text: 'c', line: 3, unterminated: true });
  });

  it('refuses a line without end (a binary, a whole JSON array) instead of growing', () => {
    const s = new LineSplitter();
    expect(() => {
      for (let i = 0; i < 2000; i++) s.push('x'.repeat(1000));
    }).toThrow(/line 1 is longer than/);
  });
});

describe('Fnv1a32', () => {
  it('matches the published vectors and hashes UTF-8 bytes', () => {
    expect(new Fnv1a32().digest()).toBe('fnv1a32:811c9dc5');
    expect(new Fnv1a32().update('a').digest()).toBe('fnv1a32:e40c292c');
    expect(new Fnv1a32().update('foobar').digest()).toBe('fnv1a32:bf9cf968');
    const text = 'buffer ≤ 16 MB, 😀 é';
    const bytes = new TextEncoder().encode(text);
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
    expect(new Fnv1a32().update(text.slice(0, 9)).update(text.slice(9)).digest()).toBe(`fnv1a32:${(h >>> 0).toString(16).padStart(8, '0')}`);
  });
});
