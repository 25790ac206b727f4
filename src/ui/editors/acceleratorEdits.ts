/**
 * Edits of an accelerator config for the accelerator editor. All allowed values
 * come from the design space (schema.ts / params.ts); nothing is listed here.
 * Edits keep the config valid where a rule ties fields together: tile.y follows
 * tile.x, and a memory type or geometry change lands on an existing
 * (banks, ranks, channels) configuration of that type.
 */
import { assembleAccelerator, flattenAccelerator } from '../../core/space/accelerator/flat.ts';
import { bandwidthModeFor, type NumericParamPath } from '../../core/space/accelerator/params.ts';
import type { AcceleratorSpace, AcceleratorSpaceVariant, MemoryOption } from '../../core/space/accelerator/schema.ts';
import type { AcceleratorConfig, MemoryType } from '../../core/space/accelerator/types.ts';
import { validateAccelerator } from '../../core/space/accelerator/validate.ts';
import { squareTile } from '../../core/space/accelerator/squareTile.ts';

export type MemoryGeometryKey = 'banks' | 'ranks' | 'channels';
const GEOMETRY_KEYS: readonly MemoryGeometryKey[] = ['banks', 'ranks', 'channels'];

/** Sets one numeric field; setting tile.x also sets tile.y (square tiles only). */
export function setNumericParam(acc: AcceleratorConfig, path: NumericParamPath, value: number): AcceleratorConfig {
  const n = flattenAccelerator(acc);
  n[path] = value;
  if (path === 'tile.x') squareTile(n, value);
  return assembleAccelerator(n, acc.nonLinearity, acc.mainMemory);
}

/** Why setting `path` to `value` would make the config invalid (first rule broken), or null. */
export function numericOptionProblem(
  acc: AcceleratorConfig,
  path: NumericParamPath,
  value: number,
  variant: AcceleratorSpaceVariant,
): string | null {
  const checked = validateAccelerator(setNumericParam(acc, path, value), variant);
  if (checked.ok) return null;
  const first = checked.issues[0];
  return first.path ? `${first.path}: ${first.message}` : first.message;
}

/** How many geometry fields two options share (ignoring `skip`). */
function likeness(a: MemoryOption, b: Pick<MemoryOption, MemoryGeometryKey>, skip?: MemoryGeometryKey): number {
  return GEOMETRY_KEYS.filter((k) => k !== skip && a[k] === b[k]).length;
}

/** The option in `options` most like the current geometry; ties go to the space's list order. */
function closest(options: readonly MemoryOption[], current: Pick<MemoryOption, MemoryGeometryKey>, skip?: MemoryGeometryKey): MemoryOption {
  let best = options[0];
  for (const o of options) if (likeness(o, current, skip) > likeness(best, current, skip)) best = o;
  return best;
}

function withMemory(acc: AcceleratorConfig, option: MemoryOption, mode = acc.mainMemory.mode): AcceleratorConfig {
  const { type, banks, ranks, channels } = option;
  return { ...acc, tile: { ...acc.tile }, mainMemory: { type, banks, ranks, channels, mode } };
}

/**
 * Switches the memory type: keeps as much of the geometry as the new type allows,
 * and takes the bandwidth mode the embedding pairs with that type.
 */
export function setMemoryType(acc: AcceleratorConfig, type: MemoryType, space: AcceleratorSpace): AcceleratorConfig {
  if (type === acc.mainMemory.type) return acc;
  const options = space.mainMemory[type];
  if (!options || options.length === 0) return acc;
  return withMemory(acc, closest(options, acc.mainMemory), bandwidthModeFor(type));
}

export interface GeometryChoice {
  value: number;
  /** The configuration picking this value lands on. */
  option: MemoryOption;
  /** The other fields this choice changes, e.g. `4 channels`; empty if none. */
  alsoChanges: string;
}

/** The values `key` can take for the current memory type, each with the configuration it leads to. */
export function memoryGeometryChoices(acc: AcceleratorConfig, key: MemoryGeometryKey, space: AcceleratorSpace): GeometryChoice[] {
  const options = space.mainMemory[acc.mainMemory.type] ?? [];
  const values = [...new Set(options.map((o) => o[key]))].sort((a, b) => a - b);
  return values.map((value) => {
    const option = closest(options.filter((o) => o[key] === value), acc.mainMemory, key);
    const alsoChanges = GEOMETRY_KEYS.filter((k) => k !== key && option[k] !== acc.mainMemory[k])
      .map((k) => `${option[k]} ${option[k] === 1 ? k.slice(0, -1) : k}`)
      .join(', ');
    return { value, option, alsoChanges };
  });
}

/** Sets banks, ranks or channels, moving the others to the closest existing configuration. */
export function setMemoryGeometry(acc: AcceleratorConfig, key: MemoryGeometryKey, value: number, space: AcceleratorSpace): AcceleratorConfig {
  const choice = memoryGeometryChoices(acc, key, space).find((c) => c.value === value);
  return choice ? withMemory(acc, choice.option) : acc;
}
