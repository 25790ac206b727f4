/**
 * Random accelerators: each field uniform over its allowed values, the memory
 * uniform over the 11 `mem_idx` configurations (docs/elector.md §13).
 *
 * Every field draws from the rng whether or not it is fixed, so fixing one field
 * leaves the others of a seeded sequence unchanged.
 */
import type { Rng } from '../../rng.ts';
import type { AcceleratorNumbers } from './flat.ts';
import { assembleAccelerator } from './flat.ts';
import { isFiniteNumber, readPath, type LooseAcceleratorConfig } from './loose.ts';
import { allowedValues, bandwidthModeFor, NUMERIC_PARAMS } from './params.ts';
import { acceleratorSpace, MEMORY_INDEX, type AcceleratorSpaceVariant } from './schema.ts';
import type { AcceleratorConfig, NonLinearity } from './types.ts';
import { checkAccelerator } from './validate.ts';

export { nearestValidAccelerator, snapToAllowed } from './nearest.ts';

export interface RandomAcceleratorOptions {
  /**
   * Fields held at the given values instead of drawn. A fixed tile.x (or tile.y)
   * fixes both; a partly fixed memory draws among the configurations that match it.
   * The result is validated: out-of-space fixed values throw `ValidationError`.
   */
  fixed?: LooseAcceleratorConfig;
}

export function randomAccelerator(
  rng: Rng,
  variant: AcceleratorSpaceVariant = 'transcode',
  opts: RandomAcceleratorOptions = {},
): AcceleratorConfig {
  const space = acceleratorSpace(variant);
  const fixed = opts.fixed ?? {};
  const held = (path: string): number | undefined => {
    const v = readPath(fixed, path);
    return isFiniteNumber(v) ? v : undefined;
  };
  const draw = <T>(items: readonly T[], fixedValue: T | undefined): T => {
    const drawn = rng.pick(items);
    return fixedValue ?? drawn;
  };

  const n = {} as AcceleratorNumbers;
  for (const p of NUMERIC_PARAMS) {
    if (p.path === 'tile.b' || p.path === 'tile.y') continue;
    const fixedValue = p.path === 'tile.x' ? (held('tile.x') ?? held('tile.y')) : held(p.path);
    n[p.path] = draw(allowedValues(p, variant), fixedValue);
  }
  n['tile.y'] = held('tile.y') ?? n['tile.x'];
  // Drawn after the batch so it never exceeds it (a no-op in the shipped spaces, where max tile.b ≤ min batch).
  const fitting = space.tileB.filter((b) => b <= n.batchSize);
  n['tile.b'] = draw(fitting.length > 0 ? fitting : space.tileB, held('tile.b'));

  const nonLinearity = draw<NonLinearity>(space.nonLinearity, fixed.nonLinearity);
  const m = fixed.mainMemory ?? {};
  const memories = MEMORY_INDEX.filter(
    (o) =>
      (m.type === undefined || o.type === m.type) &&
      (m.banks === undefined || o.banks === m.banks) &&
      (m.ranks === undefined || o.ranks === m.ranks) &&
      (m.channels === undefined || o.channels === m.channels),
  );
  if (memories.length === 0) throw new RangeError(`randomAccelerator: no memory configuration matches fixed.mainMemory`);
  const memory = rng.pick(memories);
  const mainMemory = { ...memory, mode: m.mode ?? bandwidthModeFor(memory.type) };
  return checkAccelerator(assembleAccelerator(n, nonLinearity, mainMemory), variant);
}
