/**
 * The editors' names for design values, for everything a person reads outside
 * the editors (sweep table, tooltips, summaries): "DCT", "Conv 5", "Tile 16×16",
 * "64 PEs", never `l_dct ×4` or `tile.x`. One definition: the editors use these too.
 */
import { HEAD_TYPES, type HeadType } from './transformer/types.ts';

/** Short head-type names that fit a narrow select. */
export const HEAD_TYPE_LABEL: Record<HeadType, string> = {
  sa_sdp: 'Attn SDP',
  sa_wma: 'Attn WMA',
  l_dft: 'DFT',
  l_dct: 'DCT',
  c_5: 'Conv 5',
  c_9: 'Conv 9',
  c_13: 'Conv 13',
};

/** `l_dct` (or an op string `l_dct_64`) → "DCT"; an unknown type passes through. */
export function headTypeName(typeOrOp: string): string {
  if (typeOrOp in HEAD_TYPE_LABEL) return HEAD_TYPE_LABEL[typeOrOp as HeadType];
  const type = typeOrOp.slice(0, typeOrOp.lastIndexOf('_'));
  return (HEAD_TYPES as readonly string[]).includes(type) ? HEAD_TYPE_LABEL[type as HeadType] : typeOrOp;
}

/** The compact name of one varied value of a sweep parameter, by parameter id: "Tile 16×16", "64 PEs", "DCT heads". */
export function sweepValueName(id: string, value: number | string, valueLabel: string): string {
  switch (id) {
    case 'tile.x': return `Tile ${value}×${value}`;
    case 'tile.b': return `Tile batch ${value}`;
    case 'pe': return `${value} PEs`;
    case 'lanesPerPe': return `${value} lanes/PE`;
    case 'macsPerLane': return `${value} MACs/lane`;
    case 'softmaxPerPe': return `${value} softmax/PE`;
    case 'batchSize': return `Batch ${value}`;
    case 'activationBufferMB': return `Activation buffer ${value} MB`;
    case 'weightBufferMB': return `Weight buffer ${value} MB`;
    case 'maskBufferMB': return `Mask buffer ${value} MB`;
    case 'layers': return `${value} layers`;
    case 'hidden': return `Hidden ${value}`;
    case 'heads': return `${value} heads`;
    case 'headType': return `${headTypeName(String(value))} heads`;
    case 'ffn': return `FF ${valueLabel}`;
    // Non-linearity ("GELU") and main memory ("HBM 32/1/4") already read well.
    default: return valueLabel;
  }
}
