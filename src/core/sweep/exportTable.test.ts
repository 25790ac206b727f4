import { describe, expect, it } from 'vitest';
import { defaultSession } from '../share/defaults.ts';
import type { SweepSettings } from '../share/schema.ts';
import { emptyColumns, OBJECTIVES } from './objectives.ts';
import { compileSweep } from './plan.ts';
import { samplePair } from './sample.ts';
import { compactNumber, exportChunks, exportHeader, exportText, MODEL_COLUMNS, MODEL_CSV_COLUMNS, modelCells, type ExportRequest } from './exportTable.ts';

function request(patch: Partial<SweepSettings>, total: number, extra: Partial<ExportRequest> = {}): ExportRequest {
  const session = defaultSession();
  const spec = { ...session.sweep, samples: total, ...patch };
  const columns = emptyColumns(total);
  for (let i = 0; i < total; i++) {
    columns.latency[i] = 0.001 * (i + 1) / 3;
    columns.dynamicEnergy[i] = 0.5 + i;
    columns.leakageEnergy[i] = 0.25;
    columns.energy[i] = 0.75 + i;
    columns.area[i] = 123.456789123;
    columns.edp[i] = columns.energy[i] * columns.latency[i];
    columns.parameters[i] = 4_000_000 + i;
    columns.macs[i] = 1e9;
  }
  return {
    format: 'csv', which: 'all', job: { spec, base: session.design, settings: session.settings, total },
    columns, errors: new Uint8Array(total), indices: null, includeModel: false, ...extra,
  };
}

const parse = (csv: string) => csv.slice(0, -2).split('\r\n');

