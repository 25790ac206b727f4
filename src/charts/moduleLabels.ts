/** Readable names for the module keys that SimResult uses for energy, area and utilisation. */
const LABELS: Record<string, string> = {
  macLanes: 'MAC lanes',
  softmax: 'Softmax',
  layerNorm: 'Layer norm',
  sparsity: 'Sparsity (pre/post)',
  others: 'Other PE logic',
  buffer: 'Buffers',
  mainMemory: 'Main memory',
  activationBuffer: 'Activation buffer',
  weightBuffer: 'Weight buffer',
  maskBuffer: 'Mask buffer',
  fifo: 'FIFO',
  stochasticRounding: 'Stochastic rounding',
  dataflow: 'Dataflow',
  dma: 'DMA',
};

/** `macLanes` → "MAC lanes"; unknown keys are split at capitals so new modules still read well. */
export function moduleLabel(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
