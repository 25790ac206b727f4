/**
 * Picks the tfjs backend: the first of the preferred ones that initialises. The
 * backend actually used is recorded in every result, since numbers differ slightly
 * between backends and only cpu is bit-for-bit deterministic.
 */
import * as tf from './tf.ts';
import type { BackendName } from './config.ts';

/** wasm first (fast and available everywhere), then webgl, then the pure-JS cpu backend. */
export const BACKEND_ORDER: readonly BackendName[] = ['wasm', 'webgl', 'cpu'];

export async function selectBackend(preferred: BackendName | 'auto' = 'auto'): Promise<{ backend: string; tried: { name: string; error: string }[] }> {
  const order = preferred === 'auto' ? BACKEND_ORDER : [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)];
  const tried: { name: string; error: string }[] = [];
  for (const name of order) {
    if (!tf.findBackendFactory(name)) { tried.push({ name, error: 'not registered' }); continue; }
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { backend: tf.getBackend(), tried };
      }
      tried.push({ name, error: 'failed to initialise' });
    } catch (e) {
      tried.push({ name, error: (e as Error).message });
    }
  }
  throw new Error(`no tfjs backend could start: ${tried.map((t) => `${t.name} (${t.error})`).join(', ')}`);
}
