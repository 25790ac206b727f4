/**
 * The square-tile rule, defined once: the simulators (the reference's and ours)
 * tile matrices into square x × y tiles only, so tile.y always equals tile.x.
 * Editors, validation, sampling, nearest-valid projection and sweeps all apply
 * it through these functions.
 */
import type { AcceleratorNumbers } from './flat.ts';

/** Why the rule exists, for messages and notes. */
export const SQUARE_TILE_REASON = 'the simulator only supports square tiles';

/** Sets both tile sides to `size` (default: tile.x's) in a flat numeric view of a config. */
export function squareTile<T extends Pick<AcceleratorNumbers, 'tile.x' | 'tile.y'>>(n: T, size: number = n['tile.x']): T {
  n['tile.x'] = size;
  n['tile.y'] = size;
  return n;
}

/** The rule's check: the path of the broken field and why, or null. */
export function squareTileIssue(tx: number, ty: number): { path: 'tile.y'; message: string } | null {
  return tx === ty ? null : { path: 'tile.y', message: `${ty} must equal tile.x (${tx}): ${SQUARE_TILE_REASON}` };
}