describe('sweep export core', () => {
  it('writes compact columns: index, objectives with units, then the varied parameters, named for people in CSV and by id in JSON', () => {
    const req = request({ vary: 'accelerator', params: ['pe', 'mainMemory', 'weightBufferMB'] }, 5);
    const lines = parse(exportText(req));
    expect(lines[0]).toBe(
      'index,Latency (s),Energy / sequence (J),Dynamic energy / sequence (J),Leakage energy / sequence (J),Area (mm²),'
      + 'Energy-delay product (J·s),Parameters,MACs / sequence (MAC),Predicted accuracy (GLUE fraction),Accuracy uncertainty (1σ) (GLUE fraction),'
      + 'Processing elements,Weight buffer (MB),Main memory',
    );
    const json = JSON.parse(exportText({ ...req, format: 'json' })) as { columns: string[] };
    expect(json.columns.join(',')).toBe('index,latency_s,energy_J,dynamicEnergy_J,leakageEnergy_J,area_mm2,edp_Js,parameters,macs_MAC,accuracy,accuracyStd,pe,weightBufferMB,mainMemory');
    expect(lines).toHaveLength(6);
    const cells = lines[2].split(',');
    expect(cells[0]).toBe('1');
    expect(cells[1]).toBe(String(compactNumber(0.002 / 3)));
    expect(cells[1].replace(/^0\.0+/, '').length).toBeLessThanOrEqual(7);
    expect(cells[5]).toBe('123.4568');
    expect(cells[7]).toBe('4000001');
    expect(compactNumber(NaN)).toBeNull();
  });

  it('leaves failed and missing points out of "all", and exports exactly the given indices otherwise', () => {
    const req = request({ vary: 'accelerator' }, 6);
    req.errors[1] = 1;
    req.columns.latency[4] = NaN;
    expect(parse(exportText(req)).slice(1).map((l) => Number(l.split(',')[0]))).toEqual([0, 2, 3, 5]);
    const some = { ...req, indices: Int32Array.from([5, 0]) };
    expect(parse(exportText(some)).slice(1).map((l) => Number(l.split(',')[0]))).toEqual([5, 0]);
    // An empty selection is a header only.
    expect(parse(exportText({ ...req, indices: new Int32Array(0) }))).toHaveLength(1);
  });

  it('puts whole models in readable columns; the JSON blob only on request', () => {
    const req = request({ vary: 'both', params: [] }, 4);
    const plan = compileSweep(req.job.spec);
    expect(plan.randomModel).toBe(true);
    expect(exportHeader(plan, false)).toEqual(expect.arrayContaining([...MODEL_COLUMNS]));
    const plain = parse(exportText(req));
    expect(plain[0]).not.toContain('Model (JSON)');
    expect(plain[0].endsWith(MODEL_CSV_COLUMNS.join(','))).toBe(true);
    // Head types by the editors' names, never ids such as l_dct.
    expect(plain.slice(1).join('\n')).toMatch(/Attn SDP|Attn WMA|DFT|DCT|Conv \d+/);
    expect(plain.slice(1).join('\n')).not.toMatch(/sa_sdp|sa_wma|l_dft|l_dct|c_\d+/);
    const model = samplePair(plan, req.job.base, 2).model;
    const cells = modelCells(model);
    expect(cells[0]).toBe(model.l);
    expect(String(cells[1]).split(' / ')).toHaveLength(model.l);
    expect(String(cells[4]).split(' / ')).toHaveLength(model.l);
    expect(plain.join('\n')).not.toContain('{');
    expect(String(cells[3])).not.toMatch(/(sdp|wma|dft|dct)_\d|c_\d+_\d/);
    const withBlob = parse(exportText({ ...req, includeModel: true }));
    expect(withBlob[0].endsWith(',Model (JSON)')).toBe(true);
    expect(withBlob[3]).toContain(JSON.stringify(model).replace(/"/g, '""'));
    // The blob makes rows several times larger: it is opt-in for that reason.
    expect(withBlob.join('').length).toBeGreaterThan(plain.join('').length * 1.5);
  });

  it('streams in chunks with progress, and the chunks join to the whole file (CSV and JSON)', () => {
    for (const format of ['csv', 'json'] as const) {
      const req = request({ vary: 'accelerator' }, 2500, { format });
      const chunks = [...exportChunks(req, 1000)];
      expect(chunks.map((c) => c.done)).toEqual([1000, 2000, 2500]);
      expect(chunks.every((c) => c.total === 2500)).toBe(true);
      const text = chunks.map((c) => c.text).join('');
      expect(text).toBe(exportText(req));
      if (format === 'csv') expect(parse(text)).toHaveLength(2501);
      else {
        const json = JSON.parse(text) as { kind: string; columns: string[]; rows: unknown[][]; sweep: SweepSettings; settings: unknown };
        expect(json.kind).toBe('transcode-sweep-points');
        expect(json.rows).toHaveLength(2500);
        expect(json.columns.slice(0, 1 + OBJECTIVES.length)[1]).toBe('latency_s');
        expect(json.rows[7][0]).toBe(7);
        expect(json.sweep.seed).toBe(req.job.spec.seed);
        expect(json.settings).toEqual(req.job.settings);
      }
    }
    // An empty export still yields one chunk: the header (CSV) or a valid document (JSON).
    const empty = request({ vary: 'accelerator' }, 3, { format: 'json', indices: new Int32Array(0) });
    expect(JSON.parse(exportText(empty)).rows).toEqual([]);
  });

  it('writes whole-model rows compactly (the old export took 1.39 kB a row, 139 MB for 100k)', () => {
    const req = request({ vary: 'both', params: [] }, 20_000);
    const t0 = performance.now();
    let bytes = 0;
    let chunks = 0;
    for (const c of exportChunks(req)) { bytes += c.text.length; chunks++; }
    const ms = performance.now() - t0;
    console.log(`20k rows: ${(bytes / 1e6).toFixed(1)} MB in ${chunks} chunks, ${ms.toFixed(0)} ms`);
    expect(chunks).toBe(10);
    expect(bytes / 20_000).toBeLessThan(700);
  });
});

describe('importing an exported sweep', () => {
  it('restores the spec, base design and settings, marked as run; rejects other files with named problems', async () => {
    const { sessionFromSweepExport } = await import('./importPoints.ts');
    const current = defaultSession();
    const req = request({ vary: 'both', params: [], seed: 42, samples: 300 }, 3, { format: 'json' });
    req.job.settings = { ...req.job.settings, seqLen: 256 };
    const file = JSON.parse(exportText(req)) as unknown;
    const got = sessionFromSweepExport(current, file);
    if (!got.ok) throw new Error(JSON.stringify(got.issues));
    expect(got.value.sweep).toEqual(req.job.spec);
    expect(got.value.sweepRan).toBe(true);
    expect(got.value.sweepBase).toEqual(req.job.base);
    expect(got.value.design).toEqual(req.job.base);
    expect(got.value.settings.seqLen).toBe(256);
    expect(got.value.pinned).toEqual(current.pinned);
    const bad = sessionFromSweepExport(current, { kind: 'something-else' });
    expect(bad.ok).toBe(false);
    const broken = sessionFromSweepExport(current, { ...(file as object), sweep: { ...req.job.spec, samples: -3 } });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.issues[0].path).toMatch(/^sweep/);
  });
});
