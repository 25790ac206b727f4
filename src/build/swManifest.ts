/**
 * Fills the service worker's precache list at build time. After the bundle is
 * written (so the public dir is copied and every worker chunk and asset is on
 * disk), it lists the output folder, skips source maps and the worker itself,
 * hashes the contents into a cache version, and rewrites the `PRECACHE` line of
 * `sw.js` (copied from public/). Files added later, such as tfjs `.wasm`
 * binaries, are picked up without changing this plugin.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

export interface SwManifestOptions {
  /** Name of the service worker file in the output folder. */
  swFile?: string;
  /** Files not to precache, tested against the path relative to the output folder. */
  exclude?: RegExp[];
}

/** The marked line in public/sw.js that the build replaces. */
const PRECACHE_LINE = /^const PRECACHE = .*; \/\/ @precache-manifest$/m;
const DEFAULT_EXCLUDE = [/\.map$/, /(^|\/)\.[^/]+$/];

export interface PrecacheManifest {
  version: string;
  files: string[];
}

/** Sorted paths (with `/` separators) and a hash of paths and contents. */
export function buildPrecacheManifest(files: { path: string; content: Uint8Array }[]): PrecacheManifest {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const f of sorted) hash.update(f.path).update('\0').update(createHash('sha256').update(f.content).digest());
  return { version: hash.digest('hex').slice(0, 16), files: sorted.map((f) => f.path) };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

export function swManifest(options: SwManifestOptions = {}): Plugin {
  const swFile = options.swFile ?? 'sw.js';
  const exclude = [...DEFAULT_EXCLUDE, ...(options.exclude ?? [])];
  return {
    name: 'transcode:sw-manifest',
    apply: 'build',
    writeBundle: {
      sequential: true,
      order: 'post',
      handler(output) {
        const outDir = output.dir;
        if (!outDir) return;
        const swPath = join(outDir, swFile);
        const files = listFiles(outDir)
          .map((full) => ({ full, path: relative(outDir, full).split(sep).join('/') }))
          .filter((f) => f.path !== swFile && !exclude.some((re) => re.test(f.path)))
          .map((f) => ({ path: f.path, content: readFileSync(f.full) }));
        const manifest = buildPrecacheManifest(files);
        let source: string;
        try {
          source = readFileSync(swPath, 'utf8');
        } catch {
          this.error(`${swFile} is missing from the output; it should be copied from public/`);
        }
        if (!PRECACHE_LINE.test(source)) this.error(`${swFile} has no "const PRECACHE = …; // @precache-manifest" line to fill in`);
        writeFileSync(swPath, source.replace(PRECACHE_LINE, `const PRECACHE = ${JSON.stringify(manifest)}; // @precache-manifest`));
        const wasm = manifest.files.filter((f) => f.endsWith('.wasm')).length;
        this.info?.(`precaching ${manifest.files.length} files (${wasm} .wasm), cache version ${manifest.version}`);
      },
    },
  };
}
