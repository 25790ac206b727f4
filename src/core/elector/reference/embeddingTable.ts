/**
 * The embedding-table load that opens the reference run (docs/elector.md §6
 * Embedding): the only capacity check of the fast path, and cycles without energy
 * (the reference's energy line for it is commented out).
 */
import { SEQUENCE_LENGTH, VOCABULARY, type ReferenceMachine } from './machine.ts';
import type { RunState } from './state.ts';

const BITS_PER_MB = 1024 * 1024 * 8;

/** The embedding table does not fit the weight buffer; the reference raises RuntimeError here. */
export class CapacityError extends Error {
  /** The accelerator field to change. */
  readonly path = 'weightBufferMB';
  readonly requiredMB: number;
  readonly availableMB: number;
  constructor(message: string, requiredMB: number, availableMB: number) {
    super(message);
    this.name = 'CapacityError';
    this.requiredMB = requiredMB;
    this.availableMB = availableMB;
  }
}

/** Elements of the embedding table, (V + S)·h_0. */
export function embeddingElements(hidden0: number): number {
  return (VOCABULARY + SEQUENCE_LENGTH) * hidden0;
}

export function loadEmbedding(m: ReferenceMachine, s: RunState, hidden0: number): void {
  const n = embeddingElements(hidden0);
  const bits = n * m.wfWeight;
  if (m.weightBufferBits < bits) throw capacityError(m, hidden0, n, bits);
  const c = Math.ceil(bits / m.mainBandwidth);
  s.cycles += c;
  s.embeddingCycles += c;
  s.loadElements += n;
}

function capacityError(m: ReferenceMachine, hidden0: number, n: number, bits: number): CapacityError {
  const requiredMB = bits / BITS_PER_MB;
  const availableMB = m.weightBufferBits / BITS_PER_MB;
  const elements = `${(n / 1e6).toFixed(1)}M`;
  const message =
    `weightBufferMB: the embedding table ((${VOCABULARY} + ${SEQUENCE_LENGTH}) × ${hidden0} = ${elements} elements, ` +
    `${requiredMB.toFixed(1)} MB at ${formatBits(m.wfWeight)} bits each) does not fit the ${availableMB} MB weight buffer; ` +
    'the reference simulator raises "Data is larger than what the weight buffer can store"';
  // A design that does not fit is an expected outcome (a sweep meets thousands), not a bug:
  // capturing a stack trace would cost more than the whole simulation.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new CapacityError(message, requiredMB, availableMB);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function formatBits(bits: number): string {
  return Number.isInteger(bits) ? String(bits) : bits.toFixed(2);
}
