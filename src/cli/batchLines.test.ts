import { describe, expect, it } from 'vitest';
import { readBatchLines, type BatchLine } from './batchLines.ts';

async function lines(chunks: (string | Buffer)[], maxChars = 1000): Promise<BatchLine[]> {
  const out: BatchLine[] = [];
  for await (const l of readBatchLines(chunks, maxChars)) out.push(l);
  return out;
}

describe('readBatchLines', () => {
  it('numbers lines across chunk boundaries, blank lines included, with or without a final newline', async () => {
    expect(await lines(['{"a":', '1}\n\n{"b"', ':2}\r\n', 'last'])).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: '' }, { line: 3, text: '{"b":2}' }, { line: 4, text: 'last' },
    ]);
    expect(await lines(['x\n'])).toEqual([{ line: 1, text: 'x' }]);
    expect(await lines([])).toEqual([]);
  });

  it('decodes a UTF-8 character split between two chunks', async () => {
    const bytes = Buffer.from('{"name":"µ-net"}\n', 'utf8');
    const cut = bytes.indexOf(0xb5); // the second byte of "µ"
    expect(await lines([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([{ line: 1, text: '{"name":"µ-net"}' }]);
  });

  it('reports an over-long line in its place without keeping it, and goes on', async () => {
    const long = 'y'.repeat(25);
    // In one chunk, and spread over many (where it is dropped as it grows).
    expect(await lines([`ok\n${long}\nfine\n`], 10)).toEqual([{ line: 1, text: 'ok' }, { line: 2, tooLong: true }, { line: 3, text: 'fine' }]);
    expect(await lines(['ok\nyyyyyyy', 'yyyyyyy', 'yyyyyyy\nfine', '\n', long], 10)).toEqual([
      { line: 1, text: 'ok' }, { line: 2, tooLong: true }, { line: 3, text: 'fine' }, { line: 4, tooLong: true },
    ]);
    // Exactly maxChars is allowed.
    expect(await lines(['y'.repeat(10)], 10)).toEqual([{ line: 1, text: 'y'.repeat(10) }]);
  });
});
