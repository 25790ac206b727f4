/**
 * The subject and readable start of a raw e-mail: headers dropped, quoted-printable
 * soft breaks joined, base64 and MIME part headers skipped, HTML tags and entities
 * removed. Good enough for a bag of words, not a MIME parser.
 */
export function cleanEmail(raw: string): { subject: string; body: string } {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const headers = split < 0 ? text : text.slice(0, split);
  const subject = /^Subject:(.*(?:\n[ \t].*)*)/im.exec(headers)?.[1].replace(/\s+/g, ' ').trim() ?? '';
  let body = split < 0 ? '' : text.slice(split + 2);
  body = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const kept: string[] = [];
  for (const line of body.split('\n')) {
    if (/^[A-Za-z0-9+/=]{40,}$/.test(line.trim())) continue;
    if (/^(content-[a-z-]+|mime-version|--[-=_a-z0-9.]{6,})/i.test(line.trim())) continue;
    kept.push(line);
    if (kept.join(' ').length > 3000) break;
  }
  body = kept.join('\n').replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return { subject, body: body.replace(/\s+/g, ' ').trim().slice(0, 2000) };
}
