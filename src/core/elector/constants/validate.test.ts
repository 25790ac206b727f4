import { describe, expect, it } from 'vitest';
import { REFERENCE_CONSTANTS } from './reference.ts';
import { ELECTOR_CONSTANTS } from './elector.ts';
import { CONSTANT_RULES, IGNORED_BY, type Rule } from './rules.ts';
import { check, isRule, validateConstantsOverride } from './validate.ts';
import { simulate } from '../simulate.ts';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { MEMORY_INDEX } from '../../space/accelerator/schema.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import type { CostModel } from '../types.ts';

type Tree = { [key: string]: unknown };
type RuleTree = { [key: string]: Rule | RuleTree };
const DEFAULTS: Tree = { reference: REFERENCE_CONSTANTS, elector: ELECTOR_CONSTANTS };
const RULES = CONSTANT_RULES as unknown as RuleTree;
const isObject = (x: unknown): x is Tree => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every leaf of a tree, by dotted path. */
function leaves(tree: Tree, path = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]) => (isObject(v) && !isRule(v as Rule) ? leaves(v, `${path}${k}.`) : [[`${path}${k}`, v]]));
}
const at = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((t, k) => (isObject(t) && Object.hasOwn(t, k) ? t[k] : undefined), tree);
/** The nested object holding `value` at `path`, e.g. set('a.b', 1) = {a: {b: 1}}. */
const nest = (path: string, value: unknown): Tree => path.split('.').reduceRight<unknown>((v, k) => ({ [k]: v }), value) as Tree;
const validate = (override: unknown, model: CostModel = 'elector') => validateConstantsOverride(override, model);
const issues = (override: unknown, model: CostModel = 'elector') => {
  const v = validate(override, model);
  return v.ok ? [] : v.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
};

describe('the rules cover the constants', () => {
  it('every default constant has a rule of its type, which the default satisfies', () => {
    const all = leaves(DEFAULTS);
    expect(all.length).toBeGreaterThan(100);
    for (const [path, value] of all) {
      const rule = at(RULES, path) as Rule | undefined;
      expect(rule && isRule(rule), `${path} has no rule`).toBe(true);
      expect({ [path]: check(rule!, value) }).toEqual({ [path]: null });
    }
  });

  it('every rule names a constant that exists (no rule outlives its constant)', () => {
    for (const [path] of leaves(RULES)) expect(at(DEFAULTS, path), path).not.toBeUndefined();
  });

  it('the default tables pass as overrides, less what each cost model ignores', () => {
    expect(validate({ elector: ELECTOR_CONSTANTS })).toEqual({ ok: true, value: { elector: ELECTOR_CONSTANTS } });
    const { clockMHz: _, ...reference } = REFERENCE_CONSTANTS;
    expect(validate({ reference }, 'reference').ok).toBe(true);
    expect(validate({}).ok).toBe(true);
  });
});

