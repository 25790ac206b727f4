/** The variants of the VSQ chip's assumptions that section 3 of the report tries, one at a time. */
import { DEFAULT_ASSUMPTIONS, predictBert, type ChipAssumptions, type Prediction } from './calibration.ts';
import { voltageExponentFromTitle } from './vsqChip.ts';

const K_FROM_TITLE = voltageExponentFromTitle();

export const ASSUMPTION_VARIANTS: { label: string; value: string; change: Partial<ChipAssumptions> }[] = [
  { label: 'baseline', value: 'p 65 %, k 2, 1024 one-MAC lanes, batch 4, FF1-shaped benchmark, BERT input density 50 %', change: {} },
  { label: 'datapath share p', value: '50 %', change: { datapathShare: 0.5 } },
  { label: 'datapath share p', value: '60 %', change: { datapathShare: 0.6 } },
  { label: 'datapath share p', value: '70 %', change: { datapathShare: 0.7 } },
  { label: 'datapath share p', value: '80 %', change: { datapathShare: 0.8 } },
  { label: 'voltage exponent k', value: '1.5', change: { voltageExponent: 1.5 } },
  { label: 'voltage exponent k', value: '2.09 (the 17–95.6 TOPS/W range, if it is one layer from 1.05 V to 0.46 V)', change: { voltageExponent: K_FROM_TITLE } },
  { label: 'voltage exponent k', value: '2.5', change: { voltageExponent: 2.5 } },
  { label: 'array', value: '64 lanes of 16 MACs (lanesPerPe 1)', change: { array: 'vector' } },
  { label: 'batch', value: '1', change: { batch: 1 } },
  { label: 'benchmark layer', value: '768 → 768 over 128 tokens', change: { benchmark: { rows: 128, inWidth: 768, outWidth: 768 } } },
  { label: 'benchmark layer', value: '768 → 768 over 16 tokens (little weight reuse)', change: { benchmark: { rows: 16, inWidth: 768, outWidth: 768 } } },
  { label: 'BERT input density', value: '70 %', change: { bertActivationSparsity: 0.3 } },
  { label: 'BERT input density', value: '100 %', change: { bertActivationSparsity: 0 } },
  { label: 'stored width', value: '20 bits', change: { elementBits: 20 } },
  { label: 'what β scales', value: 'SRAM and the operand-delivery modules', change: { movement: 'sramAndDelivery' } },
];

export function sensitivity(): { label: string; value: string; p: Prediction }[] {
  return ASSUMPTION_VARIANTS.map((v) => ({ label: v.label, value: v.value, p: predictBert({ ...DEFAULT_ASSUMPTIONS, ...v.change }) }));
}
