/** Shared by the result-file tests: a small real sweep, files written the way the CLI writes them, and in-memory line sources. */
import type { RunSettings, SweepSettings } from '../../share/schema.ts';
import type { Design } from '../../share/session.ts';
import { DEFAULT_SETTINGS } from '../../share/defaults.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { runSweepChunk } from '../run.ts';
import { LineSplitter } from './lines.ts';
import type { ShardSource } from './merge.ts';
import { makeHeader, ResultWriter } from './writer.ts';

export const base: Design = { model: MODEL_PRESETS['bert-tiny'].model, accelerator: ACCELERATOR_PRESETS['acceltran-edge'].config };
/** The reference cost model refuses pairs whose weights overflow the buffer: the sweep has failed rows too. */
export const settings: RunSettings = { ...DEFAULT_SETTINGS, costModel: 'reference' };
export const spec = (patch: Partial<SweepSettings> = {}): SweepSettings => ({
  vary: 'both', params: [], samples: 30, sampler: 'random', gridParams: [], seed: 11, ...patch,
});
export const job = (patch: Partial<SweepSettings> = {}) => ({ spec: spec(patch), base, settings });

/** Shard `index`/`count` of the job as text, pair by pair through runSweepChunk (as `transcode sweep --spec` does). */
export function shardText(j: ReturnType<typeof job>, index: number, count: number, tool = 'test 1'): string {
  let text = '';
  const w = new ResultWriter(makeHeader(j, { index, count }, tool), (t) => (text += t));
  for (let i = index; i < w.header.total; i += count) {
    const r = runSweepChunk(j.spec, j.base, j.settings, i, i + 1);
    if (r.errors[0]) w.failed(i, r.errorKinds[0].message);
    else w.rowFromColumns(i, r.columns, 0);
  }
  w.end();
  return text;
}

export function textSource(file: string, text: string): ShardSource {
  const splitter = new LineSplitter();
  const lines = splitter.push(text);
  const last = splitter.end();
  if (last) lines.push(last);
  let k = 0;
  return { file, nextLine: () => lines[k++] ?? null };
}

/** `text` cut into chunks of pseudo-random sizes (1–97 characters), as a stream might deliver it. */
export function* chunked(text: string): Generator<string> {
  for (let at = 0, step = 1; at < text.length; at += step, step = ((step * 31 + 7) % 97) + 1) yield text.slice(at, at + step);
}
