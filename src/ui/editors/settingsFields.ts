/**
 * Ranges of the run-settings controls and parsing of what users type into them.
 * The limits are the core's (RUN_SETTING_LIMITS) and the session schema's:
 * sparsity in [0, 1), clock, sequence length and accumulation steps as the core
 * allows. A typed sparsity may be anything below 1 (a sparsity of 1, nothing left
 * to compute, is outside the schema); the slider stops at 0.99.
 */
import { RUN_SETTING_LIMITS } from '../../core/elector/types.ts';
import { REFERENCE_SEQ_LEN } from '../../core/share/runSettings.ts';
import type { RunSettings } from '../../core/share/schema.ts';

export interface NumberRange {
  min: number;
  max: number;
  step: number;
  unit: string;
  /** Whole numbers only. */
  integer?: boolean;
  /** `max` itself is outside the range (sparsity: any value below 1). */
  belowMax?: boolean;
}

const L = RUN_SETTING_LIMITS;

/** What a typed sparsity may be: the schema's [0, 1), so a link or an import holding 0.995 is also what one can type. */
export const SPARSITY_RANGE: NumberRange = { min: 0, max: 1, belowMax: true, step: 0.01, unit: '' };
/** Where the sparsity slider stops (finer targets are typed). */
export const SPARSITY_SLIDER_MAX = 0.99;
export const CLOCK_RANGE: NumberRange = { min: L.clockMHz.min, max: L.clockMHz.max, step: 1, unit: 'MHz' };
export const ACCUMULATION_RANGE: NumberRange = { min: L.accumulationSteps.min, max: L.accumulationSteps.max, step: 1, unit: '', integer: true };

/**
 * Sequence lengths offered: powers of two and 384 (BERT's SQuAD length) within the
 * core's limits. A valid length from a link that is not in the list is offered too.
 */
export function seqLenChoices(current: number): number[] {
  const choices = [32, 64, 128, 256, 384, 512].filter((n) => n >= L.seqLen.min && n <= L.seqLen.max);
  if (Number.isInteger(current) && current >= L.seqLen.min && current <= L.seqLen.max && !choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}

/** Rules the sequence length breaks under these settings, as the field shows them. */
export function seqLenIssues(settings: Pick<RunSettings, 'seqLen' | 'costModel'>): string[] {
  const { seqLen, costModel } = settings;
  if (!(Number.isInteger(seqLen) && seqLen >= L.seqLen.min && seqLen <= L.seqLen.max)) {
    return [`Sequence length must be a whole number of tokens from ${L.seqLen.min} to ${L.seqLen.max}`];
  }
  if (costModel === 'reference' && seqLen !== REFERENCE_SEQ_LEN) {
    return [`Sequence length: the reference cost model runs ${REFERENCE_SEQ_LEN} tokens only; choose ${REFERENCE_SEQ_LEN} or the ELECTOR model`];
  }
  return [];
}

/** "Global batch = 8 steps × 4 sequences = 32 sequences": what one optimizer step trains on. */
export function globalBatchNote(steps: number, batchSize: number): string {
  const seqs = (n: number) => `${n.toLocaleString('en-US')} sequence${n === 1 ? '' : 's'}`;
  return `Global batch = ${steps.toLocaleString('en-US')} step${steps === 1 ? '' : 's'} × batch size ${batchSize} = ${seqs(steps * batchSize)} per optimizer step`;
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** Parses typed text as a number inside `range`; the message names the rule. */
export function parseInRange(text: string, range: NumberRange, what: string): Parsed {
  const rule = `${what} must be a ${range.integer ? 'whole number' : 'number'} from ${range.min} to ${range.belowMax ? 'below ' : ''}${range.max}${range.unit ? ` ${range.unit}` : ''}`;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: rule };
  // Number('0x10') and Number('1e3') parse; a plain decimal is what the field asks for.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, message: rule };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < range.min || value > range.max || (range.belowMax && value === range.max)) return { ok: false, message: rule };
  if (range.integer && !Number.isInteger(value)) return { ok: false, message: rule };
  return { ok: true, value };
}

/** A typed number as a field shows it: at most four decimals, no float noise (0.30000000000000004 → "0.3"). */
export function formatFieldNumber(x: number): string {
  return String(Number(x.toFixed(4)));
}
