/**
 * Edits of a FlexiBERT 2.0 model dict for the transformer editor. Every edit is
 * pure and returns a new dict; layers it does not touch keep their array
 * identities, so memoised layer rows of a 12-layer model skip re-rendering.
 *
 * The result may break the layer-count rule (a third layer while the user is on
 * the way to four): the editor keeps it as a draft and never sends it to the
 * store. Every other rule holds by construction: `l` always equals the number of
 * layers, head counts, hidden sizes and widths come from the allowed lists, and
 * each op string's width is d = floor(h/n) of its layer.
 */
import { headOpString, parseHeadOp, headWidth } from '../../core/space/transformer/ops.ts';
import { TRANSFORMER_SPACE } from '../../core/space/transformer/schema.ts';
import type { HeadType, ModelDict } from '../../core/space/transformer/types.ts';

const S = TRANSFORMER_SPACE;
/** A draft never grows past the largest allowed model. */
export const MAX_LAYERS = Math.max(...S.layers);
/** A draft keeps at least one layer, so there is always a layer to copy when adding. */
export const MIN_DRAFT_LAYERS = 1;
export const MAX_FF_STACK = Math.max(...S.ffStacks);
export const MIN_FF_STACK = Math.min(...S.ffStacks);

/** One layer as the editor sees it. */
interface Layer {
  ops: string[];
  hidden: number;
  ff: number[];
}

function layersOf(m: ModelDict): Layer[] {
  return m.o.map((ops, i) => ({ ops, hidden: m.h[i], ff: m.f[i] }));
}

/** Rebuilds a dict; `l` always follows the layer list. */
function fromLayers(layers: readonly Layer[]): ModelDict {
  return { l: layers.length, o: layers.map((x) => x.ops), h: layers.map((x) => x.hidden), f: layers.map((x) => x.ff) };
}

function copyLayer(x: Layer): Layer {
  return { ops: [...x.ops], hidden: x.hidden, ff: [...x.ff] };
}

/** Head types of a layer's op strings; an unreadable op (only possible in foreign data) reads as `sa_sdp`. */
export function headTypesOf(ops: readonly string[]): HeadType[] {
  return ops.map((op) => {
    const parsed = parseHeadOp(op);
    return 'error' in parsed ? 'sa_sdp' : parsed.type;
  });
}

/** Op strings for `types` in a layer of hidden size `hidden`: d = floor(hidden / heads). */
export function opsFor(types: readonly HeadType[], hidden: number): string[] {
  return types.map((t) => headOpString(t, hidden, types.length));
}

/** Per-head width d = floor(h/n) of layer i. */
export function headWidthOf(m: ModelDict, i: number): number {
  return headWidth(m.h[i], m.o[i].length);
}

function updateLayer(m: ModelDict, i: number, change: (x: Layer) => Layer): ModelDict {
  if (i < 0 || i >= m.o.length) return m;
  const layers = layersOf(m);
  const changed = change(layers[i]);
  if (changed === layers[i]) return m;
  layers[i] = changed;
  return fromLayers(layers);
}

/** Appends a copy of the last layer; unchanged at the largest layer count. */
export function addLayer(m: ModelDict): ModelDict {
  if (m.o.length >= MAX_LAYERS || m.o.length === 0) return m;
  const layers = layersOf(m);
  return fromLayers([...layers, copyLayer(layers[layers.length - 1])]);
}

/** Inserts a copy of layer i right after it; unchanged at the largest layer count. */
export function duplicateLayer(m: ModelDict, i: number): ModelDict {
  if (m.o.length >= MAX_LAYERS || i < 0 || i >= m.o.length) return m;
  const layers = layersOf(m);
  layers.splice(i + 1, 0, copyLayer(layers[i]));
  return fromLayers(layers);
}

/** Removes layer i; the last remaining layer cannot be removed. */
export function removeLayer(m: ModelDict, i: number): ModelDict {
  if (m.o.length <= MIN_DRAFT_LAYERS || i < 0 || i >= m.o.length) return m;
  const layers = layersOf(m);
  layers.splice(i, 1);
  return fromLayers(layers);
}

/** Swaps layer i with its neighbour above (`-1`) or below (`+1`); unchanged at the ends. */
export function moveLayer(m: ModelDict, i: number, direction: -1 | 1): ModelDict {
  const j = i + direction;
  if (i < 0 || i >= m.o.length || j < 0 || j >= m.o.length) return m;
  const layers = layersOf(m);
  [layers[i], layers[j]] = [layers[j], layers[i]];
  return fromLayers(layers);
}

/** Truncates to `n` layers, or grows to `n` by repeating the last layer. */
export function setLayerCount(m: ModelDict, n: number): ModelDict {
  if (!Number.isInteger(n) || n < MIN_DRAFT_LAYERS || n > MAX_LAYERS || n === m.o.length || m.o.length === 0) return m;
  const layers = layersOf(m).slice(0, n);
  while (layers.length < n) layers.push(copyLayer(layers[layers.length - 1]));
  return fromLayers(layers);
}

/** Sets layer i's hidden size and rewrites its op strings with the new d. */
export function setHiddenSize(m: ModelDict, i: number, hidden: number): ModelDict {
  return updateLayer(m, i, (x) => ({ ...x, hidden, ops: opsFor(headTypesOf(x.ops), hidden) }));
}

/**
 * Sets layer i's head count: extra heads repeat the last head's type, surplus
 * heads are dropped from the end; every op string gets the new d.
 */
export function setHeadCount(m: ModelDict, i: number, n: number): ModelDict {
  if (!Number.isInteger(n) || n < 1) return m;
  return updateLayer(m, i, (x) => {
    const types = headTypesOf(x.ops).slice(0, n);
    while (types.length < n) types.push(types[types.length - 1] ?? 'sa_sdp');
    return { ...x, ops: opsFor(types, x.hidden) };
  });
}

/** Sets the type of head j in layer i, keeping the layer's d. */
export function setHeadType(m: ModelDict, i: number, j: number, type: HeadType): ModelDict {
  return updateLayer(m, i, (x) => {
    if (j < 0 || j >= x.ops.length) return x;
    const types = headTypesOf(x.ops);
    types[j] = type;
    return { ...x, ops: opsFor(types, x.hidden) };
  });
}

/** Sets every head of layer i to one type (a shortcut for homogeneous layers). */
export function setAllHeadTypes(m: ModelDict, i: number, type: HeadType): ModelDict {
  return updateLayer(m, i, (x) => ({ ...x, ops: opsFor(x.ops.map(() => type), x.hidden) }));
}

export function setFfWidth(m: ModelDict, i: number, j: number, width: number): ModelDict {
  return updateLayer(m, i, (x) => (j < 0 || j >= x.ff.length ? x : { ...x, ff: x.ff.map((w, k) => (k === j ? width : w)) }));
}

/** Appends a copy of the last width to layer i's feed-forward stack; unchanged at 3 widths. */
export function addFfWidth(m: ModelDict, i: number): ModelDict {
  return updateLayer(m, i, (x) => (x.ff.length >= MAX_FF_STACK ? x : { ...x, ff: [...x.ff, x.ff[x.ff.length - 1] ?? S.ffWidths[0]] }));
}

/** Removes width j of layer i's stack; the last width cannot be removed. */
export function removeFfWidth(m: ModelDict, i: number, j: number): ModelDict {
  return updateLayer(m, i, (x) => (x.ff.length <= MIN_FF_STACK || j < 0 || j >= x.ff.length ? x : { ...x, ff: x.ff.filter((_, k) => k !== j) }));
}