describe('validateConstantsOverride refuses, by dotted path', () => {
  it('unknown keys, at any depth, listing the known ones', () => {
    expect(issues({ reference: { dataflw: { areaUm2: 1 } } })).toEqual([expect.stringMatching(/^reference\.dataflw: unknown constant \(known here: sparsity, clockMHz, bits, lane, /)]);
    expect(issues({ elector: { sram: { cells: 'hp' } }, electr: {} })).toEqual([
      expect.stringMatching(/^elector\.sram\.cells: unknown constant/), 'electr: unknown constant (known here: reference, elector)',
    ]);
    // Keys of Object.prototype are not constants.
    expect(issues(JSON.parse('{"elector": {"__proto__": {"x": 1}, "toString": 1}}'))).toEqual([
      expect.stringMatching(/^elector\.__proto__: unknown constant/), expect.stringMatching(/^elector\.toString: unknown constant/),
    ]);
    expect(issues({ reference: { mainMemory: { energyNJPerBlock: { dram_1_1_1: 5 } } } }, 'reference')).toEqual([expect.stringMatching(/^reference\.mainMemory\.energyNJPerBlock\.dram_1_1_1: unknown constant/)]);
  });

  it('values of the wrong type: strings for numbers, objects for values and values for tables', () => {
    expect(issues({ elector: { data: { elementBits: '20' }, sram: { cell: 1, maxBankMB: null }, mainMemory: { rramPowerGated: 'yes' } } })).toEqual([
      'elector.data.elementBits: must be a whole number from 1 to 64, got "20"',
      'elector.sram.cell: must be one of "hp", "lstp", got 1',
      'elector.sram.maxBankMB: must be a number > 0, got null',
      'elector.mainMemory.rramPowerGated: must be true or false, got "yes"',
    ]);
    expect(issues({ elector: { sram: 5, data: { elementBits: { x: 1 } } } })).toEqual([
      expect.stringMatching(/^elector\.sram: expected an object of constants \(energyNJPer64BPerSqrtMB, .*\), got 5$/),
      'elector.data.elementBits: must be a whole number from 1 to 64, got {"x":1}',
    ]);
    expect(issues([1])).toEqual([expect.stringMatching(/^expected an object \{"reference"\?/)]);
  });

  it('efficiencies outside (0, 1], fractions outside their range', () => {
    for (const [e, ok] of [[0, false], [1e-9, true], [1, true], [1.2, false], [-0.5, false]] as const) {
      expect(validate({ elector: { mainMemory: { dram: { efficiency: e } } } }).ok, String(e)).toBe(ok);
    }
    expect(issues({ elector: { mainMemory: { hbm: { efficiency: 0 } } } })).toEqual(['elector.mainMemory.hbm.efficiency: must be a number in (0, 1], got 0']);
    expect(issues({ elector: { sram: { weightBufferReserveFraction: 1 } } })).toEqual(['elector.sram.weightBufferReserveFraction: must be a number in [0, 1), got 1']);
    expect(issues({ reference: { sparsity: { gradient: 1 } } })).toEqual(['reference.sparsity.gradient: must be a number in [0, 1), got 1']);
  });

  it('zero or negative sizes, energies and latencies; fractional or zero bit widths; non-finite numbers', () => {
    expect(issues({
      elector: { data: { elementBits: 0, optimizerStateBits: 16.5 }, mainMemory: { rram: { readEnergyPJPerBit: 0, firstWordLatencyNs: -1 } } },
      reference: { dataflow: { areaUm2: -3 }, lane: { '16': { gelu: { leakageMW: 0 } } } },
    })).toEqual([
      'elector.data.elementBits: must be a whole number from 1 to 64, got 0',
      'elector.data.optimizerStateBits: must be a whole number from 1 to 64, got 16.5',
      'elector.mainMemory.rram.readEnergyPJPerBit: must be a number > 0, got 0',
      'elector.mainMemory.rram.firstWordLatencyNs: must be a number ≥ 0, got -1',
      'reference.dataflow.areaUm2: must be a number > 0, got -3',
    ]); // a leakage of 0 is an allowed idealisation
    expect(issues({ elector: { energy: { nominalClockMHz: 1e308 } } })).toEqual(['elector.energy.nominalClockMHz: must be a number in [1, 10000], got 1e+308']);
  });

  it('enum fields outside their values', () => {
    expect(issues({ elector: { sram: { cell: 'HP' }, mainMemory: { dram: { backgroundUnit: 'bank' }, rramBandwidth: 'shared' } } })).toEqual([
      'elector.sram.cell: must be one of "hp", "lstp", got "HP"',
      'elector.mainMemory.dram.backgroundUnit: must be one of "device", "channel", "rank", got "bank"',
      'elector.mainMemory.rramBandwidth: must be one of "perChannel", "isoPin", got "shared"',
    ]);
  });

  it('entries the chosen cost model ignores, saying why', () => {
    expect(issues({ reference: { clockMHz: 1000 } })).toEqual(['reference.clockMHz: ignored by the elector cost model: the run\'s clock is the clock setting (--clock), not this entry']);
    expect(issues({ reference: { clockMHz: 1000 } }, 'reference')).toHaveLength(1);
    expect(issues({ reference: { weightBuffer: { bandwidth: 1, areaUm2PerMB: 1 }, bits: { integer: 2 } } })).toEqual([
      expect.stringMatching(/^reference\.weightBuffer\.bandwidth: ignored by the elector cost model: .*elector\.sram/),
      expect.stringMatching(/^reference\.bits: ignored by the elector cost model: .*elementBits/),
    ]);
    expect(validate({ reference: { weightBuffer: { bandwidth: 1 }, bits: { integer: 2 } } }, 'reference').ok).toBe(true);
    expect(issues({ elector: { sram: { cell: 'hp' } } }, 'reference')).toEqual([expect.stringMatching(/^elector: ignored by the reference cost model: .*reads only the reference table/)]);
  });
});

describe('IGNORED_BY matches the cost models', () => {
  /** Each leaf under `path` changed (numbers ×2+1, the next enum value, booleans flipped), as an override. */
  function perturbed(path: string): Tree {
    const value = at(DEFAULTS, path);
    const change = (v: unknown, p: string): unknown => {
      if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, change(x, `${p}.${k}`)]));
      const rule = at(RULES, p) as Rule;
      if (rule.kind === 'enum') return rule.values[(rule.values.indexOf(v as string) + 1) % rule.values.length];
      return typeof v === 'boolean' ? !v : (v as number) * 2 + 1;
    };
    return nest(path, change(value, path));
  }
  const merge = (a: Tree, b: Tree): Tree => {
    const out: Tree = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = isObject(out[k]) && isObject(v) ? merge(out[k] as Tree, v) : v;
    return out;
  };
  const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
  // Every main memory of the design space, so each per-memory entry is exercised.
  const accelerators = [ACCELERATOR_PRESETS['acceltran-server'].config, ...MEMORY_INDEX.map((m) => ({ ...edge, mainMemory: { ...m, mode: m.type === 'dram' ? 'lb' : 'hb' } }))];
  const outcome = (costModel: CostModel, override: Tree) => accelerators.flatMap((acc) => (['inference', 'training'] as const).map((mode) => {
    try {
      const r = simulate(MODEL_PRESETS['bert-tiny'].model, acc, { costModel, mode, timeline: false, referenceConstants: override.reference as never, electorConstants: override.elector as never });
      return JSON.stringify(r);
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  }));

  for (const costModel of ['elector', 'reference'] as const) {
    it(`changing what ${costModel} ignores changes none of its results; changing what it reads does`, () => {
      const plain = outcome(costModel, {});
      expect(plain.filter((o) => !o.startsWith('error')).length).toBeGreaterThan(10);
      const ignored = Object.keys(IGNORED_BY[costModel]).map(perturbed).reduce(merge, {});
      expect(outcome(costModel, ignored)).toEqual(plain);
      // The comparison can see a change: one entry the model does read.
      const read = perturbed(costModel === 'elector' ? 'elector.sram.energyNJPer64BPerSqrtMB' : 'reference.mainMemory.energyNJPerBlock');
      expect(outcome(costModel, read)).not.toEqual(plain);
    });
  }
});
