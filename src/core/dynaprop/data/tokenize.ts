/**
 * Tokenizers of the bundled datasets (docs/datasets.md), shared by the build script and
 * the app so that text typed in the browser is cut exactly like the training data.
 * Ids 0–2 are special in every vocabulary: padding, the classification token (first in
 * every sequence; the model classifies from it) and unknown.
 */
export const PAD = 0;
export const CLS = 1;
export const UNK = 2;
export const SPECIAL_TOKENS = ['<pad>', '<cls>', '<unk>'] as const;
/** Placeholders of the word tokenizer; always in the spam vocabulary, whatever their counts. */
export const PLACEHOLDER_TOKENS = ['<url>', '<num>', '<email>'] as const;

/** Accents folded to their base letter (é → e), so "Zoë" and "Zoe" are one name. */
const foldAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}+/gu, '');

/**
 * A name's characters: letters a–z, plus apostrophe and hyphen, which mark real name
 * structure (O'Neil, Ann-Marie). Everything else (spaces, digits, letters with no a–z
 * base such as ß or ø) is dropped: the lists hold none of them.
 */
export function charTokens(name: string): string[] {
  return [...foldAccents(name.toLowerCase())].filter((c) => /[a-z'-]/.test(c));
}

const URL_RE = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"']+/g;
const EMAIL_RE = /\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/g;
/**
 * In order: placeholders; a number (digits with , or . inside: 1,000,000 and 3.5 are one
 * number) not glued to letters; a word of letters and digits with inner apostrophes
 * (don't, mp3, win98); a lone $ or !, which are strong spam cues.
 */
const TOKEN_RE = /<url>|<email>|[0-9]+(?:[.,][0-9]+)*(?![a-z0-9])|[a-z0-9]+(?:'[a-z0-9]+)*|[$!]/g;

/**
 * Words of e-mail text, lower-cased and accent-folded. URLs, e-mail addresses and numbers
 * become one placeholder each (`<url>`, `<email>`, `<num>`): their exact values rarely
 * recur, but their presence says a lot about spam. Other characters separate words.
 */
export function wordTokens(text: string): string[] {
  const cleaned = foldAccents(text.toLowerCase()).replace(URL_RE, ' <url> ').replace(EMAIL_RE, ' <email> ');
  const out: string[] = [];
  for (const m of cleaned.matchAll(TOKEN_RE)) out.push(/^[0-9][0-9.,]*$/.test(m[0]) ? '<num>' : m[0]);
  return out;
}

/** CLS, then the tokens' ids (UNK when not in the vocabulary), cut to `maxLen` ids in all. */
export function encode(tokens: readonly string[], vocabIndex: ReadonlyMap<string, number>, maxLen: number): number[] {
  const ids = [CLS];
  for (const t of tokens) {
    if (ids.length >= maxLen) break;
    ids.push(vocabIndex.get(t) ?? UNK);
  }
  return ids;
}
