/** One-line summaries of a design for tooltips, tables and the live region. */
import type { Design } from '../../core/share/session.ts';
import { memoryOptionLabel } from '../../core/space/accelerator/params.ts';
import type { SweepPlan } from '../../core/sweep/plan.ts';

const range = (values: readonly number[], unit = ''): string => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? `${lo}${unit}` : `${lo}–${hi}${unit}`;
};

/** `4 layers · hidden 256 · 4 heads (sa_sdp ×4) · FF [1024]`; ranges for mixed layers. */
export function summariseModel(m: Design['model']): string {
  const heads = m.o.map((ops) => ops.length);
  const types = new Map<string, number>();
  for (const ops of m.o) for (const op of ops) {
    const t = op.slice(0, op.lastIndexOf('_'));
    types.set(t, (types.get(t) ?? 0) + 1);
  }
  const mix = [...types].map(([t, n]) => `${t} ×${n}`).join(', ');
  const ffs = new Set(m.f.map((f) => f.join(',')));
  const ff = ffs.size === 1 ? `FF [${m.f[0].join(', ')}]` : `FF ${range(m.f.map((f) => f.length))} stacks`;
  return `${m.l} layers · hidden ${range(m.h)} · ${range(heads)} heads (${mix}) · ${ff}`;
}

/** `256 PEs × 32 lanes × 16 MACs · tile 1×16 · batch 4 · buffers 8/16/1 MB · DRAM 32/2/1`. */
export function summariseAccelerator(a: Design['accelerator']): string {
  return [
    `${a.pe} PEs × ${a.lanesPerPe} lanes × ${a.macsPerLane} MACs`,
    `tile ${a.tile.b}×${a.tile.x}`,
    `softmax ${a.softmaxPerPe}/PE`,
    `batch ${a.batchSize}`,
    `buffers ${a.activationBufferMB}/${a.weightBufferMB}/${a.maskBufferMB} MB`,
    `${memoryOptionLabel(a.mainMemory)} (${a.mainMemory.mode})`,
    a.nonLinearity,
  ].join(' · ');
}

/** `PEs = 256 PEs, Main memory = DRAM 32/2/1`: the values of what the sweep varied. */
export function summariseLevels(plan: SweepPlan, levels: ArrayLike<number>): string {
  return plan.params.map((p, d) => `${p.label} = ${p.valueLabel(levels[d])}`).join(', ');
}

/** `pe 64, lanesPerPe 64, mainMemory HBM 32/1/4`: compact, for table cells. */
export function summariseLevelsCompact(plan: SweepPlan, levels: ArrayLike<number>): string {
  return plan.params.map((p, d) => `${p.id} ${p.values[levels[d]]}`).join(', ');
}
