/**
 * Accelerator validation: the reference's `check_config` (docs/elector.md §1,
 * item 2) plus the checks a public boundary needs (types, unknown keys, mode).
 *
 * The main-memory `mode` must be `lb` or `hb`, which the reference never checks.
 * Any mode is accepted with any type: DRAM with `hb` is a valid config even though
 * the 12-number embedding always pairs `lb` with DRAM and `hb` with the others
 * (so such a config does not survive an embedding round trip unchanged).
 */
import { ValidationError, type Validated, type ValidationIssue } from '../issues.ts';
import { clip } from '../transformer/ops.ts';
import { assembleAccelerator, type AcceleratorNumbers } from './flat.ts';
import { describeValue, isRecord, ownField, readPath } from './loose.ts';
import { allowedValues, NUMERIC_PARAMS } from './params.ts';
import { acceleratorSpace, type AcceleratorSpace, type AcceleratorSpaceVariant } from './schema.ts';
import type { AcceleratorConfig, BandwidthMode, MainMemoryConfig, MemoryType, NonLinearity } from './types.ts';
import { squareTileIssue } from './squareTile.ts';

const TOP_KEYS = [...new Set(NUMERIC_PARAMS.map((p) => p.path.split('.')[0])), 'nonLinearity', 'mainMemory'];
const TILE_KEYS = ['b', 'x', 'y'];
const MEMORY_KEYS = ['type', 'banks', 'ranks', 'channels', 'mode'];
const MODES: readonly BandwidthMode[] = ['lb', 'hb'];
/** Past this many keys an object is not a config; stop reading it. */
const MAX_KEYS = 64;
/** Unknown keys reported one by one before the rest are summarised. */
const MAX_UNKNOWN_REPORTED = 5;

export function validateAccelerator(
  x: unknown,
  variant: AcceleratorSpaceVariant = 'transcode',
): Validated<AcceleratorConfig> {
  try {
    return validateUnguarded(x, acceleratorSpace(variant));
  } catch {
    // A getter or proxy in hostile input threw; report it instead of crashing the caller.
    return { ok: false, issues: [{ path: '', message: 'the accelerator config could not be read' }] };
  }
}

/** Like `validateAccelerator`, but returns the config or throws `ValidationError`. */
export function checkAccelerator(x: unknown, variant: AcceleratorSpaceVariant = 'transcode'): AcceleratorConfig {
  const result = validateAccelerator(x, variant);
  if (!result.ok) throw new ValidationError('accelerator config', result.issues);
  return result.value;
}

function validateUnguarded(x: unknown, space: AcceleratorSpace): Validated<AcceleratorConfig> {
  if (!isRecord(x)) {
    return { ok: false, issues: [{ path: '', message: `expected an accelerator config object, got ${describeValue(x)}` }] };
  }
  const issues: ValidationIssue[] = [];
  checkKeys(x, '', TOP_KEYS, issues);
  const tile = ownField(x, 'tile');
  if (!isRecord(tile)) issues.push({ path: 'tile', message: `expected an object {b, x, y}, got ${describeValue(tile)}` });
  else checkKeys(tile, 'tile', TILE_KEYS, issues);

  const numbers: Partial<AcceleratorNumbers> = {};
  for (const param of NUMERIC_PARAMS) {
    if (param.path.startsWith('tile.') && !isRecord(tile)) continue;
    const n = checkChoice(readPath(x, param.path), param.path, allowedValues(param, space.variant), isNumber, issues);
    if (n !== undefined) numbers[param.path] = n;
  }
  checkCrossFields(numbers, issues);
  const nonLinearity = checkChoice<NonLinearity>(ownField(x, 'nonLinearity'), 'nonLinearity', space.nonLinearity, isString, issues);
  const mainMemory = checkMainMemory(ownField(x, 'mainMemory'), space, issues);

  if (issues.length > 0 || nonLinearity === undefined || mainMemory === undefined) return { ok: false, issues };
  return { ok: true, value: assembleAccelerator(numbers as AcceleratorNumbers, nonLinearity, mainMemory) };
}

