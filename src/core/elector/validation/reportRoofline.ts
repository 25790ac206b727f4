/** Section 1 of the report: the hardware peaks and the op-by-op roofline tables of BERT-Base. */
import type { Limiter } from '../types.ts';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { num, ratio, table } from './format.ts';
import { block, cyc } from './markdown.ts';
import { GAP_TERM_NAMES, GAP_TERMS, layerRoofline, type RooflineRow } from './roofline.ts';
import { rooflineRuns, ROOFLINE_LAYER, type Run } from './runs.ts';

const LIMITER_NAMES: Record<Limiter, string> = {
  compute: 'compute', mainMemory: 'main memory', activationBuffer: 'act. buffer', weightBuffer: 'wgt. buffer', maskBuffer: 'mask buffer',
};
const BUFFER_SHORT = { activationBuffer: 'act.', weightBuffer: 'wgt.', maskBuffer: 'mask' } as const;

function hardwareTable(runs: Run[]): string {
  const rows = runs.map((r) => {
    const p = r.peaks;
    const mm = r.accelerator.mainMemory;
    return [
      r.title, num(p.macUnits), `${mm.type.toUpperCase()} ×${mm.channels}`, num(p.memory.peakBytesPerCycle, 1),
      ratio(ELECTOR_CONSTANTS.mainMemory[mm.type].efficiency), num(p.memory.bytesPerCycle, 1), num(p.memory.latencyCycles),
      `${p.activation.banks} / ${p.weight.banks} / ${p.mask.banks}`, num(p.activation.bitsPerCycle), num(p.activation.latencyCycles),
      num(r.result.cycles), num(r.result.run?.subBatch ?? r.accelerator.batchSize),
    ];
  });
  return table(
    ['run', 'MAC units', 'main memory', 'peak B/cycle', 'η', 'effective B/cycle', 'first-word latency', 'banks act. / wgt. / mask', 'buffer bits/cycle (each)', 'buffer fill', 'run cycles', 'sequences per pass'],
    rows,
  );
}

function gapText(r: RooflineRow): string {
  if (r.fused) return 'hidden in its producer';
  const parts: string[] = [];
  for (const k of GAP_TERMS) {
    const v = r.terms[k];
    if (Math.abs(v) >= 0.5) parts.push(`${GAP_TERM_NAMES[k]} ${Number.isInteger(v) || Math.abs(v) >= 100 ? num(v) : num(v, 1)}`);
  }
  return parts.length ? parts.join(' · ') : '–';
}

function rooflineTable(rows: RooflineRow[]): string {
  return table(
    ['op', 'MACs (M)', 'compute bound', 'main-memory bound', 'buffer bound', 'model cycles', 'limiter', 'model ÷ max bound', 'above the bound (cycles)', 'main reason (> 1.2)'],
    rows.map((r) => {
      const [bk, bv] = (Object.entries(r.bufferBound) as [keyof typeof BUFFER_SHORT, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
      return [
        r.op, r.macs > 0 ? num(r.macs / 1e6, 1) : '–', cyc(r.computeBound), cyc(r.mainMemoryBound), `${cyc(bv)} (${BUFFER_SHORT[bk]})`,
        r.fused ? 'fused' : cyc(r.cycles), LIMITER_NAMES[r.limiter], r.fused ? '–' : ratio(r.ratio), gapText(r), r.reason ? GAP_TERM_NAMES[r.reason] : '',
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'l', 'l'],
  );
}

export function rooflineSection(out: string[]): void {
  const runs = rooflineRuns();
  out.push('## 1. Op-by-op roofline for BERT-Base', '');
  out.push(block('hardware', hardwareTable(runs)), '');
  for (const r of runs) for (const w of r.result.warnings) out.push(`- ${r.title}, model warning: ${w}`);
  const a = runs[0].accelerator;
  const tile = (d: number): number => Math.ceil((a.tile.b * a.tile.x ** 3 * d) / a.macsPerLane);
  out.push(
    `- drain of a product tile: tb·t³·density ÷ macsPerLane = ${a.tile.b} × ${a.tile.x}³ × 0.25 ÷ ${a.macsPerLane} = ${tile(0.25)} cycles forward ` +
      `(density 0.5 × 0.5), ${tile(0.05)} backward (density 0.1 × 0.5 = 0.05); softmax and LayerNorm tile: tb·2t = ${a.tile.b * 2 * a.tile.x} cycles.`,
    '',
  );
  for (const r of runs) {
    const rows = layerRoofline(r.result, r.model, r.accelerator, r.peaks, ROOFLINE_LAYER);
    out.push(`### ${r.title}: layer ${ROOFLINE_LAYER}${r.mode === 'training' ? ', and the optimizer’s share per micro-batch' : ''}`, '');
    out.push(block(`roofline-${r.id}`, rooflineTable(rows)), '');
    const timed = rows.filter((x) => !x.fused);
    const ratios = timed.map((x) => x.ratio);
    const above = timed.filter((x) => x.ratio > 1.2);
    out.push(
      `- ${r.title}: model ÷ max bound from ${ratio(Math.min(...ratios))} to ${ratio(Math.max(...ratios))}; ` +
        `${above.length} of ${timed.length} timed ops above 1.2` +
        (above.length ? ` (${above.map((x) => `${x.op} ${ratio(x.ratio)}: ${GAP_TERM_NAMES[x.reason!]}`).join('; ')})` : '') + '.',
    );
    const limiters = new Map<string, number>();
    for (const x of timed) limiters.set(LIMITER_NAMES[x.limiter], (limiters.get(LIMITER_NAMES[x.limiter]) ?? 0) + 1);
    out.push(`- limiters: ${[...limiters].map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
  }
}

