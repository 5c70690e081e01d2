#!/usr/bin/env node
/**
 * The mini-program's H5 first screen in Chromium over loopback, and the weapp main package size.
 * The built API (with the demo seed on a throwaway SQLite file) serves the built H5 at /m/ as in
 * production, so the first screen's API calls are real. Cold load (new context, empty cache) and
 * warm load (the same context again), 7 runs each, medians; once as on loopback and once under a
 * "fast 4G" profile (9 Mbit/s down, 1.5 up, 60 ms round trip), closer to a phone.
 * "First screen ready" = the store list shows a store from the API.
 *
 *   node tests/load/h5-first-screen.mjs      (pnpm bench appends its table to RESULTS.md)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../free-port.mjs';
import { weappSizes } from '../budget/weapp-size.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const RUNS = 7;
const FAST_4G = {
  offline: false,
  latency: 60,
  downloadThroughput: (9e6 / 8) | 0,
  uploadThroughput: (1.5e6 / 8) | 0,
};
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function startApi() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dc-h5-'));
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: join(root, 'apps/api'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      SQLITE_PATH: join(dir, 'h5.sqlite'),
      SEED_DEMO_DATA: 'true',
      AUTH_DEV_LOGIN: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('the API exited while starting');
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 400) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One visit: navigation timing, first contentful paint, first screen ready, what crossed the wire. */
async function visit(page, url) {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByText('云岚汽车深圳南山4S店').first().waitFor({ state: 'visible', timeout: 30_000 });
  const ready = Date.now() - started;
  await page.waitForLoadState('load');
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const resources = performance.getEntriesByType('resource');
    const bytes = { js: 0, css: 0, other: 0 };
    for (const r of resources) {
      const kind = r.name.endsWith('.js') ? 'js' : r.name.endsWith('.css') ? 'css' : 'other';
      bytes[kind] += r.transferSize;
    }
    return {
      ttfb: nav.responseStart - nav.startTime,
      domContentLoaded: nav.domContentLoadedEventEnd - nav.startTime,
      load: nav.loadEventEnd - nav.startTime,
      fcp: fcp ? fcp.startTime : NaN,
      requests: resources.length + 1,
      bytes: { ...bytes, other: bytes.other + nav.transferSize },
    };
  });
  return { ...timing, ready };
}

async function profile(browser, url, network) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    cold.push(await visit(page, url));
    warm.push(await visit(page, url));
    await context.close();
  }
  const pick = (runs, key) => median(runs.map((r) => r[key]));
  const summary = (runs) => ({
    ttfb: pick(runs, 'ttfb'),
    fcp: pick(runs, 'fcp'),
    domContentLoaded: pick(runs, 'domContentLoaded'),
    load: pick(runs, 'load'),
    ready: pick(runs, 'ready'),
  });
  const first = cold[0];
  return { cold: summary(cold), warm: summary(warm), requests: first.requests, bytes: first.bytes };
}

export async function measureFirstScreen({ log = console.log } = {}) {
  const h5 = join(root, 'apps/miniapp/dist-h5/index.html');
  if (!existsSync(h5)) throw new Error('apps/miniapp/dist-h5 is missing: run pnpm build first');
  // playwright-core comes with @playwright/test (the browser journeys' runner); never a download.
  const fromTests = createRequire(join(root, 'tests/package.json'));
  const { chromium } = createRequire(fromTests.resolve('@playwright/test'))('playwright-core');
  const api = await startApi();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows = [];
  try {
    const url = `${api.baseUrl}/m/`;
    for (const [label, network] of [
      ['loopback', null],
      ['fast 4G', FAST_4G],
    ]) {
      const result = await profile(browser, url, network);
      log(`  H5 home (${label}): first screen ${result.cold.ready} ms cold, ${result.warm.ready} ms warm`);
      rows.push({ label, ...result });
    }
  } finally {
    await browser.close();
    await api.stop();
  }
  const sizes = weappSizes();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)}` : '–');
  const lines = [
    '## Mini-program',
    '',
    `H5 home page (\`/m/\`, the store list), Chromium, medians of ${RUNS} runs; cold = new browser context, warm = the same context again.`,
    '',
    '| Network | Load | TTFB ms | FCP ms | DOMContentLoaded ms | load ms | First screen ready ms |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    for (const kind of ['cold', 'warm']) {
      const r = row[kind];
      lines.push(
        `| ${row.label} | ${kind} | ${ms(r.ttfb)} | ${ms(r.fcp)} | ${ms(r.domContentLoaded)} | ${ms(r.load)} | ${ms(r.ready)} |`,
      );
    }
  }
  const first = rows[0];
  lines.push(
    '',
    `Cold load: ${first.requests} requests, JS ${kb(first.bytes.js)}, CSS ${kb(first.bytes.css)}, other ${kb(first.bytes.other)} over the wire.`,
    '',
    `weapp main package ${kb(sizes.main)} of the 1 MB budget (WeChat's limit is 2 MB); all packages ${kb(sizes.total)}.`,
  );
  return { rows, markdown: lines.join('\n') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { markdown } = await measureFirstScreen();
  console.log(`\n${markdown}`);
}
