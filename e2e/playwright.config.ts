import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT runs a second suite beside one already serving 4173 (its own build, its own server).
const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: origin,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    // The production build registers a service worker; only offline.spec.ts lets it run,
    // so other journeys always test the freshly built files.
    serviceWorkers: 'block',
    // The first-visit introduction starts dismissed, so journeys see the app as a returning user does;
    // compare-intro.spec.ts clears this to test a first visit.
    storageState: {
      cookies: [],
      origins: [{ origin, localStorage: [{ name: 'transcode-explorer/prefs-intro', value: '{"version":1,"dismissed":true}' }] }],
    },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: port === 4173 ? 'npm run start' : `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '..',
    url: origin,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
