/**
 * Canonical head order: a layer is a multiset of heads, so the embedding and the
 * graph hash need one agreed order — the order of `HEAD_TYPES` (docs/flexibert.md §2).
 */
import { parseHeadOp } from './ops.ts';
import { HEAD_TYPES, type ModelDict } from './types.ts';

const POSITION: ReadonlyMap<string, number> = new Map(HEAD_TYPES.map((t, i) => [t, i]));

function typeRank(op: string): number {
  const parsed = parseHeadOp(op);
  return 'error' in parsed ? HEAD_TYPES.length : POSITION.get(parsed.type)!;
}

/** A copy of `m` with each layer's heads sorted into canonical type order (stable; unparsable ops last). */
export function canonicalizeModel(m: ModelDict): ModelDict {
  return {
    l: m.l,
    o: m.o.map((ops) => ops.map((op) => ({ op, rank: typeRank(op) })).sort((a, b) => a.rank - b.rank).map((x) => x.op)),
    h: [...m.h],
    f: m.f.map((w) => [...w]),
  };
}

/** True if every layer's heads are already in canonical order. */
export function isCanonicalModel(m: ModelDict): boolean {
  return m.o.every((ops) => ops.every((op, j) => j === 0 || typeRank(ops[j - 1]) <= typeRank(op)));
}
