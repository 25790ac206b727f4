import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPrecacheManifest, swManifest } from './swManifest.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('precache manifest', () => {
  it('lists files in a stable order and changes version when any content changes', () => {
    const a = buildPrecacheManifest([{ path: 'index.html', content: bytes('<html>') }, { path: 'assets/a.js', content: bytes('1') }]);
    const b = buildPrecacheManifest([{ path: 'assets/a.js', content: bytes('1') }, { path: 'index.html', content: bytes('<html>') }]);
    const c = buildPrecacheManifest([{ path: 'assets/a.js', content: bytes('2') }, { path: 'index.html', content: bytes('<html>') }]);
    expect(a).toEqual(b);
    expect(a.files).toEqual(['assets/a.js', 'index.html']);
    expect(c.version).not.toBe(a.version);
  });

  it('fills sw.js with every emitted file, wasm included, but no maps and not itself', () => {
    const out = mkdtempSync(join(tmpdir(), 'swm-'));
    mkdirSync(join(out, 'assets'));
    for (const f of ['index.html', 'assets/index-1.js', 'assets/index-1.js.map', 'assets/elector.worker-2.js', 'assets/tfjs-backend-wasm-simd-3.wasm']) writeFileSync(join(out, f), f);
    writeFileSync(join(out, 'sw.js'), readFileSync(new URL('../../public/sw.js', import.meta.url)));
    const plugin = swManifest();
    const hook = plugin.writeBundle as { handler: (this: unknown, o: { dir: string }) => void };
    hook.handler.call({ error: (m: string) => { throw new Error(m); }, info: () => {} }, { dir: out });
    const line = readFileSync(join(out, 'sw.js'), 'utf8').split('\n').find((l) => l.includes('@precache-manifest'))!;
    const manifest = JSON.parse(line.slice(line.indexOf('{'), line.lastIndexOf(';')));
    expect(manifest.files).toEqual(['assets/elector.worker-2.js', 'assets/index-1.js', 'assets/tfjs-backend-wasm-simd-3.wasm', 'index.html']);
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    rmSync(out, { recursive: true });
  });
});
