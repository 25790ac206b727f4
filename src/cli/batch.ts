/**
 * JSONL batch simulation: the way labs run large sweeps. Lines are independent:
 * a bad one yields `{"error": ...}` in its place and the others go on. The input
 * is read as a stream and each result written as soon as it is computed, so a
 * batch of any size runs in bounded memory and a pipeline downstream sees results
 * while the input is still arriving.
 */
import { runSimulation } from '../core/elector/run.ts';
import type { SimOptions } from '../core/elector/types.ts';
import { readBatchLines, type Chunks } from './batchLines.ts';
import { closestName } from './closestName.ts';
import { acceleratorFromValue, parseJson } from './designs.ts';
import { checkConstants, parseCostModel, parseMode } from './options.ts';

const MAX_LINE_CHARS = 1_000_000;

/** The keys a line may have: a misspelt one ("mdoe") is refused, not silently run with the default. */
export const BATCH_KEYS = ['model', 'accelerator', 'mode', 'costModel', 'name'] as const;

/**
 * Simulates every line of `input`, calling `write` with each result line in input
 * order. `write` may return a promise (waiting for a slow reader downstream): the
 * next line is not read before it settles, so output cannot pile up in memory.
 */
export async function simulateBatchStream(
  input: Chunks,
  options: SimOptions,
  write: (line: string) => void | Promise<void>,
): Promise<{ failed: number; total: number }> {
  let failed = 0;
  let total = 0;
  for await (const l of readBatchLines(input, MAX_LINE_CHARS)) {
    if ('tooLong' in l) {
      total++;
      failed++;
      await write(JSON.stringify({ error: `line ${l.line}: longer than ${MAX_LINE_CHARS} characters` }) + '\n');
      continue;
    }
    const line = l.text.trim();
    if (!line) continue;
    total++;
    const out = simulateBatchLine(line, l.line, options);
    if ('error' in out) failed++;
    await write(JSON.stringify(out) + '\n');
  }
  return { failed, total };
}

export function simulateBatchLine(line: string, lineNumber: number, options: SimOptions): object {
  try {
    const pair = parseJson(line, 'line');
    if (typeof pair !== 'object' || pair === null || Array.isArray(pair)) {
      throw new Error('expected an object {"model": ..., "accelerator": ...}');
    }
    const p = pair as Record<string, unknown>;
    const unknown = Object.keys(p).filter((k) => !(BATCH_KEYS as readonly string[]).includes(k));
    if (unknown.length > 0) throw new Error(unknown.map(unknownKeyMessage).join('; '));
    if (!('model' in p)) throw new Error('model: missing');
    if (!('accelerator' in p)) throw new Error('accelerator: missing');
    const lineOptions: SimOptions = { ...options };
    if (p.mode !== undefined) lineOptions.mode = parseMode(p.mode, 'mode');
    if (p.costModel !== undefined) {
      lineOptions.costModel = parseCostModel(p.costModel, 'costModel');
      // --constants was checked against the flag's cost model; this line runs another, which may not read every entry.
      if (lineOptions.costModel !== (options.costModel ?? 'elector') && (options.referenceConstants || options.electorConstants)) {
        const { referenceConstants: reference, electorConstants: elector } = options;
        checkConstants({ ...(reference && { reference }), ...(elector && { elector }) }, lineOptions.costModel, `costModel "${lineOptions.costModel}" with --constants`);
      }
    }
    const reply = runSimulation(p.model, acceleratorFromValue(p.accelerator, 'accelerator'), lineOptions);
    if (!reply.ok) return { error: `line ${lineNumber}: ${reply.error}` };
    return typeof p.name === 'string' ? { name: p.name, ...reply.result } : reply.result;
  } catch (e) {
    return { error: `line ${lineNumber}: ${(e as Error).message}` };
  }
}

function unknownKeyMessage(key: string): string {
  const near = closestName(key, BATCH_KEYS);
  return `${key}: unknown key${near ? ` (did you mean "${near}"?)` : ''}; a line has ${BATCH_KEYS.join(', ')}`;
}
