/**
 * The op list of one run as a flat table: one row of numbers (a single Float64Array,
 * row-major) and one row of small codes (a Uint8Array) per op. Sweeps simulate tens of
 * thousands of fresh models, so building and costing the few hundred ops of each must not
 * allocate per op: a row costs a few stores, and the cost loop reads plain numbers.
 *
 * Kind-specific shapes share the numeric fields (a conv's positions sit where a product's
 * M sits); the `F_*` aliases name them. `opView.ts` turns rows back into `SimOp` records
 * for tests and diagnostics. Names are kept as parts (group prefix, base, backward suffix)
 * and joined only when a timeline asks for them.
 */
import type { Direction, SimOp, TensorClass } from './opTypes.ts';

/** Op kinds; 0–4 are also the index of the kind's format (`formatIndex`). */
export const KIND_CODES: readonly SimOp['kind'][] = ['matmul', 'conv', 'softmax', 'layerNorm', 'nonLinearity', 'load', 'store', 'optimizer'];
export const K_MATMUL = 0;
export const K_CONV = 1;
export const K_SOFTMAX = 2;
export const K_LAYER_NORM = 3;
export const K_NON_LINEARITY = 4;
export const K_LOAD = 5;
export const K_STORE = 6;
export const K_OPTIMIZER = 7;
/** Format index of transfers and the optimizer: the global sparsity. */
export const GLOBAL_FORMAT = 5;

/** Tensor classes, in the order of `classIndex` (formats.ts). */
export const CLASS_CODES: readonly TensorClass[] = ['act', 'grad', 'weight', 'wgrad', 'const'];
export const C_ACT = 0;
export const C_GRAD = 1;
export const C_WEIGHT = 2;
export const C_WGRAD = 3;
export const C_CONST = 4;

export const DIRECTION_CODES: readonly Direction[] = ['forward', 'backward', 'update'];
export const D_FORWARD = 0;
export const D_BACKWARD = 1;
export const D_UPDATE = 2;

/** What backward appends to a forward op's name. */
export const NAME_SUFFIXES = ['', '.dX', '.dW', '.dB', '.d', '.grad'] as const;
export const S_NONE = 0;
export const S_DX = 1;
export const S_DW = 2;
export const S_DB = 3;
export const S_D = 4;
export const S_GRAD = 5;

/** Numeric fields of a row. */
export const F_LAYER = 0;
export const F_HEAD = 1;
export const F_STASH = 2;
export const F_BATCH = 3;
export const F_GROUPS = 4;
export const F_M = 5;
export const F_K = 6;
export const F_N = 7;
export const F_BIAS = 8;
/** Elements of A, B and the output: products and convs (a transfer's `elems`, the optimizer's `params` sit in F_A_ELEMS). */
export const F_A_ELEMS = 9;
export const F_B_ELEMS = 10;
export const F_OUT_ELEMS = 11;
/** Activation-buffer working set (`workingSetElems`), fixed by the shape. */
export const F_WORKING_SET = 12;
export const NUM_FIELDS = 13;
export const F_POSITIONS = F_M;
export const F_TAPS = F_K;
export const F_CHANNELS = F_N;
export const F_ROWS = F_M;
export const F_INPUTS = F_K;
export const F_COLS = F_N;
export const F_ELEMS = F_A_ELEMS;
export const F_PARAMS = F_A_ELEMS;
/** An elementwise op's own parameters (LayerNorm γ, β) sit where a product's bias sits. */
export const F_PARAM_ELEMS = F_BIAS;

/** Code fields of a row: kind, direction, operand classes (elementwise input and transfer tensor in C_A), flags, name suffix. */
export const C_KIND = 0;
export const C_DIRECTION = 1;
export const C_A = 2;
export const C_B = 3;
export const C_OUT = 4;
export const C_FLAGS = 5;
export const C_SUFFIX = 6;
export const CODE_FIELDS = 7;

export const FLAG_B_SHARED = 1;
export const FLAG_OUT_REDUCED = 2;
/** A transfer's buffer is the activation buffer (else the weight buffer). */
export const FLAG_ACTIVATION_BUFFER = 4;
/** The weights are another tensor's (the MLM decoder's tied word embeddings): not a parameter of their own. */
export const FLAG_TIED = 8;

export class OpTable {
  length = 0;
  num: Float64Array;
  code: Uint8Array;
  /** Name parts: the head group's prefix (`sa_sdp×12 `, or '') and the op's own name (`qk`). */
  readonly namePrefix: string[] = [];
  readonly nameBase: string[] = [];
  /** Whether rows keep their names (only timelines and the record view read them). */
  keepNames = true;

  /** `capacity`: expected rows; the table grows past it if needed. */
  constructor(capacity = 64) {
    this.num = new Float64Array(capacity * NUM_FIELDS);
    this.code = new Uint8Array(capacity * CODE_FIELDS);
  }

