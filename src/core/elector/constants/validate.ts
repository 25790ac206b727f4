/**
 * Checks a constants override ({"reference"?: {...}, "elector"?: {...}}, partial
 * tables as `--constants FILE` gives them) against the rules of rules.ts, before
 * deepMerge applies it. Every problem is reported, each by its dotted path, so a
 * hand-edited file can be fixed in one go: unknown keys, wrong types, values out
 * of their physical range, and entries the chosen cost model does not read.
 */
import type { ValidationIssue, Validated } from '../../space/issues.ts';
import type { CostModel, DeepPartial } from '../types.ts';
import type { ReferenceConstants } from './reference.ts';
import type { ElectorConstants } from './elector.ts';
import { CONSTANT_RULES, IGNORED_BY, type Rule } from './rules.ts';

export interface ConstantsOverride {
  reference?: DeepPartial<ReferenceConstants>;
  elector?: DeepPartial<ElectorConstants>;
}

type RuleTree = { readonly [key: string]: Rule | RuleTree };

export function validateConstantsOverride(value: unknown, costModel: CostModel): Validated<ConstantsOverride> {
  if (!isPlainObject(value)) {
    return { ok: false, issues: [{ path: '', message: 'expected an object {"reference"?: {...}, "elector"?: {...}} overriding entries of the constants tables' }] };
  }
  const issues: ValidationIssue[] = [];
  walk(value, CONSTANT_RULES as unknown as RuleTree, '', costModel, issues);
  return issues.length ? { ok: false, issues } : { ok: true, value: value as ConstantsOverride };
}

function walk(value: Record<string, unknown>, rules: RuleTree, path: string, costModel: CostModel, issues: ValidationIssue[]): void {
  for (const [key, v] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    // hasOwn: "__proto__" or "toString" in a file is an unknown key, not an object's inherited member.
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) {
      issues.push({ path: here, message: `unknown constant (known here: ${Object.keys(rules).join(', ')})` });
      continue;
    }
    const why = ignoredWhy(here, costModel);
    if (why) {
      issues.push({ path: here, message: `ignored by the ${costModel} cost model: ${why}` });
      continue;
    }
    if (isRule(rule)) {
      const problem = check(rule, v);
      if (problem) issues.push({ path: here, message: `${problem}, got ${JSON.stringify(v) ?? String(v)}` });
    } else if (!isPlainObject(v)) {
      issues.push({ path: here, message: `expected an object of constants (${Object.keys(rule).join(', ')}), got ${JSON.stringify(v) ?? String(v)}` });
    } else {
      walk(v, rule, here, costModel, issues);
    }
  }
}

/** Why `path` (or a table containing it) is not read by `costModel`, or null if it is read. */
function ignoredWhy(path: string, costModel: CostModel): string | null {
  for (const [prefix, why] of Object.entries(IGNORED_BY[costModel])) {
    if (path === prefix || path.startsWith(`${prefix}.`)) return why;
  }
  return null;
}

/** The broken rule as a phrase ("must be …"), or null if `v` satisfies it. */
export function check(rule: Rule, v: unknown): string | null {
  if (rule.kind === 'boolean') return typeof v === 'boolean' ? null : 'must be true or false';
  if (rule.kind === 'enum') return typeof v === 'string' && rule.values.includes(v) ? null : `must be one of ${rule.values.map((x) => `"${x}"`).join(', ')}`;
  const ok = typeof v === 'number' && Number.isFinite(v)
    && (rule.minOpen ? v > rule.min : v >= rule.min)
    && (rule.maxOpen ? v < rule.max : v <= rule.max)
    && (!rule.integer || Number.isInteger(v));
  return ok ? null : `must be ${describe(rule)}`;
}

/** "a number in (0, 1]", "a whole number from 1 to 64", "a number > 0". */
export function describe(rule: Extract<Rule, { kind: 'number' }>): string {
  const what = rule.integer ? 'a whole number' : 'a number';
  if (rule.max === Infinity) return `${what} ${rule.minOpen ? '>' : '≥'} ${rule.min}`;
  if (rule.integer && !rule.minOpen && !rule.maxOpen) return `${what} from ${rule.min} to ${rule.max}`;
  return `${what} in ${rule.minOpen ? '(' : '['}${rule.min}, ${rule.max}${rule.maxOpen ? ')' : ']'}`;
}

export function isRule(x: Rule | RuleTree): x is Rule {
  return typeof x.kind === 'string';
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
