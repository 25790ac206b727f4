import { describe, expect, it } from 'vitest';
import { ResultFileError } from './errors.ts';
import { mergeShards } from './merge.ts';
import { job, shardText, textSource } from './testFixtures.ts';

const j = job();
const whole = shardText(j, 0, 1);
const shards = [0, 1, 2, 3].map((i) => shardText(j, i, 4));

function merge(files: [string, string][]): string {
  let out = '';
  mergeShards(files.map(([name, text]) => textSource(name, text)), (t) => (out += t));
  return out;
}

const named = (texts: string[]): [string, string][] => texts.map((t, i) => [`s${i}.jsonl`, t]);

function mergeError(files: [string, string][]): string {
  try {
    merge(files);
  } catch (e) {
    expect(e).toBeInstanceOf(ResultFileError);
    return (e as Error).message;
  }
  throw new Error('merge succeeded');
}

describe('mergeShards', () => {
  it('joins 4 shards, given in any order, into the unsharded run byte for byte', () => {
    const rows = (text: string) => text.trimEnd().split('\n').slice(1);
    expect(shards.map((t) => rows(t).length - 1)).toEqual([8, 8, 7, 7]); // rows of each shard, its trailer aside
    const merged = merge([['c', shards[2]], ['a', shards[0]], ['d', shards[3]], ['b', shards[1]]]);
    expect(rows(merged)).toEqual(rows(whole));
    expect(merged).toBe(whole);
  });

  it('handles shards with no rows (more shards than pairs)', () => {
    const small = job({ samples: 3 });
    const many = [0, 1, 2, 3, 4].map((i) => shardText(small, i, 5));
    expect(many[4].split('\n')).toHaveLength(3); // header, trailer, final newline
    expect(merge(named(many))).toBe(shardText(small, 0, 1));
  });

  it('refuses shards of different sweeps, naming the field that differs', () => {
    const other = shardText(job({ seed: 12 }), 1, 4);
    expect(mergeError([['a', shards[0]], ['b', other], ['c', shards[2]], ['d', shards[3]]]))
      .toMatch(/^b:1: header\.seed: 12 here but 11 in a: these files are not shards of one sweep/);
    const settings = shardText({ ...j, settings: { ...j.settings, clockMHz: 800 } }, 1, 4);
    expect(mergeError([['a', shards[0]], ['b', settings]])).toMatch(/^b:1: header\.settings\.clockMHz: 800 here but \d+ in a/);
    const tool = shardText(j, 1, 4, 'test 2');
    expect(mergeError([['a', shards[0]], ['b', tool]])).toMatch(/^b:1: header\.tool: "test 2" here but "test 1" in a/);
    const count = shardText(j, 1, 3);
    expect(mergeError([['a', shards[0]], ['b', count]])).toMatch(/^b:1: header\.shard\.count: 3 here but 4 in a/);
  });

  it('refuses a missing or repeated shard', () => {
    expect(mergeError(named([shards[0], shards[1], shards[3]]))).toBe('shard 2 of 4 missing: got 3 files');
    expect(mergeError(named([shards[0], shards[1], shards[1], shards[2], shards[3]]))).toMatch(/^s2\.jsonl:1: header\.shard: shard 1\/4 is also s1\.jsonl/);
  });

  it('refuses a truncated shard, a bad line, or a newer version, naming the file and line', () => {
    const cut = shards[2].slice(0, shards[2].lastIndexOf('[') + 4);
    expect(mergeError(named([shards[0], shards[1], cut, shards[3]]))).toMatch(/^s2\.jsonl:\d+: trailer: the file ends without its trailer \(line \d+ stops mid-line\): truncated after 6 of 7 rows/);
    const noTrailer = shards[3].slice(0, shards[3].lastIndexOf('{'));
    expect(mergeError(named([shards[0], shards[1], shards[2], noTrailer]))).toMatch(/^s3\.jsonl:8: trailer: the file ends without its trailer: truncated after 7 of 7 rows/);
    const bad = shards[1].replace(/\n\[5,/, '\n[5,{},');
    expect(mergeError(named([shards[0], bad, shards[2], shards[3]]))).toMatch(/^s1\.jsonl:3: row: expected the index and 10 values/);
    const newer = shards[1].replace('"version":1', '"version":7');
    expect(mergeError(named([shards[0], newer, shards[2], shards[3]]))).toMatch(/^s1\.jsonl:1: header\.version: version 7 is newer/);
  });
});
