/**
 * Validity rules of docs/flexibert.md §3.2 for FlexiBERT 2.0 model dicts.
 * Messages are what a student reads in the UI and the CLI: each names the field,
 * the rule and the allowed values. Hostile input (huge arrays, odd types, long
 * strings) is reported, never iterated past the space's own limits.
 */
import { ValidationError, type ValidationIssue, type Validated } from '../issues.ts';
import { clip, describe, parseHeadOp, headWidth } from './ops.ts';
import { TRANSFORMER_SPACE } from './schema.ts';
import type { HeadOp, ModelDict } from './types.ts';

const S = TRANSFORMER_SPACE;
const MAX_LAYERS = Math.max(...S.layers);
const MAX_HEADS = Math.max(...S.heads);
const MAX_STACKS = Math.max(...S.ffStacks);
const KEYS = ['l', 'o', 'h', 'f'] as const;
/** More than this many issues are summarised; a student fixes the first ones first. */
export const MAX_ISSUES = 20;

const TOO_MANY = Symbol('too many issues');

class IssueList {
  readonly items: ValidationIssue[] = [];
  add(path: string, message: string): void {
    if (this.items.length >= MAX_ISSUES) throw TOO_MANY;
    this.items.push({ path, message });
  }
}

/** Checks an untrusted value (parsed JSON, a share link, an editor) against the design space. */
export function validateModel(x: unknown): Validated<ModelDict> {
  const issues = new IssueList();
  let value: ModelDict | undefined;
  try {
    value = checkDict(x, issues);
  } catch (e) {
    if (e !== TOO_MANY) throw e;
    issues.items.push({ path: '', message: `more problems not shown (first ${MAX_ISSUES} listed)` });
  }
  return value && issues.items.length === 0 ? { ok: true, value } : { ok: false, issues: issues.items };
}

/** Like `validateModel` but returns the model or throws a `ValidationError`. */
export function checkModel(x: unknown): ModelDict {
  const result = validateModel(x);
  if (!result.ok) throw new ValidationError('model', result.issues);
  return result.value;
}

function checkDict(x: unknown, issues: IssueList): ModelDict | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    issues.add('', `expected a model dict {l, o, h, f}, got ${describe(x)}`);
    return undefined;
  }
  const dict = x as Record<string, unknown>;
  checkKeys(dict, issues);
  const own = (key: string): unknown => (Object.hasOwn(dict, key) ? dict[key] : undefined);
  const l = own('l') === undefined ? undefined : checkMember('l', own('l'), S.layers, 'layer count');
  const o = checkLayerList('o', own('o'), l, issues);
  const h = checkLayerList('h', own('h'), l, issues);
  const f = checkLayerList('f', own('f'), l, issues);
  // Index loops, not forEach: forEach skips the holes of sparse arrays.
  for (let i = 0; h && i < h.length; i++) checkMember(`h[${i}]`, h[i], S.hidden, 'hidden size');
  for (let i = 0; o && i < o.length; i++) checkHeads(i, o[i], h?.[i], issues);
  for (let i = 0; f && i < f.length; i++) checkFeedForward(i, f[i], issues);
  if (issues.items.length > 0) return undefined;
  return {
    l: l!,
    o: (o as string[][]).map((ops) => [...ops]),
    h: [...(h as number[])],
    f: (f as number[][]).map((w) => [...w]),
  };

  function checkMember(path: string, v: unknown, allowed: readonly number[], what: string): number | undefined {
    const problem = numberProblem(v, allowed, what);
    if (problem) issues.add(path, problem);
    return problem ? undefined : (v as number);
  }
}

function checkKeys(dict: Record<string, unknown>, issues: IssueList): void {
  if (Object.hasOwn(dict, 'p')) {
    issues.add(
      'p',
      'key "p" marks a FlexiBERT 1.0 dict (one op per layer). This tool uses the FlexiBERT 2.0 format ' +
        '{l, o, h, f} with one op string per head, e.g. o: [["sa_sdp_64", "sa_sdp_64"], …]',
    );
  }
  const extra = Object.keys(dict).filter((k) => k !== 'p' && !(KEYS as readonly string[]).includes(k));
  for (const key of extra.slice(0, 3)) issues.add(clip(key, 24), `unknown key (a model dict has only l, o, h, f)`);
  if (extra.length > 3) issues.add('', `${extra.length - 3} more unknown keys (a model dict has only l, o, h, f)`);
  for (const key of KEYS) if (!Object.hasOwn(dict, key)) issues.add(key, `missing (a model dict needs l, o, h and f)`);
}

