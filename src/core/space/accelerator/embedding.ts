/**
 * The 12-number accelerator embedding of TransCODE (docs/elector.md §13):
 * `[tile_b, tile_x, tile_y, pe, lanes_per_pe, mac_per_lane, softmax_per_pe,
 *   batch_size, activation_MB, weight_MB, mask_MB, mem_idx]`, values not indices.
 *
 * The embedding does not carry the non-linearity or the memory mode: decoding
 * fixes gelu and `lb` iff DRAM, so a relu or DRAM+hb config does not round-trip.
 * (The reference's other fixed fields, loop unrolling and scheduler batches, are
 * not part of `AcceleratorConfig`.)
 */
import type { Validated, ValidationIssue } from '../issues.ts';
import { assembleAccelerator, flattenAccelerator, type AcceleratorNumbers } from './flat.ts';
import { describeValue, isFiniteNumber } from './loose.ts';
import { bandwidthModeFor, NUMERIC_PARAM_BY_PATH, NUMERIC_PARAMS, type NumericParamPath } from './params.ts';
import { MEMORY_INDEX, memoryKey, type AcceleratorSpaceVariant, type MemoryOption } from './schema.ts';
import type { AcceleratorConfig, AcceleratorEmbedding } from './types.ts';
import { validateAccelerator } from './validate.ts';

export const EMBEDDING_LENGTH = 12;
/** Position of `mem_idx`, the index into `MEMORY_INDEX`. */
export const MEM_IDX_POSITION = 11;

/** `mem_idx` of a memory configuration, or -1 if the embedding has none for it. */
export function memoryIndexOf(m: Pick<MemoryOption, 'type' | 'banks' | 'ranks' | 'channels'>): number {
  return MEMORY_INDEX.findIndex(
    (o) => o.type === m.type && o.banks === m.banks && o.ranks === m.ranks && o.channels === m.channels,
  );
}

/** Encodes a config; throws if its main memory has no `mem_idx`. Values are copied, not checked. */
export function acceleratorToEmbedding(c: AcceleratorConfig): AcceleratorEmbedding {
  const memIdx = memoryIndexOf(c.mainMemory);
  if (memIdx < 0) {
    const m = c.mainMemory;
    throw new Error(
      `main memory ${describeValue(m.type)} ${m.banks}/${m.ranks}/${m.channels} has no mem_idx ` +
        `(the embedding covers ${MEMORY_INDEX.map(memoryKey).join(', ')})`,
    );
  }
  const flat = flattenAccelerator(c);
  const e = new Array<number>(EMBEDDING_LENGTH);
  for (const p of NUMERIC_PARAMS) e[p.embeddingIndex] = flat[p.path];
  e[MEM_IDX_POSITION] = memIdx;
  return e as AcceleratorEmbedding;
}

/** Decodes and validates an embedding against a variant of the space. */
export function acceleratorFromEmbedding(
  e: unknown,
  variant: AcceleratorSpaceVariant = 'transcode',
): Validated<AcceleratorConfig> {
  if (!Array.isArray(e)) return fail('embedding', `expected an array of ${EMBEDDING_LENGTH} numbers, got ${describeValue(e)}`);
  if (e.length !== EMBEDDING_LENGTH) return fail('embedding', `must have ${EMBEDDING_LENGTH} entries (got ${e.length})`);

  const issues: ValidationIssue[] = [];
  for (let i = 0; i < EMBEDDING_LENGTH; i++) {
    if (!isFiniteNumber(e[i])) issues.push({ path: entryPath(i), message: `expected a finite number, got ${describeValue(e[i])}` });
  }
  const memIdx = e[MEM_IDX_POSITION] as unknown;
  if (isFiniteNumber(memIdx) && !(Number.isInteger(memIdx) && memIdx >= 0 && memIdx < MEMORY_INDEX.length)) {
    const allowed = MEMORY_INDEX.map((m, i) => `${i} = ${memoryKey(m)}`).join(', ');
    issues.push({ path: entryPath(MEM_IDX_POSITION), message: `${memIdx} is not a memory index (allowed: ${allowed})` });
  }
  if (issues.length > 0) return { ok: false, issues };

  const numbers = {} as AcceleratorNumbers;
  for (const p of NUMERIC_PARAMS) numbers[p.path] = e[p.embeddingIndex] as number;
  const memory = MEMORY_INDEX[memIdx as number];
  const config = assembleAccelerator(numbers, 'gelu', { ...memory, mode: bandwidthModeFor(memory.type) });
  const checked = validateAccelerator(config, variant);
  if (checked.ok) return checked;
  return { ok: false, issues: checked.issues.map((i) => ({ path: embeddingPathFor(i.path), message: i.message })) };
}

/** `embedding[3] (pe)`: the index a user edits, then the field it stands for. */
function entryPath(index: number): string {
  const param = NUMERIC_PARAMS.find((p) => p.embeddingIndex === index);
  return `embedding[${index}] (${param ? param.path : 'mem_idx'})`;
}

/** Maps a config path from validation back to the embedding entry that produced it. */
function embeddingPathFor(configPath: string): string {
  if (Object.prototype.hasOwnProperty.call(NUMERIC_PARAM_BY_PATH, configPath)) {
    return entryPath(NUMERIC_PARAM_BY_PATH[configPath as NumericParamPath].embeddingIndex);
  }
  if (configPath.startsWith('mainMemory')) return entryPath(MEM_IDX_POSITION);
  return `embedding (${configPath})`;
}

function fail(path: string, message: string): Validated<AcceleratorConfig> {
  return { ok: false, issues: [{ path, message }] };
}
