import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against a running API that serves the built H5 mini-program (/m/) and
 * portal (/portal/). `pnpm test` starts that API on a fresh database and sets E2E_BASE_URL;
 * by hand: `pnpm start`, then `E2E_BASE_URL=http://127.0.0.1:3000 pnpm test:e2e`.
 * Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser here.
 */
export default defineConfig({
  testDir: './journeys',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // Journeys across both apps open their own mobile and desktop contexts.
    { name: 'journeys', testMatch: /\.journey\.spec\.ts/ },
    { name: 'portal', testMatch: /portal\..*spec\.ts/, use: { viewport: { width: 1366, height: 820 } } },
    {
      name: 'miniapp-h5',
      testMatch: /miniapp\..*spec\.ts/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
});
