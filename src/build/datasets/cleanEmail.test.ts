import { describe, expect, it } from 'vitest';
import { cleanEmail, decodeHeader } from './cleanEmail.ts';
import { htmlToText } from './htmlToText.ts';

/** An e-mail as the build reads it: one char per byte. */
const latin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

describe('cleanEmail', () => {
  it('keeps the subject and body, drops the other headers and unfolds', () => {
    const e = cleanEmail('From: a@b.c\nSubject: Hello\n  there\nX-Spam: no\n\nFirst line.\nSecond  line.\n');
    expect(e).toEqual({ subject: 'Hello there', body: 'First line. Second line.', skippedParts: 0 });
  });

  it('prefers text/plain in multipart/alternative and skips attachments', () => {
    const raw = [
      'Subject: Offer', 'Content-Type: multipart/mixed; boundary="XX"', '', 'preamble', '--XX',
      'Content-Type: multipart/alternative; boundary=YY', '', '--YY', 'Content-Type: text/plain', '', 'plain words', '--YY',
      'Content-Type: text/html', '', '<p>html words</p>', '--YY--', '--XX', 'Content-Type: image/gif',
      'Content-Transfer-Encoding: base64', '', 'R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=', '--XX--', '',
    ].join('\n');
    expect(cleanEmail(raw)).toEqual({ subject: 'Offer', body: 'plain words', skippedParts: 1 });
  });

  it('decodes quoted-printable, base64 and charsets', () => {
    const qp = cleanEmail('Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 au l=\nait');
    expect(qp.body).toBe('Café au lait');
    const b64 = cleanEmail(`Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${btoa(latin1('Grüße aus Köln'))}`);
    expect(b64.body).toBe('Grüße aus Köln');
    expect(decodeHeader('=?iso-8859-1?Q?Caf=E9_cr=E8me?= and =?utf-8?B?w7w=?=')).toBe('Café crème and ü');
  });

  it('turns HTML into text, keeping link targets', () => {
    expect(htmlToText('<html><head><style>p{}</style></head><body><a href="http://x.biz/buy">Click&nbsp;here</a> &amp; &#36;5</body></html>').replace(/\s+/g, ' ').trim())
      .toBe('http://x.biz/buy Click here & $5');
    expect(cleanEmail('Subject: s\n\n<html><body><b>Bold</b> offer</body></html>').body).toBe('Bold offer');
  });
});

describe('cleanEmail edge cases', () => {
  it('reads a MIME part with no headers as plain text, first paragraph included', () => {
    const raw = 'Subject: s\nContent-Type: multipart/mixed; boundary=B\n\n--B\n\nfirst paragraph\n\nsecond\n--B--\n';
    expect(cleanEmail(raw).body).toBe('first paragraph second');
  });
});
