import { describe, expect, it } from 'vitest';
import { parseHeadOp } from '../../space/transformer/ops.ts';
import { HEAD_TYPES } from '../../space/transformer/types.ts';
import { HEAD_C13, HEAD_C5, HEAD_C9, HEAD_LT, HEAD_SDP, HEAD_WMA, headKind, headWidth, kernelOfKind } from './headKind.ts';

const KIND_OF_TYPE = { sa_sdp: HEAD_SDP, sa_wma: HEAD_WMA, l_dft: HEAD_LT, l_dct: HEAD_LT, c_5: HEAD_C5, c_9: HEAD_C9, c_13: HEAD_C13 };

describe('fast head-op reading', () => {
  it('agrees with the validating parser on every head type and width', () => {
    for (const type of HEAD_TYPES) {
      for (const d of [1, 10, 16, 21, 42, 64, 96, 128, 192, 384, 768, 123456]) {
        const op = `${type}_${d}`;
        const parsed = parseHeadOp(op);
        if ('error' in parsed) throw new Error(parsed.error);
        expect(headKind(op)).toBe(KIND_OF_TYPE[type]);
        expect(headWidth(op)).toBe(parsed.d);
        expect(kernelOfKind(headKind(op))).toBe(parsed.kernel);
      }
    }
  });
});
