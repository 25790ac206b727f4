/**
 * `npm run bench:codesign-browser`: 100 BOSHCODE iterations (48 initial pairs, then 100 × 4
 * queries, no patience stop) in the app's own co-design worker, built and served by vite
 * preview, in real Chromium (wasm backend). Timed from the request to the worker's reply.
 * Writes bench/codesign-browser-results.json (target: ≤ 60 s, issue 12).
 *
 * The panel has no patience field, so the bench talks to the built worker directly, speaking
 * comlink's message protocol by hand (the page's modules are hashed bundles; nothing to import).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startPreview } from './previewServer.ts';

const PORT = 4292;
const ITERATIONS = 100, INITIAL = 48, PER_ITERATION = 4, SEED = 1;


async function main() {
  if (!process.argv.includes('--no-build')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const workerFile = readdirSync(new URL('../dist/assets/', import.meta.url)).find((f) => /^codesign\.worker-.*\.js$/.test(f));
  if (!workerFile) throw new Error('dist/assets has no codesign.worker-*.js: build first');
  const server = await startPreview(PORT);
  const URL_ = server.url;
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.goto(URL_);
    const budget = INITIAL + ITERATIONS * PER_ITERATION;
    const req = {
      algorithm: 'boshcode', budget, seed: SEED, patience: 1e9, predictor: { kind: 'published' },
      objective: { weights: { accuracy: 0.5, latency: 0.1, dynamicEnergy: 0.2, leakageEnergy: 0.1, area: 0.1 }, mode: 'inference', trainingShare: 0.5, costModel: 'elector' },
    };
    const reply = await page.evaluate(async ({ url, req }) => {
      const worker = new Worker(url, { type: 'module' });
      // comlink: the progress callback is a proxied function on its own port; answer each call.
      const { port1, port2 } = new MessageChannel();
      let queries = 0;
      port1.onmessage = (e) => {
        queries++;
        port1.postMessage({ id: e.data.id, type: 'RAW', value: undefined });
      };
      const t0 = performance.now();
      const answer = await new Promise<{ value: { ok: boolean; backend?: string; message?: string; result?: { history: unknown[]; best: { performance: number } } } }>((resolve, reject) => {
        worker.onmessage = (e) => { if (e.data?.id === 'bench') resolve(e.data); };
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage({ id: 'bench', type: 'APPLY', path: ['search'], argumentList: [{ type: 'RAW', value: req }, { type: 'HANDLER', name: 'proxy', value: port2 }] }, [port2]);
      });
      const seconds = (performance.now() - t0) / 1000;
      worker.terminate();
      const v = answer.value;
      return { seconds, ok: v.ok, message: v.message, backend: v.backend, queries: v.result?.history.length, progressCalls: queries, best: v.result?.best.performance };
    }, { url: `/assets/${workerFile}`, req });
    const chromiumVersion = browser.version();
    await browser.close();
    if (!reply.ok) throw new Error(`the worker refused the search: ${reply.message}`);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    const out = {
      date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length, loadAverage1m: +loadavg()[0].toFixed(2),
      chromium: chromiumVersion, tfjs: pkg.dependencies['@tensorflow/tfjs-core'], backend: reply.backend, seed: SEED,
      iterations: ITERATIONS, initialPairs: INITIAL, queriesPerIteration: PER_ITERATION, queries: reply.queries,
      wallSeconds: +reply.seconds.toFixed(1), target: '≤ 60 s for 100 BOSHCODE iterations in the browser worker (issue 12)',
      meetsTarget: reply.seconds <= 60, bestPerformance: reply.best,
    };
    console.log(out);
    writeFileSync(new URL('./codesign-browser-results.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
  } finally {
    server.stop();
  }
}
main();
