/**
 * The 37-entry categorical embedding of docs/flexibert.md §4: entry 0 is the
 * position of `l` in the layer list; layer i uses entries 3i+1 (hidden size),
 * 3i+2 (feed-forward option) and 3i+3 (attention option); unused entries are 0.
 */
import { ValidationError, type ValidationIssue, type Validated } from '../issues.ts';
import { ATTENTION_BLOCKS, ATTENTION_OPTION_COUNT, attentionOption, attentionOptionIndex } from './attentionOptions.ts';
import { FF_OPTION_COUNT, ffOption, ffOptionIndex } from './ffOptions.ts';
import { describe, parseHeadOp, headWidth } from './ops.ts';
import { TRANSFORMER_SPACE } from './schema.ts';
import type { ModelDict } from './types.ts';

const S = TRANSFORMER_SPACE;
const MAX_LAYERS = Math.max(...S.layers);

/** 1 + 3 × (maximum layer count) = 37. */
export const EMBEDDING_LENGTH = 1 + 3 * MAX_LAYERS;

/**
 * Which attention options a sampler may draw: all, "narrow" (2–4 heads, indices
 * 0..237) or "wide" (8–12 heads, 238..21804), as in the reference's stratified sampling.
 */
export type HeadRange = 'all' | 'narrow' | 'wide';

/** Inclusive per-entry bounds of the embedding. Entries past the model's layers must still be 0. */
export function embeddingBounds(range: HeadRange = 'all'): { min: number[]; max: number[] } {
  const wideStart = ATTENTION_BLOCKS.find((b) => b.heads >= 8)!.start;
  const [attMin, attMax] =
    range === 'narrow' ? [0, wideStart - 1] : range === 'wide' ? [wideStart, ATTENTION_OPTION_COUNT - 1] : [0, ATTENTION_OPTION_COUNT - 1];
  const min = [0];
  const max = [S.layers.length - 1];
  for (let i = 0; i < MAX_LAYERS; i++) {
    min.push(0, 0, attMin);
    max.push(S.hidden.length - 1, FF_OPTION_COUNT - 1, attMax);
  }
  return { min, max };
}

/**
 * Encodes a model. Head order inside a layer does not matter: the attention
 * index is that of the layer's multiset of head types, so the model need not be
 * canonical (decoding returns canonical order). Head widths `d` are not encoded;
 * decoding restores d = floor(h/n). Throws a ValidationError naming the field if
 * a value lies outside the design space.
 */
export function encodeModel(m: ModelDict): number[] {
  const fail = (path: string, message: string): never => {
    throw new ValidationError('model', [{ path, message }]);
  };
  const e = new Array<number>(EMBEDDING_LENGTH).fill(0);
  e[0] = (S.layers as readonly number[]).indexOf(m.l);
  if (e[0] < 0) fail('l', `${m.l} is not an allowed layer count (allowed: ${S.layers.join(', ')})`);
  for (let i = 0; i < m.l; i++) {
    const hidden = (S.hidden as readonly number[]).indexOf(m.h[i]);
    if (hidden < 0) fail(`h[${i}]`, `not an allowed hidden size (allowed: ${S.hidden.join(', ')})`);
    const ff = Array.isArray(m.f[i]) ? ffOptionIndex(m.f[i]) : -1;
    if (ff < 0) fail(`f[${i}]`, `not a feed-forward stack of 1–3 widths from ${S.ffWidths.join(', ')}`);
    const types = (m.o[i] ?? []).map((op) => {
      const parsed = parseHeadOp(op);
      return 'error' in parsed ? '' : parsed.type;
    });
    const att = attentionOptionIndex(types);
    if (att < 0) fail(`o[${i}]`, `not 2, 4, 8 or 12 heads of known types`);
    e.splice(3 * i + 1, 3, hidden, ff, att);
  }
  return e;
}

const FIELD = ['hidden-size', 'feed-forward', 'attention'] as const;

/** Decodes an embedding (e.g. from a surrogate or a share link), checking every bound. */
export function decodeModel(e: readonly unknown[]): Validated<ModelDict> {
  const issue = (path: string, message: string): Validated<ModelDict> => ({ ok: false, issues: [{ path, message }] });
  if (!Array.isArray(e)) return issue('embedding', `expected a list of ${EMBEDDING_LENGTH} integers, got ${describe(e)}`);
  if (e.length !== EMBEDDING_LENGTH) return issue('embedding', `has ${e.length} entries, expected ${EMBEDDING_LENGTH}`);
  const issues: ValidationIssue[] = [];
  const { min, max } = embeddingBounds();
  e.forEach((v, k) => {
    const what = k === 0 ? 'layer-count' : FIELD[(k - 1) % 3];
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      issues.push({ path: `embedding[${k}]`, message: `expected an integer ${what} index, got ${describe(v)}` });
    } else if (v < min[k] || v > max[k]) {
      issues.push({ path: `embedding[${k}]`, message: `${what} index ${v} out of range ${min[k]}..${max[k]}` });
    }
  });
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 20) };
  const codes = e as readonly number[];
  const l = S.layers[codes[0]];
  const stray = codes.findIndex((v, k) => k > 3 * l && v !== 0);
  if (stray >= 0) {
    return issue(`embedding[${stray}]`, `must be 0: l = ${l} uses only entries 0..${3 * l} (found ${codes[stray]})`);
  }
  const model: ModelDict = { l, o: [], h: [], f: [] };
  for (let i = 0; i < l; i++) {
    const hidden = S.hidden[codes[3 * i + 1]];
    const types = attentionOption(codes[3 * i + 3]);
    const d = headWidth(hidden, types.length);
    model.h.push(hidden);
    model.f.push(ffOption(codes[3 * i + 2]));
    model.o.push(types.map((t) => `${t}_${d}`));
  }
  return { ok: true, value: model };
}
