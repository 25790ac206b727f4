/**
 * Do these files make up one sweep? They must agree on everything that decides
 * the pairs and their values (spec, base, settings, seed, total, columns, tool,
 * version, shard count), and hold each shard once. Errors name the two files and
 * the first field where they differ.
 */
import { ResultFileError } from './errors.ts';
import { SWEEP_IDENTITY_FIELDS, type ResultHeader } from './format.ts';

export interface NamedHeader {
  file: string;
  header: ResultHeader;
}

/** The files in shard order, or a ResultFileError saying what is wrong with the set. */
export function checkShardSet(files: readonly NamedHeader[]): NamedHeader[] {
  if (files.length === 0) throw new ResultFileError({ file: '', line: 0 }, 'no shard files given');
  const first = files[0];
  for (const f of files.slice(1)) {
    const diff = firstDifference(first.header, f.header);
    if (diff) {
      throw new ResultFileError(
        { file: f.file, line: 1, field: `header.${diff.path}` },
        `${diff.theirs} here but ${diff.ours} in ${first.file}: these files are not shards of one sweep`,
      );
    }
  }
  const count = first.header.shard.count;
  const byIndex = new Map<number, NamedHeader>();
  for (const f of files) {
    const twin = byIndex.get(f.header.shard.index);
    if (twin) throw new ResultFileError({ file: f.file, line: 1, field: 'header.shard' }, `shard ${f.header.shard.index}/${count} is also ${twin.file}: give each shard once`);
    byIndex.set(f.header.shard.index, f);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const list = missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, … (${missing.length} in all)` : '');
    throw new ResultFileError({ file: '', line: 0 }, `shard${missing.length > 1 ? 's' : ''} ${list} of ${count} missing: got ${files.length} file${files.length > 1 ? 's' : ''}`);
  }
  return Array.from({ length: count }, (_, i) => byIndex.get(i)!);
}

/** The first identity field (a dotted path into it) where two headers differ, with both values as short text. */
export function firstDifference(ours: ResultHeader, theirs: ResultHeader): { path: string; ours: string; theirs: string } | null {
  for (const field of SWEEP_IDENTITY_FIELDS) {
    const a = field === 'shard.count' ? ours.shard.count : ours[field];
    const b = field === 'shard.count' ? theirs.shard.count : theirs[field];
    const d = diff(a, b, field);
    if (d) return d;
  }
  return null;
}

function diff(a: unknown, b: unknown, path: string): { path: string; ours: string; theirs: string } | null {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    if (Array.isArray(a) && a.length !== (b as unknown[]).length) return { path: `${path}.length`, ours: String(a.length), theirs: String((b as unknown[]).length) };
    for (const k of keys) {
      const d = diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : { path, ours: short(a), theirs: short(b) };
}

const short = (x: unknown): string => {
  const text = x === undefined ? 'absent' : JSON.stringify(x);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