  /** Empties the table, keeping its storage (rows are rewritten in full by `add` and the builders). */
  clear(): void {
    this.length = 0;
    // Setting an array's length is a runtime call: skip it when there is nothing to drop.
    if (this.namePrefix.length > 0) this.namePrefix.length = 0;
    if (this.nameBase.length > 0) this.nameBase.length = 0;
  }

  /** A copy with storage of exactly its length, in one allocation. */
  compactCopy(): OpTable {
    const n = this.length;
    const copy = new OpTable(0);
    const buffer = new ArrayBuffer(n * (NUM_FIELDS * 8 + CODE_FIELDS));
    copy.num = new Float64Array(buffer, 0, n * NUM_FIELDS);
    copy.num.set(this.num.subarray(0, n * NUM_FIELDS));
    copy.code = new Uint8Array(buffer, n * NUM_FIELDS * 8, n * CODE_FIELDS);
    copy.code.set(this.code.subarray(0, n * CODE_FIELDS));
    copy.keepNames = this.keepNames;
    if (this.keepNames) {
      for (let i = 0; i < n; i++) {
        copy.namePrefix.push(this.namePrefix[i]);
        copy.nameBase.push(this.nameBase[i]);
      }
    }
    copy.length = n;
    return copy;
  }

  /**
   * Appends a row and returns its index. The fields every kind reads (stash, working set,
   * operand classes, flags) start at 0; the builder of the kind writes the others it reads.
   */
  add(kind: number, direction: number, layer: number, head: number, prefix: string, base: string, suffix: number): number {
    const i = this.length;
    if ((i + 1) * NUM_FIELDS > this.num.length) this.grow();
    this.length = i + 1;
    const num = this.num;
    const n = i * NUM_FIELDS;
    num[n + F_LAYER] = layer;
    num[n + F_HEAD] = head;
    num[n + F_STASH] = 0;
    num[n + F_WORKING_SET] = 0;
    const code = this.code;
    const c = i * CODE_FIELDS;
    code[c + C_KIND] = kind;
    code[c + C_DIRECTION] = direction;
    code[c + C_A] = 0;
    code[c + C_B] = 0;
    code[c + C_OUT] = 0;
    code[c + C_FLAGS] = 0;
    code[c + C_SUFFIX] = suffix;
    if (this.keepNames) {
      this.namePrefix.push(prefix);
      this.nameBase.push(base);
    }
    return i;
  }

  /** Appends every row of `src` (compact: see `compactCopy`), placed at `layer` and `head`. */
  appendRows(src: OpTable, layer: number, head: number): void {
    const rows = src.length;
    if (src.num.length !== rows * NUM_FIELDS) throw new Error('internal: appendRows needs a compact table');
    while ((this.length + rows) * NUM_FIELDS > this.num.length) this.grow();
    const first = this.length;
    const num = this.num;
    // Block copies: element loops across two tables are several times slower.
    num.set(src.num, first * NUM_FIELDS);
    this.code.set(src.code, first * CODE_FIELDS);
    for (let i = 0; i < rows; i++) {
      num[(first + i) * NUM_FIELDS + F_LAYER] = layer;
      num[(first + i) * NUM_FIELDS + F_HEAD] = head;
    }
    if (this.keepNames) {
      for (let i = 0; i < rows; i++) {
        this.namePrefix.push(src.namePrefix[i]);
        this.nameBase.push(src.nameBase[i]);
      }
    }
    this.length = first + rows;
  }

  name(i: number): string {
    if (!this.keepNames) throw new Error('internal: this op table keeps no names');
    return this.namePrefix[i] + this.nameBase[i] + NAME_SUFFIXES[this.code[i * CODE_FIELDS + C_SUFFIX]];
  }

  /** Layer of row `i` as an integer (an array index once shifted by 1). */
  layer(i: number): number {
    return this.num[i * NUM_FIELDS + F_LAYER] | 0;
  }

  private grow(): void {
    const num = new Float64Array(Math.max(64 * NUM_FIELDS, this.num.length * 2));
    num.set(this.num);
    this.num = num;
    const code = new Uint8Array(Math.max(64 * CODE_FIELDS, this.code.length * 2));
    code.set(this.code);
    this.code = code;
  }
}

export function classCode(c: TensorClass): number {
  switch (c) {
    case 'act':
      return C_ACT;
    case 'grad':
      return C_GRAD;
    case 'weight':
      return C_WEIGHT;
    case 'wgrad':
      return C_WGRAD;
    default:
      return C_CONST;
  }
}

/** Format of a kind: its own (0–4), or the global one for transfers and the optimizer. */
export function formatIndex(kind: number): number {
  return kind < GLOBAL_FORMAT ? kind : GLOBAL_FORMAT;
}

/** Classes held in the activation buffer: activations and their gradients. */
export function onActivationSide(c: number): boolean {
  return c === C_ACT || c === C_GRAD;
}
