#!/usr/bin/env node
/**
 * `pnpm bench`: the API on MariaDB under autocannon, each scenario next to a bare node:http + mysql2
 * baseline running the same SQL in the same run, at each data scale (BENCH_SCALES bookings, default
 * 10k and 1M). Writes tests/load/RESULTS.md and prints the same tables. Needs the built apps
 * (`pnpm build`, which `pnpm start` runs) and MariaDB. See tests/load/README.md.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { openCapture } from './bench/capture.mjs';
import { measure } from './bench/measure.mjs';
import { apiMain, startApi, startBaseline, startWechatStandIn } from './bench/processes.mjs';
import {
  bookingContention,
  captureReads,
  prepareReads,
  surveySubmit,
  toAutocannon,
} from './bench/scenarios.mjs';
import { createSchema, generate, readFixtures } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const server = (process.env.BENCH_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
const scales = (process.env.BENCH_SCALES ?? '10000,1000000').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const keep = process.env.BENCH_KEEP === '1';
const reuse = process.env.BENCH_REUSE === '1';
const log = (line) => process.stdout.write(`${line}\n`);
/** The InnoDB buffer pool during the run, for the report. */
let bufferPool = 'unknown';

if (!existsSync(apiMain)) {
  log('apps/api/dist is missing: run `pnpm build` (or `pnpm start` once) first.');
  process.exit(1);
}