/** Returns the list if it can be iterated safely (at most 12 entries), else undefined. */
function checkLayerList(key: string, v: unknown, l: number | undefined, issues: IssueList): unknown[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    issues.add(key, `expected a list with one entry per layer, got ${describe(v)}`);
    return undefined;
  }
  if (v.length > MAX_LAYERS) {
    issues.add(key, `has ${count(v.length, 'entry', 'entries')}; a model has at most ${MAX_LAYERS} layers`);
    return undefined;
  }
  if (l !== undefined && v.length !== l) issues.add(key, `has ${count(v.length, 'entry', 'entries')} but l is ${l}`);
  return v;
}

function checkHeads(i: number, ops: unknown, hidden: unknown, issues: IssueList): void {
  const path = `o[${i}]`;
  if (!Array.isArray(ops)) {
    issues.add(path, `expected a list of head op strings like ["sa_sdp_64", "sa_sdp_64"], got ${describe(ops)}`);
    return;
  }
  const n = ops.length;
  const countOk = (S.heads as readonly number[]).includes(n);
  if (!countOk) issues.add(path, `has ${count(n, 'head', 'heads')} (allowed head counts: ${S.heads.join(', ')})`);
  if (n > MAX_HEADS) return;
  const parsed: { j: number; op: HeadOp }[] = [];
  for (let j = 0; j < n; j++) {
    const op = parseHeadOp(ops[j]);
    if ('error' in op) issues.add(`${path}[${j}]`, op.error);
    else parsed.push({ j, op });
  }
  if (parsed.length === 0) return;
  const hiddenOk = typeof hidden === 'number' && (S.hidden as readonly number[]).includes(hidden);
  if (countOk && hiddenOk) {
    const d = headWidth(hidden, n);
    const rule = `floor(h[${i}]/heads) = floor(${hidden}/${n}) = ${d}`;
    const wrong = parsed.filter((p) => p.op.d !== d);
    if (wrong.length === n && wrong.every((p) => p.op.d === wrong[0].op.d)) {
      issues.add(path, `head width ${wrong[0].op.d} does not match ${rule} (use e.g. "${wrong[0].op.type}_${d}")`);
    } else {
      for (const p of wrong) issues.add(`${path}[${p.j}]`, `head width ${p.op.d} does not match ${rule} (use "${p.op.type}_${d}")`);
    }
  } else {
    const first = parsed[0];
    for (const p of parsed) {
      if (p.op.d !== first.op.d) {
        issues.add(`${path}[${p.j}]`, `head width ${p.op.d} differs from ${path}[${first.j}] (${first.op.d}); all heads of a layer share one width`);
      }
    }
  }
}

function checkFeedForward(i: number, widths: unknown, issues: IssueList): void {
  const path = `f[${i}]`;
  if (!Array.isArray(widths)) {
    issues.add(path, `expected a list of 1–${MAX_STACKS} feed-forward widths such as [512], got ${describe(widths)}`);
    return;
  }
  if (widths.length < 1 || widths.length > MAX_STACKS) {
    issues.add(path, `has ${count(widths.length, 'width', 'widths')}; a feed-forward stack has 1–${MAX_STACKS} layers`);
  }
  for (let j = 0; j < Math.min(widths.length, MAX_STACKS); j++) {
    const problem = numberProblem(widths[j], S.ffWidths, 'feed-forward width');
    if (problem) issues.add(`${path}[${j}]`, problem);
  }
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Why `v` is not one of `allowed`, or undefined if it is. */
function numberProblem(v: unknown, allowed: readonly number[], what: string): string | undefined {
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) {
    return `expected a number, got the string ${describe(v)} (remove the quotes)`;
  }
  if (typeof v !== 'number') return `expected a number, got ${describe(v)}`;
  if (!Number.isFinite(v)) return `expected a finite number, got ${String(v)}`;
  if (!Number.isInteger(v)) return `${v} is not a whole number (allowed ${what}s: ${allowed.join(', ')})`;
  if (!allowed.includes(v)) return `${v} is not an allowed ${what} (allowed: ${allowed.join(', ')})`;
  return undefined;
}
