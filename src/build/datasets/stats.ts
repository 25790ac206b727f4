/** Counts recorded in a file's `stats`, so a reader can check the splits without decoding them. */
import { SPLIT_NAMES } from '../../core/dynaprop/data/datasetFile.ts';
import type { Splits } from './pack.ts';

/** `{ total: {female: n, male: n}, train: {…}, validation: {…}, test: {…} }` */
export function splitCounts(splits: Splits, labels: string[]): Record<string, Record<string, number>> {
  const byLabel = (xs: { label: number }[]) => Object.fromEntries(labels.map((l, i) => [l, xs.filter((x) => x.label === i).length]));
  const out: Record<string, Record<string, number>> = { total: byLabel(SPLIT_NAMES.flatMap((k) => splits[k])) };
  for (const k of SPLIT_NAMES) out[k] = byLabel(splits[k]);
  return out;
}
