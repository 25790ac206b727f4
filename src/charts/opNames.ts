/**
 * Human names of the elector model's ops: `ff1` in layer 2 reads "layer 3 · FF 1",
 * `sa_sdp×12 qk` reads "layer 1 · Attn SDP ×12 · QKᵀ" (head types by the editors' names), `ff1.dW` adds "· weight gradient".
 * Unknown names pass through unchanged, so a new op still shows something.
 */
import type { TimelineEntry } from '../core/elector/types.ts';
import { headTypeName } from '../core/space/designNames.ts';

const BASE_NAMES: Record<string, string> = {
  embedding: 'embedding lookup',
  'emb-ln': 'embedding layer norm',
  qkv: 'Q/K/V projection',
  out: 'attention output projection',
  ln1: 'layer norm 1',
  ln2: 'layer norm 2',
  'ff-out': 'FF output',
  proj: 'width projection',
  output: 'output store',
  'write-back': 'write-back (posted stores finishing on the bus)',
  wma: 'WMA weights (Q·W)',
  qk: 'QKᵀ',
  softmax: 'softmax',
  pv: 'P·V',
  'dft-T': 'DFT along tokens',
  'dft-d': 'DFT along features',
  'dct-T': 'DCT along tokens',
  'dct-d': 'DCT along features',
  dconv: 'dynamic convolution',
  pointwise: 'pointwise projection',
  gate: 'gate',
  'kernel-gen': 'kernel generation',
  'kernel-softmax': 'kernel softmax',
  'value-proj': 'value projection',
  'span-sum': 'span sum',
  'mlm-dense': 'MLM dense',
  'mlm-gelu': 'MLM GELU',
  'mlm-ln': 'MLM layer norm',
  'mlm-proj': 'MLM projection',
  'mlm-decoder': 'MLM decoder',
  'mlm-softmax': 'MLM softmax',
};

/** Whole names that read better than their parts. */
const FULL_NAMES: Record<string, string> = {
  'embedding.grad': 'embedding gradient (scatter to main memory)',
  'output.grad': 'output gradient (load from the loss)',
};

/** Backward suffixes (opTable.ts NAME_SUFFIXES), longest match first. */
const SUFFIXES: readonly [string, string][] = [
  ['.grad', 'gradient'],
  ['.dX', 'input gradient'],
  ['.dW', 'weight gradient'],
  ['.dB', 'gradient of B'],
  ['.d', 'backward'],
];

/** Products whose second operand B is an activation (or its gradient), held in the activation buffer. */
const ACTIVATION_B = new Set(['qk', 'pv', 'gate', 'span-sum']);

export interface OpNameParts {
  /** Head group, e.g. `Attn SDP ×12`; '' for layer-wide ops. */
  heads: string;
  /** The op's own name, e.g. `qk`, `ff1`. */
  base: string;
  /** Backward suffix, e.g. `.dW`; '' in forward. */
  suffix: string;
}

export function splitOpName(e: Pick<TimelineEntry, 'op' | 'head'>): OpNameParts {
  let rest = e.op;
  let heads = '';
  const space = rest.indexOf(' ');
  if (e.head >= 0 && space > 0) {
    const [type, count] = rest.slice(0, space).split('×');
    heads = count ? `${headTypeName(type)} ×${count}` : `${headTypeName(type)} head ${e.head + 1}`;
    rest = rest.slice(space + 1);
  } else if (e.head >= 0) heads = `head ${e.head + 1}`;
  const suffix = SUFFIXES.find(([s]) => rest.endsWith(s))?.[0] ?? '';
  return { heads, base: rest.slice(0, rest.length - suffix.length), suffix };
}

function baseName(base: string): string {
  const known = BASE_NAMES[base];
  if (known) return known;
  const stacked = /^(ff|nl)(\d+)$/.exec(base);
  if (stacked) return `${stacked[1] === 'ff' ? 'FF' : 'non-linearity'} ${stacked[2]}`;
  return base;
}

/** "layer 3 · FF 1 · weight gradient"; the optimizer row reads "optimizer step (clip + AdamW), 1/8 of a step". */
export function opLabel(e: Pick<TimelineEntry, 'op' | 'head' | 'layer' | 'kind'>): string {
  if (e.kind === 'optimizer') {
    const share = /\((\d+\/\d+ of a step)\)/.exec(e.op);
    return `optimizer step (clip + AdamW)${share ? `, ${share[1]}` : ''}`;
  }
  const { heads, base, suffix } = splitOpName(e);
  const full = FULL_NAMES[base + suffix];
  const name = full ?? [baseName(base), SUFFIXES.find(([s]) => s === suffix)?.[1] ?? ''].filter(Boolean).join(' · ');
  const parts = [e.layer >= 0 ? `layer ${e.layer + 1}` : '', heads, name];
  return parts.filter(Boolean).join(' · ');
}

/** The buffer B is read from: the weight buffer for weights and fixed transforms, else the activation buffer. */
export function bufferOfB(e: Pick<TimelineEntry, 'op' | 'head' | 'mapping'>): 'activation buffer' | 'weight buffer' {
  if (e.mapping?.bufferB) return e.mapping.bufferB === 'activation' ? 'activation buffer' : 'weight buffer';
  // Results saved before the mapping named B's buffer: tell it from the op.
  const { base, suffix } = splitOpName(e);
  // dW = Xᵀ·dY: B is the output gradient, an activation-side tensor.
  return ACTIVATION_B.has(base) || suffix === '.dW' ? 'activation buffer' : 'weight buffer';
}
