/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { swManifest } from './src/build/swManifest.ts';
import { cspMeta, PREVIEW_HEADERS } from './src/build/csp.ts';

export default defineConfig({
  plugins: [react(), cspMeta(), swManifest()],
  worker: { format: 'es' },
  // `npm start` serves the built app with the same Content-Security-Policy as its meta tag (src/build/csp.ts).
  preview: { headers: PREVIEW_HEADERS },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
