/**
 * Base64 of byte and little-endian 16-bit arrays without Node's Buffer, so the same code
 * runs in the page, in workers and in Node 20. Decoding uses the platform's `atob` when
 * there is one (native, fast on a 1.5 MB file) and a small decoder otherwise.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;
/** Canonical padded base64 only: `atob` alone would also accept spaces and missing padding. */
const STRICT_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function bytesToBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunks.push(ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
      + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=')
      + (i + 2 < bytes.length ? ALPHABET[n & 63] : '='));
  }
  return chunks.join('');
}

/** Decodes canonical base64; throws naming the length or the first bad character. */
export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error(`base64 length ${text.length} is not a multiple of 4`);
  if (!STRICT_RE.test(text)) {
    const at = text.replace(/={1,2}$/, '').search(/[^A-Za-z0-9+/]/);
    if (at >= 0 && text[at] === '=') throw new Error(`misplaced base64 padding at ${at}`);
    throw new Error(at >= 0 ? `invalid base64 character ${JSON.stringify(text[at])} at ${at}` : 'invalid base64 padding');
  }
  if (typeof atob === 'function') {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  return decodeSmall(text);
}

/** The fallback for platforms without `atob`; `text` is already known to be canonical. */
export function decodeSmall(text: string): Uint8Array {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) n = (n << 6) | Math.max(0, LOOKUP[text.charCodeAt(i + j)]);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Little-endian whatever the platform's byte order, so files read the same everywhere. */
export function uint16ToBase64(values: Uint16Array): string {
  const bytes = new Uint8Array(values.length * 2);
  values.forEach((v, i) => { bytes[2 * i] = v & 255; bytes[2 * i + 1] = v >> 8; });
  return bytesToBase64(bytes);
}

export function bytesToUint16(bytes: Uint8Array): Uint16Array {
  if (bytes.length % 2 !== 0) throw new Error(`${bytes.length} bytes is an odd number for 16-bit ids`);
  const out = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
  return out;
}

export function base64ToUint16(text: string): Uint16Array {
  return bytesToUint16(base64ToBytes(text));
}
