import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../store.ts';
import { defaultSession } from '../../core/share/defaults.ts';
import { emptyColumns } from '../../core/sweep/objectives.ts';
import { sweepSize } from '../../core/sweep/plan.ts';
import type { ImportedSweep, ImportProgress } from '../../core/sweep/importedSweep.ts';
import type { ImportHandle } from '../../workers-client/sweepImportClient.ts';
import { createSweepController } from './sweepController.ts';
import { createSweepRunStore } from './sweepRunStore.ts';
import { createSweepImporter } from './sweepImport.ts';

/** A fake import worker: resolves or rejects when the test says. */
function fakeStart() {
  const calls: { file: File; progress: (p: ImportProgress) => void; resolve: (x: ImportedSweep) => void; reject: (e: unknown) => void; cancelled: boolean }[] = [];
  const start = (file: File, progress: (p: ImportProgress) => void): ImportHandle => {
    let resolve!: (x: ImportedSweep) => void;
    let reject!: (e: unknown) => void;
    const done = new Promise<ImportedSweep>((res, rej) => [resolve, reject] = [res, rej]);
    const call = { file, progress, resolve, reject, cancelled: false };
    calls.push(call);
    return { done, cancel: () => { call.cancelled = true; reject(new Error('cancelled')); } };
  };
  return { start, calls };
}

function setup() {
  const explorer = createExplorerStore(defaultSession());
  const runs = createSweepRunStore();
  const controller = createSweepController(explorer, runs, () => { throw new Error('an import never simulates'); });
  const kept: string[] = [];
  const fake = fakeStart();
  const importer = createSweepImporter({ controller, history: { keepFinished: async (source) => void kept.push(source ?? 'run') }, start: fake.start });
  return { explorer, runs, importer, fake, kept };
}

function sweep(explorerSession = defaultSession(), rows = 10): ImportedSweep {
  const spec = { ...explorerSession.sweep, samples: 40, seed: 9 };
  const total = sweepSize(spec);
  const columns = emptyColumns(total);
  const errors = new Uint8Array(total).fill(2);
  for (let i = 0; i < rows; i++) {
    errors[i] = 0;
    for (const c of Object.values(columns)) c[i] = 1 + ((i * 7) % 5);
  }
  return {
    job: { spec, base: explorerSession.design, settings: explorerSession.settings, total }, columns, errors, rows, errorCount: 0,
    errorKinds: [], complete: rows === 40, issue: rows === 40 ? null : 'f.sweep.jsonl:12: the file ends without its trailer', shard: { index: 0, count: 1 },
  };
}

describe('sweep file import', () => {
  it('shows an imported sweep like one it ran (no simulation), makes it the view\'s sweep, and keeps it in the history', async () => {
    const s = setup();
    const p = s.importer.importFile(new File(['x'], 'merged.sweep.jsonl'));
    expect(s.importer.store.getState().status).toBe('reading');
    s.fake.calls[0].progress({ rows: 5, expectedRows: 40, bytes: 100, totalBytes: 200 });
    expect(s.importer.store.getState().progress?.rows).toBe(5);
    const got = sweep(undefined, 40);
    s.fake.calls[0].resolve(got);
    await p;
    const run = s.runs.getState();
    expect(run.status).toBe('done');
    expect(run.origin).toBe('import');
    expect(run.columns).toBe(got.columns);
    expect(s.explorer.getState().session.sweep.seed).toBe(9);
    expect(s.kept).toEqual(['import']);
    expect(s.importer.store.getState().message).toBe('Imported 40 of 40 pairs from merged.sweep.jsonl.');
  });

  it('shows the rows of a truncated file and says where it stopped', async () => {
    const s = setup();
    const p = s.importer.importFile(new File(['x'], 'f.sweep.jsonl'));
    s.fake.calls[0].resolve(sweep(undefined, 10));
    await p;
    expect(s.runs.getState().done).toBe(10);
    expect(s.importer.store.getState().message).toMatch(/Imported 10 of 40 pairs .* stopped early.*f\.sweep\.jsonl:12: the file ends without its trailer/);
  });

  it('changes nothing when a file cannot be read, and the newest import wins', async () => {
    const s = setup();
    const before = s.explorer.getState().session;
    const first = s.importer.importFile(new File(['x'], 'a.sweep.jsonl'));
    const second = s.importer.importFile(new File(['y'], 'b.sweep.jsonl'));
    expect(s.fake.calls[0].cancelled).toBe(true);
    s.fake.calls[1].reject(new Error('b.sweep.jsonl:1: header.version: version 2 is newer than this app reads (1)'));
    await Promise.all([first, second]);
    const st = s.importer.store.getState();
    expect(st.status).toBe('failed');
    expect(st.message).toMatch(/b\.sweep\.jsonl could not be imported; nothing was changed\. b\.sweep\.jsonl:1: header\.version/);
    expect(s.explorer.getState().session).toBe(before);
    expect(s.runs.getState().status).toBe('idle');
  });
});