async function prepareDatabase(scale) {
  const name = `dc_bench_${scale}`;
  const url = `${server}/${name}`;
  const admin = await mysql.createConnection(server);
  try {
    const [[exists]] = await admin.query(
      'SELECT COUNT(*) AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [name],
    );
    if (reuse && Number(exists.n) > 0) {
      try {
        const found = await readFixtures(url);
        log(`reusing ${name}`);
        return { url, name, summary: { ...found, seconds: null } };
      } catch {
        // not a generated database: make it again
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const started = Date.now();
  await createSchema(url, { log });
  const summary = await generate({ databaseUrl: url, bookings: scale, log });
  summary.seconds = Math.round((Date.now() - started) / 100) / 10;
  return { url, name, summary };
}

async function dropDatabase(name) {
  const admin = await mysql.createConnection(server);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.end();
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function benchScale(scale) {
  log(`\n=== ${scale.toLocaleString('en')} bookings`);
  const db = await prepareDatabase(scale);
  const { fixtures } = db.summary;
  const wechat = await startWechatStandIn();
  const workDir = mkdtempSync(join(tmpdir(), 'dc-bench-'));
  const stops = [() => wechat.close(), async () => rmSync(workDir, { recursive: true, force: true })];
  const rows = [];
  let contention;
  try {
    // The SQL of each read, captured on a second API process with its job runner off, so that no
    // background statement is taken for part of a request.
    process.env.JOBS_POLL_INTERVAL_MS = '0';
    const captureApi = await startApi(db.url, wechat.baseUrl);
    delete process.env.JOBS_POLL_INTERVAL_MS;
    let reads;
    let captured;
    const capture = await openCapture(server, db.name);
    try {
      reads = await prepareReads(captureApi.baseUrl, fixtures);
      captured = await captureReads(capture, captureApi.baseUrl, reads);
    } finally {
      await capture.close();
      await captureApi.stop();
    }
    const capturedFile = join(workDir, 'captured.json');
    writeFileSync(capturedFile, JSON.stringify({ reads: captured }));

    const api = await startApi(db.url, wechat.baseUrl);
    stops.unshift(() => api.stop());
    const baseline = await startBaseline(db.url, capturedFile);
    stops.unshift(() => baseline.stop());
    // Tokens from this process (the capture one signed the same way, but log in again to be plain).
    reads = await prepareReads(api.baseUrl, fixtures);

    for (const [scenario, list] of Object.entries(reads)) {
      const apiRequests = toAutocannon(list);
      const baselineRequests = list.map((_, i) => ({
        method: 'GET',
        path: `/replay/${encodeURIComponent(`${scenario}#${i}`)}`,
      }));
      // A short warm-up of each, then the measured runs.
      await measure({ url: api.baseUrl, requests: apiRequests, connections, seconds: 2 });
      await measure({ url: baseline.baseUrl, requests: baselineRequests, connections, seconds: 2 });
      const apiResult = await measure({ url: api.baseUrl, requests: apiRequests, connections, seconds });
      const baseResult = await measure({
        url: baseline.baseUrl,
        requests: baselineRequests,
        connections,
        seconds,
      });
      // The same requests one at a time: the latency a single user sees.
      const alone = await measure({
        url: api.baseUrl,
        requests: apiRequests,
        connections: 1,
        seconds: Math.max(3, seconds / 2),
      });
      rows.push({
        scenario,
        api: apiResult,
        baseline: baseResult,
        alone,
        statements: captured[`${scenario}#0`].length,
      });
      log(line(rows.at(-1)));
    }

    contention = await bookingContention({
      apiUrl: api.baseUrl,
      baselineUrl: baseline.baseUrl,
      databaseUrl: db.url,
      fixtures,
      attempts: 1000,
      connections: 20,
    });
    rows.push({ scenario: 'booking, 1,000 attempts on one slot', ...contention, statements: null });
    log(line(rows.at(-1)));
    log(
      `  contention check: API ${contention.api.statuses[201] ?? 0} × 201 and ${contention.api.statuses[409] ?? 0} × 409, ` +
        `${contention.apiHolds} hold(s) for capacity ${contention.capacity}; baseline ${contention.baseline.statuses[201] ?? 0} × 201, ` +
        `${contention.baselineHolds} hold(s)`,
    );

    const survey = await surveySubmit({
      apiUrl: api.baseUrl,
      baselineUrl: baseline.baseUrl,
      databaseUrl: db.url,
      fixtures,
      count: 1000,
      connections,
    });
    rows.push({ scenario: 'survey submit', ...survey, statements: null });
    log(line(rows.at(-1)));
  } finally {
    for (const stop of stops) await stop().catch(() => {});
    if (!keep) await dropDatabase(db.name);
  }
  return { scale, summary: db.summary, rows, contention };
}

function line(row) {
  return (
    `  ${row.scenario.padEnd(38)} API ${fmt(row.api.rps, 0).padStart(6)} req/s p50 ${fmt(row.api.p50)} p95 ${fmt(row.api.p95)} p99 ${fmt(row.api.p99)} ms` +
    ` | baseline ${fmt(row.baseline.rps, 0).padStart(6)} req/s p99 ${fmt(row.baseline.p99)} ms` +
    ` | ratio ${fmt((row.api.rps / row.baseline.rps) * 100, 0)}%`
  );
}

/** Unexpected answers: anything but 2xx, except the contention scenario's 409s. */
function problems(result) {
  const bad = [];
  for (const row of result.rows) {
    for (const side of ['api', 'baseline']) {
      const allowed = row.scenario.startsWith('booking') ? ['200', '201', '409'] : ['200', '201'];
      const unexpected = Object.entries(row[side].statuses).filter(([code]) => !allowed.includes(code));
      if (unexpected.length > 0 || row[side].errors > 0)
        bad.push(
          `${result.scale} ${row.scenario} ${side}: ${JSON.stringify(row[side].statuses)} errors ${row[side].errors}`,
        );
    }
  }
  const c = result.contention;
  if (c) {
    if ((c.api.statuses[201] ?? 0) !== c.capacity || c.apiHolds !== c.capacity)
      bad.push(
        `${result.scale} contention: ${c.api.statuses[201] ?? 0} bookings won a slot of capacity ${c.capacity}`,
      );
    if ((c.api.statuses[409] ?? 0) !== 1000 - c.capacity)
      bad.push(`${result.scale} contention: missing 409s`);
  }
  return bad;
}

function machine() {
  const mariadb = (() => {
    try {
      return execSync('mariadb --version', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return {
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    mariadb: `${mariadb}, InnoDB buffer pool ${bufferPool}`,
  };
}

function report(results) {
  const m = machine();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const out = [];
  out.push('# Load benchmark results', '');
  out.push(`Written by \`pnpm bench\` (tests/load/run.mjs) on ${date} UTC.`, '');
  out.push(`- Machine: ${m.cpu}, ${m.memory}; Node ${m.node}; ${m.mariadb}`);
  out.push(
    `- API: the built NestJS app, NODE_ENV=production, one process, pool of 10; baseline: bare node:http + mysql2, pool of 10, same database, same SQL (reads: the statements captured from the API for each request; writes: the API's statements one for one, reads around the transaction included).`,
  );
  out.push(
    `- autocannon: ${connections} connections, ${seconds} s per run after a 2 s warm-up; the contention run 1,000 requests on 20 connections; survey submit 1,000 requests after 100 unmeasured ones.`,
    '',
  );
  for (const result of results) {
    const s = result.summary;
    out.push(`## ${result.scale.toLocaleString('en')} bookings`, '');
    out.push(
      `Data: ${s.stores} stores, ${s.customers.toLocaleString('en')} customers, ${s.bookings.toLocaleString('en')} bookings, ${s.orders.toLocaleString('en')} orders, ` +
        `${s.responses.toLocaleString('en')} survey responses (${s.factorScores.toLocaleString('en')} factor scores), ${s.tasks.toLocaleString('en')} follow-up tasks` +
        (s.seconds ? `; generated in ${s.seconds} s.` : ' (reused).'),
      '',
    );
    out.push(
      '| Scenario | SQL statements | API req/s | API p50 / p95 / p99 ms | Baseline req/s | Baseline p50 / p99 ms | Throughput ratio | p99 ratio | One user p50 / p95 ms |',
    );
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of result.rows) {
      const alone = row.alone ? `${fmt(row.alone.p50)} / ${fmt(row.alone.p95)}` : '–';
      out.push(
        `| ${row.scenario} | ${row.statements ?? '–'} | ${fmt(row.api.rps, 0)} | ${fmt(row.api.p50)} / ${fmt(row.api.p95)} / ${fmt(row.api.p99)} | ${fmt(row.baseline.rps, 0)} | ${fmt(row.baseline.p50)} / ${fmt(row.baseline.p99)} | ${fmt((row.api.rps / row.baseline.rps) * 100, 0)}% | ${fmt(row.api.p99 / row.baseline.p99, 2)}× | ${alone} |`,
      );
    }
    if (result.contention) {
      const c = result.contention;
      out.push(
        '',
        `Contention check: API ${c.api.statuses[201] ?? 0} × 201, ${c.api.statuses[409] ?? 0} × 409, ${c.apiHolds} car hold(s) for a slot of capacity ${c.capacity}; baseline ${c.baseline.statuses[201] ?? 0} × 201, ${c.baselineHolds} hold(s).`,
      );
    }
    out.push('');
  }
  if (results.length > 1) {
    const first = results[0];
    const last = results.at(-1);
    out.push(
      `## From ${first.scale.toLocaleString('en')} to ${last.scale.toLocaleString('en')} bookings (API)`,
      '',
    );
    out.push('| Scenario | req/s | p95 ms | one user p95 ms | change in req/s |');
    out.push('|---|---:|---:|---:|---:|');
    for (const row of last.rows) {
      const before = first.rows.find((r) => r.scenario === row.scenario);
      if (!before) continue;
      out.push(
        `| ${row.scenario} | ${fmt(before.api.rps, 0)} → ${fmt(row.api.rps, 0)} | ${fmt(before.api.p95)} → ${fmt(row.api.p95)} | ${row.alone ? `${fmt(before.alone.p95)} → ${fmt(row.alone.p95)}` : '–'} | ${fmt((row.api.rps / before.api.rps - 1) * 100, 0)}% |`,
      );
    }
    out.push('');
  }
  const largest = results.at(-1);
  const find = (name) => largest.rows.find((r) => r.scenario.startsWith(name));
  const slot = find('slot lookup');
  const day = find('portal day list');
  const dash = find('CSI dashboard');
  const mark = (ok) => (ok ? '✅' : '❌');
  out.push(`## Targets (at ${largest.scale.toLocaleString('en')} bookings)`, '');
  out.push('| Target | Measured | |', '|---|---:|---|');
  if (slot) {
    const ratio = slot.api.rps / slot.baseline.rps;
    const p99 = slot.api.p99 / slot.baseline.p99;
    out.push(
      `| slot lookup ≥ 60% of the baseline's throughput | ${fmt(ratio * 100, 0)}% | ${mark(ratio >= 0.6)} |`,
    );
    out.push(`| slot lookup p99 ≤ 2× the baseline's | ${fmt(p99, 2)}× | ${mark(p99 <= 2)} |`);
  }
  // Latency targets: what one consultant or manager waits, and the same under the concurrent load.
  for (const [row, label, limit] of [
    [day, 'portal day list', 30],
    [dash, 'CSI dashboard', 300],
  ]) {
    if (!row) continue;
    out.push(
      `| ${label} p95 ≤ ${limit} ms, one user | ${fmt(row.alone.p95)} ms | ${mark(row.alone.p95 <= limit)} |`,
    );
    out.push(
      `| ${label} p95 ≤ ${limit} ms, ${connections} connections | ${fmt(row.api.p95)} ms | ${mark(row.api.p95 <= limit)} |`,
    );
  }
  out.push('');
  return out.join('\n');
}

/**
 * Each scale runs in a process of its own (this script with BENCH_CHILD_SCALE), so nothing of one
 * scale's run (client sockets, timers, environment) can reach into the next: a second scale run in
 * the same process had its first logins fail on connections closed under them.
 */
const childScale = process.env.BENCH_CHILD_SCALE;
if (childScale) {
  const result = await benchScale(Number(childScale));
  writeFileSync(process.env.BENCH_CHILD_OUT, JSON.stringify(result));
  process.exit(0);
}

function benchScaleInChild(scale) {
  const out = join(mkdtempSync(join(tmpdir(), 'dc-bench-scale-')), 'result.json');
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_CHILD_SCALE: String(scale), BENCH_CHILD_OUT: out },
    stdio: 'inherit',
  });
  if (child.status !== 0 || !existsSync(out)) throw new Error(`the ${scale} bookings run failed`);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(dirname(out), { recursive: true, force: true });
  return result;
}

/**
 * MariaDB's default 128 MiB buffer pool keeps a million-row database on disk, which measures the
 * disk, not the API; a production server gets most of its memory. Raised for the run (a dynamic
 * setting) and put back after; BENCH_BUFFER_POOL_MB=0 leaves the server as it is.
 */
const bufferPoolMb = Number(process.env.BENCH_BUFFER_POOL_MB ?? 4096);
const admin = await mysql.createConnection(server);
const [[{ size: originalPool }]] = await admin.query('SELECT @@global.innodb_buffer_pool_size AS size');
if (bufferPoolMb > 0) await admin.query('SET GLOBAL innodb_buffer_pool_size = ?', [bufferPoolMb * 2 ** 20]);
const [[{ size: benchPool }]] = await admin.query('SELECT @@global.innodb_buffer_pool_size AS size');
bufferPool = `${Math.round(Number(benchPool) / 2 ** 20)} MiB`;

const results = [];
try {
  for (const scale of scales) results.push(benchScaleInChild(scale));
} finally {
  if (bufferPoolMb > 0) await admin.query('SET GLOBAL innodb_buffer_pool_size = ?', [originalPool]);
  await admin.end();
}
let markdown = report(results);
const h5 = join(here, 'h5-first-screen.mjs');
if (existsSync(h5)) {
  try {
    const { measureFirstScreen } = await import(h5);
    const firstScreen = await measureFirstScreen({ log });
    markdown += `\n${firstScreen.markdown}\n`;
  } catch (error) {
    // The API figures are written whatever happens to the browser part.
    log(`H5 first screen not measured: ${error instanceof Error ? error.message : String(error)}`);
    markdown += `\n## Mini-program\n\nNot measured in this run: ${error instanceof Error ? error.message : String(error)}\n`;
  }
}
writeFileSync(join(here, 'RESULTS.md'), markdown);
log(`\n${markdown}`);
const bad = results.flatMap(problems);
if (bad.length > 0) {
  log(`Unexpected answers:\n${bad.join('\n')}`);
  process.exit(1);
}
