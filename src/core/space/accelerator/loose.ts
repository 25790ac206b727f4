/**
 * Reading untrusted accelerator input (JSON files, share links, CLI arguments)
 * without trusting its shape: only own properties are read, nothing is recursed
 * into, and anything echoed back is clipped.
 */
import { clip, describe } from '../transformer/ops.ts';
import type { MainMemoryConfig, NonLinearity } from './types.ts';

/**
 * A partial, possibly wrong accelerator: what `nearestValidAccelerator` repairs and
 * what `randomAccelerator({ fixed })` holds. Numbers may lie outside the space.
 */
export interface LooseAcceleratorConfig {
  tile?: { b?: number; x?: number; y?: number };
  nonLinearity?: NonLinearity;
  pe?: number;
  lanesPerPe?: number;
  macsPerLane?: number;
  softmaxPerPe?: number;
  batchSize?: number;
  activationBufferMB?: number;
  weightBufferMB?: number;
  maskBufferMB?: number;
  mainMemory?: Partial<MainMemoryConfig>;
}

/** A non-null, non-array object. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `obj[key]` if it is an own property; inherited keys (`toString`, `__proto__`) read as missing. */
export function ownField(obj: unknown, key: string): unknown {
  return isRecord(obj) && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Reads a dotted path (`tile.b`, `mainMemory.type`) through own properties only. */
export function readPath(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const key of path.split('.')) at = ownField(at, key);
  return at;
}

export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A short, safe description of any value for messages (`"abc"`, `an array`, `nothing`). */
export function describeValue(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (typeof x === 'function') return 'a function';
  return clip(describe(x), 60);
}
