import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { nearestValidAccelerator, snapToAllowed } from './nearest.ts';
import { ACCELERATOR_PRESETS } from './presets.ts';
import { validateAccelerator } from './validate.ts';

const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
const server = ACCELERATOR_PRESETS['acceltran-server'].config;

describe('snapToAllowed', () => {
  const pe = [64, 128, 256, 512, 1024];
  it('picks the closest allowed value, ties to the smaller', () => {
    expect(snapToAllowed(100, pe)).toBe(128);
    expect(snapToAllowed(96, pe)).toBe(64);
    expect(snapToAllowed(700, pe)).toBe(512);
    expect(snapToAllowed(0.7, [0.5, 1, 2])).toBe(0.5);
    expect(snapToAllowed(256, pe)).toBe(256);
  });

  it('clamps beyond the ends and rejects NaN or an empty list', () => {
    expect(snapToAllowed(-5, pe)).toBe(64);
    expect(snapToAllowed(1e9, pe)).toBe(1024);
    expect(snapToAllowed(Infinity, pe)).toBe(1024);
    expect(snapToAllowed(-Infinity, pe)).toBe(64);
    expect(() => snapToAllowed(NaN, pe)).toThrow(RangeError);
    expect(() => snapToAllowed(1, [])).toThrow(RangeError);
  });
});

describe('nearestValidAccelerator', () => {
  it('keeps valid configs unchanged', () => {
    expect(nearestValidAccelerator(server)).toEqual(server);
    expect(nearestValidAccelerator(edge, 'acceltran')).toEqual(edge);
  });

  it('fills everything from AccelTran-Edge when given nothing usable', () => {
    expect(nearestValidAccelerator({})).toEqual(edge);
    expect(nearestValidAccelerator('not a config')).toEqual(edge);
    expect(nearestValidAccelerator({ pe: '512', tile: null, mainMemory: 7 })).toEqual(edge);
  });

  it('snaps numbers, makes tiles square and keeps the rest from the preset', () => {
    const c = nearestValidAccelerator({ pe: 900, tile: { x: 20, y: 8 }, maskBufferMB: 0.6, batchSize: 30 });
    expect(c.pe).toBe(1024);
    expect(c.tile).toEqual({ b: 1, x: 16, y: 16 });
    expect(c.maskBufferMB).toBe(1);
    expect(c.batchSize).toBe(32);
    expect(c.lanesPerPe).toBe(edge.lanesPerPe);
    expect(nearestValidAccelerator({ tile: { y: 32 } }).tile).toEqual({ b: 1, x: 32, y: 32 });
    expect(nearestValidAccelerator({ maskBufferMB: 0.6 }, 'acceltran').maskBufferMB).toBe(0.5);
  });

  it('repairs main memory: nearest geometry of the given type, mode from the type unless given', () => {
    expect(nearestValidAccelerator({ mainMemory: { type: 'rram', banks: 2, channels: 20 } }).mainMemory).toEqual({
      type: 'rram', banks: 2, ranks: 2, channels: 16, mode: 'hb',
    });
    expect(nearestValidAccelerator({ mainMemory: { type: 'hbm' } }).mainMemory).toEqual({
      type: 'hbm', banks: 32, ranks: 1, channels: 4, mode: 'hb',
    });
    expect(nearestValidAccelerator({ mainMemory: { type: 'sram', banks: 16, ranks: 4, channels: 1 } }).mainMemory).toEqual({
      type: 'dram', banks: 16, ranks: 4, channels: 1, mode: 'lb',
    });
    expect(nearestValidAccelerator({ mainMemory: { type: 'dram', mode: 'hb' } }).mainMemory.mode).toBe('hb');
  });

  it('always returns a valid config, even from wild input', () => {
    const rng = createRng('nearest');
    const wild = () => (rng.next() < 0.2 ? 'x' : (rng.next() - 0.3) * 3000);
    for (const variant of ['acceltran', 'transcode'] as const) {
      for (let i = 0; i < 300; i++) {
        const loose = {
          tile: { b: wild(), x: wild(), y: wild() },
          pe: wild(), lanesPerPe: wild(), macsPerLane: wild(), softmaxPerPe: wild(), batchSize: wild(),
          activationBufferMB: wild(), weightBufferMB: wild(), maskBufferMB: wild(),
          mainMemory: { type: rng.pick(['dram', 'hbm', 'rram', 'flash']), banks: wild(), ranks: wild(), channels: wild() },
        };
        expect(validateAccelerator(nearestValidAccelerator(loose, variant), variant).ok).toBe(true);
      }
    }
  });
});
