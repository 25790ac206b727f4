/**
 * `simulate` as a value-returning call, for transports (workers, the batch CLI)
 * where a thrown error would lose its field-named issues.
 */
import { ValidationError, type ValidationIssue } from '../space/issues.ts';
import { simulate } from './simulate.ts';
import type { SimOptions, SimResult } from './types.ts';

export type SimulationReply =
  | { ok: true; result: SimResult }
  | { ok: false; error: string; issues?: ValidationIssue[] };

export function runSimulation(model: unknown, accelerator: unknown, options: SimOptions = {}): SimulationReply {
  try {
    return { ok: true, result: simulate(model, accelerator, options) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, error: e.message, issues: e.issues };
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
