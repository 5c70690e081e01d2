import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { freePort, startApiProcess, type ApiProcess } from './support/api-process.js';
import {
  customerTokens,
  expectNothingLostOrDoubled,
  finalAnswer,
  freePlaces,
  plannedSubmissions,
  runSubmissions,
  seededRandom,
} from './support/booking-load.js';
import { testDatabaseKind } from './support/test-database.js';

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';
const runs = testDatabaseKind() === 'mariadb' && existsSync(MARIADBD) && existsSync(INSTALL_DB);
const title = runs
  ? 'reliability: the database restarted under load (private mariadbd)'
  : 'reliability: the database restarted under load (skipped: runs in the MariaDB pass, with mariadbd and mariadb-install-db installed)';

/**
 * A MariaDB server of the test's own (its own data directory and port), so that stopping it
 * disturbs nothing else on the machine.
 */
class PrivateMariadb {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'dc-mariadb-'));
  constructor(readonly port: number) {}

  static async create(): Promise<PrivateMariadb> {
    const server = new PrivateMariadb(await freePort());
    const init = spawnSync(
      INSTALL_DB,
      [
        '--no-defaults',
        `--datadir=${server.dir}`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { encoding: 'utf8' },
    );
    if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr}`);
    await server.start();
    return server;
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${this.dir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        '--user=root',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const conn = await mysql.createConnection({ uri: this.url, connectTimeout: 1000 });
        await conn.end();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error('private mariadbd did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** A clean shutdown (SIGTERM), waited for. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }

  async destroy(): Promise<void> {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Issue 7: MariaDB stops in the middle of the traffic. The API says it is unhealthy, answers
 * problem+json quickly instead of hanging, recovers by itself when the server is back, and loses
 * no booking it acknowledged.
 */
(runs ? describe : describe.skip)(title, () => {
  let server: PrivateMariadb;
  let api: ApiProcess;
  let db: mysql.Connection;

  beforeAll(async () => {
    server = await PrivateMariadb.create();
    const admin = await mysql.createConnection(server.url);
    await admin.query('CREATE DATABASE dc_restart CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
    api = await startApiProcess({
      DATABASE_URL: `mariadb://root@127.0.0.1:${server.port}/dc_restart`,
      AUTH_DEV_LOGIN: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      BOOKING_RATE_LIMIT_PER_MINUTE: '10000',
      JOBS_POLL_INTERVAL_MS: '200',
    });
  });

  afterAll(async () => {
    await db?.end().catch(() => {});
    await api?.stop('SIGKILL');
    await server?.destroy();
  });

  const health = () =>
    fetch(`${api.baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
      async (res) => ({ status: res.status, type: res.headers.get('content-type') ?? '' }),
      () => ({ status: 0, type: '' }),
    );

  it('reports unhealthy while MariaDB is down, recovers alone, and loses nothing acknowledged', async () => {
    const tokens = await customerTokens(api.baseUrl, 'rel-db', 30);
    const submissions = await plannedSubmissions(
      api.baseUrl,
      tokens,
      await freePlaces(api.baseUrl),
      'rel-db',
    );
    const traffic = runSubmissions(submissions, 6, () => [api.baseUrl], seededRandom(3));
    while (submissions.filter((s) => s.answers.length > 0).length < submissions.length / 3)
      await new Promise((r) => setTimeout(r, 20));

    const stoppedAt = Date.now();
    await server.stop();
    // Unhealthy, as problem+json, within seconds; and a request fails fast instead of hanging.
    let down = await health();
    while (down.status !== 503 && Date.now() - stoppedAt < 15_000) {
      await new Promise((r) => setTimeout(r, 200));
      down = await health();
    }
    expect(down.status).toBe(503);
    expect(down.type).toContain('application/problem+json');
    const askedAt = Date.now();
    const whileDown = await fetch(`${api.baseUrl}/api/test-drive/bookings`, {
      headers: { authorization: `Bearer ${tokens[0]}` },
      signal: AbortSignal.timeout(20_000),
    });
    const failedAfterMs = Date.now() - askedAt;
    expect(whileDown.status).toBeGreaterThanOrEqual(500);
    expect(whileDown.headers.get('content-type')).toContain('application/problem+json');

    await new Promise((r) => setTimeout(r, 1000));
    const restartedAt = Date.now();
    await server.start();
    let up = await health();
    while (up.status !== 200 && Date.now() - restartedAt < 30_000) {
      await new Promise((r) => setTimeout(r, 200));
      up = await health();
    }
    const recoveredAfterMs = Date.now() - restartedAt;
    expect(up.status).toBe(200);
    await traffic;

    const failures = submissions.reduce((sum, s) => sum + s.failures, 0);
    const acknowledged = submissions.filter((s) => finalAnswer(s)?.status === 201).length;
    process.stdout.write(
      `database restart: ${submissions.length} customers, ${acknowledged} booked, ${failures} failed requests retried; ` +
        `a request during the outage failed after ${failedAfterMs} ms; healthy ${recoveredAfterMs} ms after MariaDB was back\n`,
    );
    // Bookings work again after the restart, and nothing acknowledged was lost or doubled.
    expect(acknowledged).toBeGreaterThanOrEqual(submissions.length / 2);
    db = await mysql.createConnection(`${server.url}/dc_restart`);
    await expectNothingLostOrDoubled(db, submissions);
  });
});
