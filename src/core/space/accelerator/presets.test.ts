import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS, acceleratorPresetNames, isAcceleratorPresetName } from './presets.ts';
import { validateAccelerator } from './validate.ts';

describe('ACCELERATOR_PRESETS', () => {
  it('lists exactly the named presets', () => {
    expect(Object.keys(ACCELERATOR_PRESETS)).toEqual([...acceleratorPresetNames]);
    expect(ACCELERATOR_PRESETS['acceltran-edge'].name).toBe('AccelTran-Edge');
    expect(ACCELERATOR_PRESETS['acceltran-server'].name).toBe('AccelTran-Server');
    expect(isAcceleratorPresetName('acceltran-edge')).toBe(true);
    expect(isAcceleratorPresetName('config_nano')).toBe(false);
  });

  it('are valid in both variants of the space', () => {
    for (const { config } of Object.values(ACCELERATOR_PRESETS)) {
      expect(validateAccelerator(config, 'acceltran').ok).toBe(true);
      expect(validateAccelerator(config, 'transcode').ok).toBe(true);
    }
  });

  it('match the reference shipped configs (docs/elector.md §12)', () => {
    const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
    expect([edge.pe, edge.lanesPerPe, edge.macsPerLane, edge.softmaxPerPe, edge.batchSize]).toEqual([64, 16, 16, 4, 4]);
    expect([edge.activationBufferMB, edge.weightBufferMB, edge.maskBufferMB]).toEqual([4, 8, 1]);
    expect(edge.mainMemory).toEqual({ type: 'dram', banks: 32, ranks: 2, channels: 1, mode: 'lb' });
    const server = ACCELERATOR_PRESETS['acceltran-server'].config;
    expect([server.pe, server.lanesPerPe, server.macsPerLane, server.softmaxPerPe, server.batchSize]).toEqual([512, 32, 16, 32, 4]);
    expect([server.activationBufferMB, server.weightBufferMB, server.maskBufferMB]).toEqual([32, 64, 8]);
    expect(server.mainMemory).toEqual({ type: 'rram', banks: 32, ranks: 2, channels: 1, mode: 'hb' });
    for (const c of [edge, server]) {
      expect(c.tile).toEqual({ b: 1, x: 16, y: 16 });
      expect(c.nonLinearity).toBe('gelu');
    }
  });

  it('cannot be edited in place', () => {
    const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
    expect(() => {
      (edge.mainMemory as { banks: number }).banks = 1;
    }).toThrow(TypeError);
    expect(edge.mainMemory.banks).toBe(32);
  });
});
