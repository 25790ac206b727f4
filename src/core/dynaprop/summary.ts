/**
 * Sparsity reports from ledger entries: element-weighted ratios Σzeros / Σelements,
 * globally (the reference code's numbers), per op type, per ELECTOR op kind and per
 * site, each over all positions and over real (unpadded) positions only.
 */
import type { LedgerEntry } from './ledger.ts';
import { consumerKind, producerKind, type SiteName, type SiteOpType } from './sites.ts';
import type { OpKind } from '../elector/types.ts';

/** A ratio over all positions and over real tokens only; null when nothing was counted. */
export interface Ratio {
  all: number | null;
  real: number | null;
  /** Elements counted (all positions). */
  numel: number;
}

export interface SiteSparsity {
  layer: number;
  opType: SiteOpType;
  site: SiteName;
  direction: 'fwd' | 'bwd' | 'param';
  sparsity: number;
  sparsityReal: number;
  numel: number;
}

export interface SparsitySummary {
  /** Forward activations at every prune site. */
  activation: Ratio;
  /** The gradient δ entering every prune site (the paper's meaning). */
  gradient: Ratio;
  /** Parameter gradients after clipping (the reference code's meaning); null unless that mode ran. */
  paramGradient: Ratio;
  perOpType: Partial<Record<SiteOpType, { activation: Ratio; gradient: Ratio }>>;
  /** By the ELECTOR op kind that reads the tensor (activations) or produced it (gradients). */
  perKind: Partial<Record<OpKind, { activation: Ratio; gradient: Ratio }>>;
  perSite: SiteSparsity[];
}

interface Acc { zeros: number; numel: number; zerosReal: number; numelReal: number }
const empty = (): Acc => ({ zeros: 0, numel: 0, zerosReal: 0, numelReal: 0 });
const add = (a: Acc, e: LedgerEntry) => { a.zeros += e.zeros; a.numel += e.numel; a.zerosReal += e.zerosReal; a.numelReal += e.numelReal; };
const ratio = (a: Acc): Ratio => ({
  all: a.numel > 0 ? a.zeros / a.numel : null,
  real: a.numelReal > 0 ? a.zerosReal / a.numelReal : null,
  numel: a.numel,
});

export function summarizeSparsity(entries: readonly LedgerEntry[]): SparsitySummary {
  const fwd = empty(), bwd = empty(), param = empty();
  const byOp = new Map<SiteOpType, [Acc, Acc]>();
  const byKind = new Map<OpKind, [Acc, Acc]>();
  const perSite: SiteSparsity[] = [];
  const slot = <K,>(m: Map<K, [Acc, Acc]>, k: K) => { let s = m.get(k); if (!s) { s = [empty(), empty()]; m.set(k, s); } return s; };
  for (const e of entries) {
    if (e.direction === 'weight') continue;
    if (e.direction === 'param') { add(param, e); continue; }
    const isFwd = e.direction === 'fwd';
    add(isFwd ? fwd : bwd, e);
    add(slot(byOp, e.tag.opType)[isFwd ? 0 : 1], e);
    add(slot(byKind, isFwd ? consumerKind(e.tag) : producerKind(e.tag))[isFwd ? 0 : 1], e);
    if (e.numel > 0) {
      perSite.push({ ...e.tag, direction: e.direction, sparsity: e.zeros / e.numel, sparsityReal: e.numelReal > 0 ? e.zerosReal / e.numelReal : 0, numel: e.numel });
    }
  }
  const pairs = <K extends string>(m: Map<K, [Acc, Acc]>) =>
    Object.fromEntries([...m].map(([k, [a, g]]) => [k, { activation: ratio(a), gradient: ratio(g) }])) as Partial<Record<K, { activation: Ratio; gradient: Ratio }>>;
  perSite.sort((a, b) => a.layer - b.layer || a.direction.localeCompare(b.direction) || a.opType.localeCompare(b.opType) || a.site.localeCompare(b.site));
  return { activation: ratio(fwd), gradient: ratio(bwd), paramGradient: ratio(param), perOpType: pairs(byOp), perKind: pairs(byKind), perSite };
}