function checkCrossFields(n: Partial<AcceleratorNumbers>, issues: ValidationIssue[]): void {
  const { 'tile.b': b, 'tile.x': tx, 'tile.y': ty, batchSize } = n;
  const square = tx !== undefined && ty !== undefined ? squareTileIssue(tx, ty) : null;
  if (square) issues.push(square);
  if (b !== undefined && batchSize !== undefined && b > batchSize) {
    issues.push({ path: 'tile.b', message: `${b} must be at most batchSize (${batchSize}): a tile cannot span more sequences than a batch holds` });
  }
}

function checkMainMemory(m: unknown, space: AcceleratorSpace, issues: ValidationIssue[]): MainMemoryConfig | undefined {
  if (!isRecord(m)) {
    issues.push({ path: 'mainMemory', message: `expected an object {type, banks, ranks, channels, mode}, got ${describeValue(m)}` });
    return undefined;
  }
  const before = issues.length;
  checkKeys(m, 'mainMemory', MEMORY_KEYS, issues);
  const types = Object.keys(space.mainMemory) as MemoryType[];
  const type = checkChoice<MemoryType>(ownField(m, 'type'), 'mainMemory.type', types, isString, issues);
  const banks = checkNumber(ownField(m, 'banks'), 'mainMemory.banks', issues);
  const ranks = checkNumber(ownField(m, 'ranks'), 'mainMemory.ranks', issues);
  const channels = checkNumber(ownField(m, 'channels'), 'mainMemory.channels', issues);
  const mode = checkChoice<BandwidthMode>(ownField(m, 'mode'), 'mainMemory.mode', MODES, isString, issues);
  if (type === undefined || !types.includes(type) || banks === undefined || ranks === undefined || channels === undefined) return undefined;

  const options = space.mainMemory[type];
  if (!options.some((o) => o.banks === banks && o.ranks === ranks && o.channels === channels)) {
    const allowed = options.map((o) => `${o.banks}/${o.ranks}/${o.channels}`).join(', ');
    issues.push({
      path: 'mainMemory',
      message: `${type} with ${banks} banks, ${ranks} ranks, ${channels} channels is not a configuration (allowed for ${type}: ${allowed})`,
    });
  }
  if (issues.length > before || mode === undefined) return undefined;
  return { type, banks, ranks, channels, mode };
}

/** Checks that `value` is one of `allowed`; returns it if it at least has the right type (for cross-field checks). */
function checkChoice<T extends string | number>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  hasType: (v: unknown) => v is T,
  issues: ValidationIssue[],
): T | undefined {
  const list = allowed.join(', ');
  if (value === undefined) {
    issues.push({ path, message: `missing (allowed: ${list})` });
    return undefined;
  }
  if (!hasType(value)) {
    const expected = typeof allowed[0] === 'number' ? 'a number' : 'a string';
    issues.push({ path, message: `expected ${expected}, got ${describeValue(value)} (allowed: ${list})` });
    return undefined;
  }
  if (!allowed.includes(value)) {
    const shown = typeof value === 'string' ? `"${clip(value)}"` : String(value);
    issues.push({ path, message: `${shown} is not allowed (allowed: ${list})` });
  }
  return value;
}

function checkNumber(value: unknown, path: string, issues: ValidationIssue[]): number | undefined {
  if (isNumber(value)) return value;
  issues.push({ path, message: value === undefined ? 'missing' : `expected a number, got ${describeValue(value)}` });
  return undefined;
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isString<T extends string>(v: unknown): v is T {
  return typeof v === 'string';
}

/** Rejects unknown keys, and objects too large to be a config, without walking all of them. */
function checkKeys(obj: Record<string, unknown>, prefix: string, known: readonly string[], issues: ValidationIssue[]): void {
  let count = 0;
  let unknown = 0;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (++count > MAX_KEYS) {
      issues.push({ path: prefix, message: `has more than ${MAX_KEYS} keys; expected only ${known.join(', ')}` });
      return;
    }
    if (known.includes(key)) continue;
    if (++unknown <= MAX_UNKNOWN_REPORTED) {
      const path = prefix ? `${prefix}.${clip(key)}` : clip(key);
      issues.push({ path, message: `unknown key (allowed: ${known.join(', ')})` });
    }
  }
  if (unknown > MAX_UNKNOWN_REPORTED) {
    issues.push({ path: prefix, message: `${unknown - MAX_UNKNOWN_REPORTED} more unknown keys` });
  }
}
