/**
 * The built app served by `vite preview` for the browser benches, and the system Chromium's
 * flags. `stop()` kills the whole process group: killing npx alone leaves vite serving.
 */
import { spawn } from 'node:child_process';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PreviewServer {
  url: string;
  stop(): void;
}

/** Starts `vite preview` on `port` and resolves once it answers (about 20 s at most). */
export async function startPreview(port: number): Promise<PreviewServer> {
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const stop = () => { if (server.pid) process.kill(-server.pid); };
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return { url, stop }; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not start on ${url}`);
}
