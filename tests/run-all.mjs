#!/usr/bin/env node
/**
 * The project's one test command (`pnpm test`): unit tests, lint and type checks, the API
 * integration suite on SQLite and on MariaDB, every build, the bundle budget and the browser
 * journeys. Each jest/vitest/playwright test counts as one; each other check counts as one.
 * The last line is the total, `N passed, N failed`, which CI reads.
 *
 * MariaDB: TEST_MARIADB_URL (default mysql://root@127.0.0.1:3306). The integration suite
 * creates and drops a database per test file; the e2e run uses E2E_DATABASE_URL when given
 * (CI passes the fresh database it made), else a database it creates and drops itself.
 * ONLY=<step name substring> runs a subset, for local use.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { freePort } from './free-port.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'tests/.reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const mariadbServer = (process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
const only = process.env.ONLY;
const totals = { passed: 0, failed: 0 };
const summary = [];

function run(command, args, { cwd = root, env = {}, quiet = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: quiet ? 'ignore' : 'inherit',
    });
    child.on('close', (code) => resolvePromise(code ?? 1));
    child.on('error', () => resolvePromise(1));
  });
}

const JEST = ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--ci'];

/** Reads a jest/vitest JSON report: every test counts, and a suite that failed to run counts as one failure. */
function jestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenSuites };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
}

async function step(name, fn) {
  if (only && !name.includes(only)) return;
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  let counts;
  try {
    counts = await fn();
  } catch (error) {
    process.stdout.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    counts = { passed: 0, failed: 1 };
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  summary.push(
    `${counts.failed === 0 ? 'ok  ' : 'FAIL'} ${name}: ${counts.passed} passed, ${counts.failed} failed (${seconds}s)`,
  );
}

/** A check that is one command: passes when it exits 0. */
const check = (command, args, options) => async () =>
  (await run(command, args, options)) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };

/** A jest or vitest run whose JSON report gives the counts; a crash without a report is one failure. */
const suite =
  (cwd, args, report, env = {}) =>
  async () => {
    // vitest takes its reporter in `args`; jest needs --json.
    const reportArgs = args.some((arg) => arg.includes('vitest')) ? [] : ['--json'];
    const code = await run('node', [...args, ...reportArgs, `--outputFile=${report}`], {
      cwd: join(root, cwd),
      env,
    });
    const counts = jestCounts(report) ?? { passed: 0, failed: 1 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  };

async function waitForHealth(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API did not become healthy at ${url}`);
}

/** Starts the built API on a fresh MariaDB database with the built front ends, runs the journeys, stops it. */
async function e2e() {
  let databaseUrl = process.env.E2E_DATABASE_URL;
  let dropDatabase = async () => {};
  if (!databaseUrl) {
    const name = `dc_e2e_${process.pid}`;
    const admin = await mysql.createConnection(mariadbServer);
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    databaseUrl = `${mariadbServer.replace(/^mysql:/, 'mariadb:')}/${name}`;
    dropDatabase = async () => {
      const conn = await mysql.createConnection(mariadbServer);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = spawn('node', ['dist/main.js'], {
    cwd: join(root, 'apps/api'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      AUTH_DEV_LOGIN: 'true',
      // Journeys log in many people within a minute; the limit itself is proven by the integration suite.
      LOGIN_RATE_LIMIT_PER_MINUTE: '200',
      // The follow-up journey moves the clock past a due time and waits for the manager to see it.
      FOLLOW_UP_ESCALATE_INTERVAL_MS: '2000',
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(`${baseUrl}/api/health`, api);
    const report = join(reports, 'e2e.json');
    const code = await run(
      'pnpm',
      ['exec', 'playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
      {
        cwd: join(root, 'tests'),
        env: { E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: databaseUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
      },
    );
    const counts = playwrightCounts(report) ?? { passed: 0, failed: 1 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => (api.exitCode !== null ? r() : api.once('exit', r)));
    await dropDatabase();
  }
}

await step('build shared packages', check('pnpm', ['-r', '--filter', './packages/**', 'run', 'build']));
await step('unit: packages/domain', suite('packages/domain', JEST, join(reports, 'domain.json')));
await step('unit: packages/api-client', suite('packages/api-client', JEST, join(reports, 'api-client.json')));
await step(
  'unit: apps/api',
  suite('apps/api', [...JEST, '--selectProjects', 'unit'], join(reports, 'api-unit.json')),
);
await step(
  'unit: apps/portal',
  suite(
    'apps/portal',
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json'],
    join(reports, 'portal.json'),
  ),
);
await step(
  'unit: apps/miniapp',
  suite(
    'apps/miniapp',
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json'],
    join(reports, 'miniapp.json'),
  ),
);
await step('lint: eslint + prettier', check('pnpm', ['run', 'lint']));
await step(
  'typecheck: api, portal, miniapp',
  check('pnpm', ['-r', '--filter', './apps/**', 'run', 'typecheck']),
);
// The integration suite's shutdown test runs the built API as a real process.
await step('build: api', check('pnpm', ['--filter', '@dealer-care/api', 'run', 'build']));
await step(
  'integration: api on SQLite',
  suite(
    'apps/api',
    [...JEST, '--runInBand', '--selectProjects', 'integration'],
    join(reports, 'api-sqlite.json'),
    {
      TEST_DATABASE: 'sqlite',
    },
  ),
);
await step(
  'integration: api on MariaDB',
  suite(
    'apps/api',
    [...JEST, '--runInBand', '--selectProjects', 'integration'],
    join(reports, 'api-mariadb.json'),
    {
      TEST_DATABASE: 'mariadb',
      TEST_MARIADB_URL: mariadbServer,
    },
  ),
);
await step(
  'build: mini-program weapp',
  check('pnpm', ['--filter', '@dealer-care/miniapp', 'run', 'build:weapp']),
);
await step('build: mini-program h5', check('pnpm', ['--filter', '@dealer-care/miniapp', 'run', 'build:h5']));
await step('build: portal', check('pnpm', ['--filter', '@dealer-care/portal', 'run', 'build']));
await step('budget: weapp main package ≤ 1 MB', check('node', ['tests/budget/weapp-size.mjs']));
await step('e2e: browser journeys', e2e);

process.stdout.write(`\n${summary.join('\n')}\n\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed === 0 ? 0 : 1);
