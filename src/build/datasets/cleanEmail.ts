/**
 * The subject and readable start of a raw e-mail, for a bag of words (not a full MIME
 * parser). Input is the file read as latin1, one char per byte, so that each part can be
 * decoded with its own declared charset. Multipart messages are walked: text/plain is
 * preferred inside multipart/alternative, attachments (images, PGP signatures, …) are
 * skipped, quoted-printable and base64 text parts are decoded and HTML becomes plain text.
 */
import { htmlToText } from './htmlToText.ts';

export interface CleanedEmail { subject: string; body: string; skippedParts: number }
interface Part { headers: Map<string, string>; body: string }

/** Enough text for 127 words; more only costs time. */
const BODY_CHARS = 4000;
const MAX_DEPTH = 5;

function splitPart(text: string): Part {
  // A part that starts with an empty line has no headers (the `^` case).
  const blank = /(?:^|\r?\n)\r?\n/.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (m && !headers.has(m[1].toLowerCase())) headers.set(m[1].toLowerCase(), m[2].trim());
  }
  return { headers, body: blank ? text.slice(blank.index + blank[0].length) : '' };
}

const param = (value: string, name: string): string | undefined =>
  new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)?.slice(1).find((x) => x !== undefined);

/** Bytes (as a latin1 string) in a declared charset; unknown or mangled labels read as windows-1252. */
function decodeCharset(bytes: string, charset: string | undefined): string {
  const data = Uint8Array.from(bytes, (c) => c.charCodeAt(0) & 255);
  try { return new TextDecoder(charset ?? 'windows-1252').decode(data); } catch { return new TextDecoder('windows-1252').decode(data); }
}

const decodeQuotedPrintable = (s: string): string =>
  s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function decodeBase64Loose(s: string): string {
  // Padding dropped: atob accepts unpadded input, except a lone dangling character.
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  try { return atob(clean.length % 4 === 1 ? clean.slice(0, -1) : clean); } catch { return ''; }
}

/** RFC 2047 encoded words in headers (=?charset?Q|B?text?=); the space between two of them is not text. */
export function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=(?:\s+(?==\?))?/g, (_, charset: string, enc: string, text: string) =>
    decodeCharset(enc.toUpperCase() === 'B' ? decodeBase64Loose(text) : decodeQuotedPrintable(text.replace(/_/g, ' ')), charset));
}

function partText(part: Part, depth: number, skipped: { n: number }): string {
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/') && depth < MAX_DEPTH) {
    const boundary = param(contentType, 'boundary');
    if (!boundary) return part.body;
    const children = part.body.split(`--${boundary}`).slice(1).filter((c) => !c.startsWith('--'))
      .map((c) => splitPart(c.replace(/^[ \t]*\r?\n/, '')));
    if (type === 'multipart/alternative') {
      const plain = children.find((c) => /^text\/plain/i.test(c.headers.get('content-type') ?? 'text/plain'));
      return partText(plain ?? children[0] ?? { headers: new Map(), body: '' }, depth + 1, skipped);
    }
    return children.map((c) => partText(c, depth + 1, skipped)).join('\n');
  }
  if (type === 'message/rfc822' && depth < MAX_DEPTH) return partText(splitPart(part.body), depth + 1, skipped);
  if (!type.startsWith('text/')) { skipped.n++; return ''; }
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  let body = encoding === 'base64' ? decodeBase64Loose(part.body) : encoding === 'quoted-printable' ? decodeQuotedPrintable(part.body) : part.body;
  body = decodeCharset(body.slice(0, 4 * BODY_CHARS), param(contentType, 'charset'));
  // Some spam sends HTML as text/plain or with no type at all.
  return type === 'text/html' || /<\/?(?:html|body|font|table|div|br|p|a)\b/i.test(body) ? htmlToText(body) : body;
}

export function cleanEmail(raw: string): CleanedEmail {
  const message = splitPart(raw);
  const skipped = { n: 0 };
  // Raw 8-bit subjects (Korean and Chinese spam) are in the message's charset, if it names one.
  const charset = param(message.headers.get('content-type') ?? '', 'charset');
  const subject = decodeHeader(decodeCharset(message.headers.get('subject') ?? '', charset)).replace(/\s+/g, ' ').trim();
  const lines = partText(message, 0, skipped).split(/\r?\n/)
    // Undecoded base64 or uuencoded blobs (long runs with no spaces), and MIME headers and
    // boundaries of parts that a malformed message did not declare.
    .filter((line) => !/^[A-Za-z0-9+/=`!-]{60,}$/.test(line.trim()) && !/^(?:content-[a-z-]+:|mime-version:|--[-=_.a-z0-9]{10,}$)/i.test(line.trim()));
  return { subject, body: lines.join('\n').replace(/\s+/g, ' ').trim().slice(0, BODY_CHARS), skippedParts: skipped.n };
}
