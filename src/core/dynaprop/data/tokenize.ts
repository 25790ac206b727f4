/**
 * Tokenizers of the bundled datasets, shared by the build script and the app.
 * Ids 0–2 are special in every vocabulary: padding, the classification token (first
 * in every sequence; the model classifies from it) and unknown.
 */
export const PAD = 0;
export const CLS = 1;
export const UNK = 2;
export const SPECIAL_TOKENS = ['<pad>', '<cls>', '<unk>'] as const;

/** Letters a–z, apostrophe and hyphen; anything else (accents, digits) is dropped. */
export function charTokens(name: string): string[] {
  return [...name.toLowerCase().normalize('NFD')].filter((c) => /[a-z'-]/.test(c));
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/g;
const EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;

/**
 * Words of e-mail text, lower-cased: URLs, e-mail addresses and numbers become one
 * token each (`<url>`, `<email>`, `<num>`), because their exact values carry little that
 * generalises but their presence says a lot about spam. `$` and `!` are kept as tokens.
 */
export function wordTokens(text: string): string[] {
  const cleaned = text.toLowerCase().replace(URL_RE, ' <url> ').replace(EMAIL_RE, ' <email> ');
  const out: string[] = [];
  for (const m of cleaned.matchAll(/<url>|<email>|[a-z][a-z']*|[0-9][0-9.,]*|[$!]/g)) {
    const t = m[0];
    out.push(/^[0-9]/.test(t) ? '<num>' : t.replace(/'+$/, ''));
  }
  return out;
}

/** CLS, then the tokens' ids (UNK when unknown), cut to `maxLen` in all. */
export function encode(tokens: readonly string[], vocab: ReadonlyMap<string, number>, maxLen: number): number[] {
  const ids = [CLS];
  for (const t of tokens) {
    if (ids.length >= maxLen) break;
    ids.push(vocab.get(t) ?? UNK);
  }
  return ids;
}
