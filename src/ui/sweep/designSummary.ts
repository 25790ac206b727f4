/** One-line summaries of a design for tooltips, tables and the live region. */
import type { Design } from '../../core/share/session.ts';
import { memoryOptionLabel, NON_LINEARITY_PARAM } from '../../core/space/accelerator/params.ts';
import type { SweepPlan } from '../../core/sweep/plan.ts';
import type { SweepParam } from '../../core/sweep/params.ts';
import { headTypeName, sweepValueName } from '../../core/space/designNames.ts';

const range = (values: readonly number[], unit = ''): string => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? `${lo}${unit}` : `${lo}–${hi}${unit}`;
};

/** `4 layers · hidden 256 · 4 heads (Attn SDP) · FF [1024]`; ranges for mixed layers, head types in the editors' names. */
export function summariseModel(m: Design['model']): string {
  const heads = m.o.map((ops) => ops.length);
  const types = new Map<string, number>();
  for (const ops of m.o) for (const op of ops) {
    const t = headTypeName(op);
    types.set(t, (types.get(t) ?? 0) + 1);
  }
  // One type: its name; a mix: each type's head count over all layers.
  const mix = types.size === 1 ? [...types.keys()][0] : `${[...types].map(([t, n]) => `${t} ×${n}`).join(', ')} in all`;
  const ffs = new Set(m.f.map((f) => f.join(',')));
  const ff = ffs.size === 1 ? `FF [${m.f[0].join(', ')}]` : `FF ${range(m.f.map((f) => f.length))} stacks`;
  return `${m.l} layers · hidden ${range(m.h)} · ${range(heads)} heads (${mix}) · ${ff}`;
}

/** `64 PEs × 16 lanes × 16 MACs · Tile 16×16 (batch 1) · … · DRAM 32/2/1 (low bandwidth) · GELU`. */
export function summariseAccelerator(a: Design['accelerator']): string {
  return [
    `${a.pe} PEs × ${a.lanesPerPe} lanes × ${a.macsPerLane} MACs`,
    `Tile ${a.tile.x}×${a.tile.y} (batch ${a.tile.b})`,
    `softmax ${a.softmaxPerPe}/PE`,
    `batch ${a.batchSize}`,
    `buffers ${a.activationBufferMB}/${a.weightBufferMB}/${a.maskBufferMB} MB`,
    `${memoryOptionLabel(a.mainMemory)} (${a.mainMemory.mode === 'hb' ? 'high' : 'low'} bandwidth)`,
    NON_LINEARITY_PARAM.options[a.nonLinearity]?.label ?? a.nonLinearity,
  ].join(' · ');
}

/** A varied value by the parameter's name: "Tile 16×16", "DCT heads", "HBM 32/1/4". */
export function levelName(p: SweepParam, level: number): string {
  return sweepValueName(p.id, p.values[level], p.valueLabel(level));
}

/** `Processing elements = 256 PEs, Main memory = DRAM 32/2/1`: the values of what the sweep varied. */
export function summariseLevels(plan: SweepPlan, levels: ArrayLike<number>): string {
  return plan.params.map((p, d) => `${p.label} = ${p.id === 'headType' ? headTypeName(String(p.values[levels[d]])) : p.id === 'tile.x' ? levelName(p, levels[d]).replace('Tile ', '') : p.valueLabel(levels[d])}`).join(', ');
}

/** `64 PEs, 64 lanes/PE, HBM 32/1/4, Tile 16×16`: compact, for table cells and the tooltip. */
export function summariseLevelsCompact(plan: SweepPlan, levels: ArrayLike<number>): string {
  return plan.params.map((p, d) => levelName(p, levels[d])).join(', ');
}
