/**
 * FNV-1a, 32-bit, over UTF-8 bytes, fed a string at a time. Cheap enough to run
 * over a million rows while they are written or read, and simple to recompute
 * elsewhere (Python: a ten-line loop over `line.encode()`), which a CRC table or
 * a cryptographic hash in the browser's async API would not be. It guards
 * against edits and bit rot, not against tampering.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class Fnv1a32 {
  private h = FNV_OFFSET;

  /** Adds the UTF-8 encoding of `text` (surrogate pairs become one 4-byte code point). */
  update(text: string): this {
    let h = this.h;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        h = Math.imul(h ^ c, FNV_PRIME);
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      const bytes = c < 0x800
        ? [0xc0 | (c >> 6), 0x80 | (c & 63)]
        : c < 0x10000
          ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
          : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
      for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME);
    }
    this.h = h;
    return this;
  }

  /** "fnv1a32:" and the hash as 8 lowercase hex digits. */
  digest(): string {
    return `fnv1a32:${(this.h >>> 0).toString(16).padStart(8, '0')}`;
  }
}
