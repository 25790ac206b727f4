/**
 * The numbered lines of a `simulate --batch` input, pulled as the caller consumes
 * them (`for await`), so memory is one chunk plus one line whatever the input's
 * size: a 600 MB file or an endless pipe is never read into one string.
 *
 * Not node:readline: it holds a line of any length in memory. Here a line longer
 * than `maxChars` is discarded as it arrives and reported in its place, so a stray
 * binary or one huge JSON array on a line costs that line's error, not the heap.
 */
import { StringDecoder } from 'node:string_decoder';

/** A byte stream (a Node Readable) or any iterable of text or bytes (tests). */
export type Chunks = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

export type BatchLine =
  /** `line` is 1-based and counts every line, blank ones too, as an editor does. */
  | { line: number; text: string }
  | { line: number; tooLong: true };

export async function* readBatchLines(input: Chunks, maxChars: number): AsyncGenerator<BatchLine> {
  // A multi-byte UTF-8 character may straddle two chunks: the decoder keeps its first bytes.
  const decoder = new StringDecoder('utf8');
  let tail = '';
  // The current line already passed maxChars: the rest of it is skipped up to its newline.
  let overflow = false;
  let line = 0;
  const finish = (text: string): BatchLine => {
    line++;
    if (overflow || text.length > maxChars) return { line, tooLong: true };
    return { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    // Only the new chunk is searched: a long line arriving in many chunks costs linear time.
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const done = finish(overflow ? '' : tail + text.slice(start, nl));
      tail = '';
      overflow = false;
      start = nl + 1;
      yield done;
    }
    if (!overflow) {
      tail += text.slice(start);
      if (tail.length > maxChars) {
        overflow = true;
        tail = '';
      }
    }
  }
  const rest = overflow ? '' : tail + decoder.end();
  // A last line without a newline is still a line; an input ending in "\n" has none after it.
  if (overflow || rest.length > 0) yield finish(rest);
}
