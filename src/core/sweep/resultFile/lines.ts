/**
 * Splits text arriving in chunks of any size (a Node stream, a browser
 * File.stream() through TextDecoderStream) into numbered lines, holding only the
 * unfinished tail between chunks, so a reader's memory is one line plus one
 * chunk whatever the file's size. Accepts "\n" and "\r\n" endings.
 */
export interface NumberedLine {
  /** The line without its ending. */
  text: string;
  /** 1-based. */
  line: number;
  /** The last line of the input had no newline: a writer always ends lines, so the file was probably cut short here. */
  unterminated?: boolean;
}

/** Longest line accepted (a header with a large base design is a few kB; a row, a few hundred bytes). */
export const MAX_LINE_CHARS = 1 << 20;

export class LineSplitter {
  private tail = '';
  private count = 0;
  /** Characters taken in so far (for progress). */
  chars = 0;

  /** Complete lines in `chunk` (with the tail of the previous chunks). */
  push(chunk: string): NumberedLine[] {
    this.chars += chunk.length;
    const out: NumberedLine[] = [];
    // Only the new chunk is searched: a long line arriving in many chunks costs linear time.
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      this.tail += chunk;
    } else {
      out.push({ text: stripCr(this.tail + chunk.slice(0, nl)), line: ++this.count });
      let start = nl + 1;
      for (nl = chunk.indexOf('\n', start); nl >= 0; nl = chunk.indexOf('\n', start)) {
        out.push({ text: stripCr(chunk.slice(start, nl)), line: ++this.count });
        start = nl + 1;
      }
      this.tail = chunk.slice(start);
    }
    // A file without newlines (a binary, a huge JSON array) must not grow the tail without end.
    if (this.tail.length > MAX_LINE_CHARS) throw new RangeError(`line ${this.count + 1} is longer than ${MAX_LINE_CHARS} characters: not a sweep result file`);
    return out;
  }

  /** The last line if the text did not end with a newline, else null. */
  end(): NumberedLine | null {
    const rest = this.tail;
    this.tail = '';
    return rest.length > 0 ? { text: stripCr(rest), line: ++this.count, unterminated: true } : null;
  }

  /** Lines completed so far. */
  get lineCount(): number {
    return this.count;
  }

  /** True if something was pushed after the last newline (a line cut short). */
  get pending(): boolean {
    return this.tail.length > 0;
  }
}

const stripCr = (s: string): string => (s.endsWith('\r') ? s.slice(0, -1) : s);
