/**
 * Repairing an accelerator into the design space: every number is snapped to the
 * nearest allowed value, as TransCODE's dataset generator does with its uniform
 * samples (docs/elector.md §13), and anything missing comes from AccelTran-Edge.
 */
import { flattenAccelerator, assembleAccelerator, type AcceleratorNumbers } from './flat.ts';
import { isFiniteNumber, readPath } from './loose.ts';
import { allowedValues, bandwidthModeFor, NUMERIC_PARAMS } from './params.ts';
import { ACCELERATOR_PRESETS } from './presets.ts';
import { acceleratorSpace, type AcceleratorSpaceVariant, type MemoryOption } from './schema.ts';
import type { AcceleratorConfig, BandwidthMode, MainMemoryConfig, MemoryType, NonLinearity } from './types.ts';
import { squareTile } from './squareTile.ts';

/**
 * The allowed value closest to `value` (absolute difference; a tie goes to the
 * smaller value). Values beyond the ends snap to the ends, ±Infinity included.
 * Throws on NaN or an empty list.
 */
export function snapToAllowed(value: number, allowed: readonly number[]): number {
  if (allowed.length === 0) throw new RangeError('snapToAllowed: no allowed values');
  if (Number.isNaN(value)) throw new RangeError('snapToAllowed: value is NaN');
  if (value === Infinity) return Math.max(...allowed);
  if (value === -Infinity) return Math.min(...allowed);
  let best = allowed[0];
  for (const a of allowed) {
    const d = Math.abs(a - value);
    const dBest = Math.abs(best - value);
    if (d < dBest || (d === dBest && a < best)) best = a;
  }
  return best;
}

/**
 * The valid config nearest to `x`, which may be partial, out of range or not an
 * object at all (typically a `LooseAcceleratorConfig`). Non-numbers count as missing.
 * tile.y follows tile.x (or tile.y when only it is given); tile.b drops to the
 * largest allowed value not above the batch size. A memory with an unknown type
 * takes the preset's type; banks/ranks/channels snap to the closest configuration
 * of that type on a log2 scale. A missing or unknown mode follows the embedding rule.
 */
export function nearestValidAccelerator(x: unknown, variant: AcceleratorSpaceVariant = 'transcode'): AcceleratorConfig {
  const space = acceleratorSpace(variant);
  const base = ACCELERATOR_PRESETS['acceltran-edge'].config;
  const baseNumbers = flattenAccelerator(base);
  const given = (path: string): number | undefined => {
    const v = readPath(x, path);
    return isFiniteNumber(v) ? v : undefined;
  };

  const n = {} as AcceleratorNumbers;
  for (const p of NUMERIC_PARAMS) n[p.path] = snapToAllowed(given(p.path) ?? baseNumbers[p.path], allowedValues(p, variant));
  const tileX = given('tile.x') ?? given('tile.y');
  if (tileX !== undefined) n['tile.x'] = snapToAllowed(tileX, space.tileXY);
  squareTile(n);
  if (n['tile.b'] > n.batchSize) {
    const fitting = space.tileB.filter((b) => b <= n.batchSize);
    n['tile.b'] = fitting.length > 0 ? Math.max(...fitting) : Math.min(...space.tileB);
  }

  const nonLinearity = readPath(x, 'nonLinearity');
  const validNonLinearity = (space.nonLinearity as readonly unknown[]).includes(nonLinearity)
    ? (nonLinearity as NonLinearity)
    : base.nonLinearity;
  return assembleAccelerator(n, validNonLinearity, nearestMemory(x, space.mainMemory, base.mainMemory));
}

function nearestMemory(
  x: unknown,
  options: Readonly<Record<MemoryType, readonly MemoryOption[]>>,
  base: MainMemoryConfig,
): MainMemoryConfig {
  const type = readPath(x, 'mainMemory.type');
  const validType = Object.prototype.hasOwnProperty.call(options, type as string) ? (type as MemoryType) : base.type;
  const want = (key: 'banks' | 'ranks' | 'channels'): number => {
    const v = readPath(x, `mainMemory.${key}`);
    return Math.log2(Math.max(1, isFiniteNumber(v) ? v : base[key]));
  };
  const [banks, ranks, channels] = [want('banks'), want('ranks'), want('channels')];
  let best = options[validType][0];
  let bestDistance = Infinity;
  for (const o of options[validType]) {
    const d =
      Math.abs(Math.log2(o.banks) - banks) + Math.abs(Math.log2(o.ranks) - ranks) + Math.abs(Math.log2(o.channels) - channels);
    if (d < bestDistance) [best, bestDistance] = [o, d];
  }
  const mode = readPath(x, 'mainMemory.mode');
  const validMode: BandwidthMode = mode === 'lb' || mode === 'hb' ? mode : bandwidthModeFor(validType);
  return { type: validType, banks: best.banks, ranks: best.ranks, channels: best.channels, mode: validMode };
}
