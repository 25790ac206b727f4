/**
 * JSONL batch simulation: the way labs run large sweeps. Lines are independent:
 * a bad one yields `{"error": ...}` in its place and the others go on.
 */
import { runSimulation } from '../core/elector/run.ts';
import type { SimOptions } from '../core/elector/types.ts';
import { acceleratorFromValue, parseJson } from './designs.ts';
import { parseCostModel, parseMode } from './options.ts';

const MAX_LINE_CHARS = 1_000_000;

export function simulateBatchLines(text: string, options: SimOptions, write: (line: string) => void): { failed: number; total: number } {
  let failed = 0;
  let total = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    total++;
    const out = simulateBatchLine(line, i + 1, options);
    if ('error' in out) failed++;
    write(JSON.stringify(out) + '\n');
  }
  return { failed, total };
}

export function simulateBatchLine(line: string, lineNumber: number, options: SimOptions): object {
  try {
    if (line.length > MAX_LINE_CHARS) throw new Error(`longer than ${MAX_LINE_CHARS} characters`);
    const pair = parseJson(line, 'line');
    if (typeof pair !== 'object' || pair === null || Array.isArray(pair)) {
      throw new Error('expected an object {"model": ..., "accelerator": ...}');
    }
    const p = pair as Record<string, unknown>;
    if (!('model' in p)) throw new Error('model: missing');
    if (!('accelerator' in p)) throw new Error('accelerator: missing');
    const lineOptions: SimOptions = { ...options };
    if (p.mode !== undefined) lineOptions.mode = parseMode(p.mode, 'mode');
    if (p.costModel !== undefined) lineOptions.costModel = parseCostModel(p.costModel, 'costModel');
    const reply = runSimulation(p.model, acceleratorFromValue(p.accelerator, 'accelerator'), lineOptions);
    if (!reply.ok) return { error: `line ${lineNumber}: ${reply.error}` };
    return typeof p.name === 'string' ? { name: p.name, ...reply.result } : reply.result;
  } catch (e) {
    return { error: `line ${lineNumber}: ${(e as Error).message}` };
  }
}
