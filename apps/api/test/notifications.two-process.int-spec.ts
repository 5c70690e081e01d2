import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import {
  FAKE_WECHAT_APP_ID,
  FAKE_WECHAT_APP_SECRET,
  startFakeWechatServer,
  type FakeWechatServer,
} from './support/fake-wechat-server.js';
import { queueMessageBurst, SURVEY_MESSAGE_TEMPLATE } from './support/mixed-load.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/test-database.js';

const MESSAGES = 80;

const onMariadb = testDatabaseKind() === 'mariadb';
const title = onMariadb
  ? 'two API processes share the job queue (mariadb)'
  : 'two API processes share the job queue (skipped on SQLite: an SQLite file serves one process; run with TEST_DATABASE=mariadb)';

/**
 * Two real API processes poll one MariaDB job queue while the fake WeChat server records every
 * send: each queued message must go out exactly once, each job run exactly once.
 */
(onMariadb ? describe : describe.skip)(title, () => {
  let database: TestDatabase;
  let wechat: FakeWechatServer;
  let db: mysql.Connection;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    wechat = await startFakeWechatServer();
    const env = {
      ...database.env,
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APP_ID: FAKE_WECHAT_APP_ID,
      WECHAT_APP_SECRET: FAKE_WECHAT_APP_SECRET,
      JOBS_POLL_INTERVAL_MS: '20',
    };
    // The first process migrates and seeds; the second finds the schema ready.
    apis.push(await startApiProcess(env));
    apis.push(await startApiProcess(env));
    db = await mysql.createConnection(database.env.DATABASE_URL!.replace(/^mariadb:/, 'mysql:'));
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all(apis.map((api) => api.stop('SIGKILL')));
    await wechat?.close();
    await database?.drop();
  });

  it(`sends ${MESSAGES} queued messages exactly once each, every job done on its first attempt`, async () => {
    const [[store]] = (await db.query('SELECT id, name FROM stores ORDER BY id LIMIT 1')) as unknown as [
      Array<{ id: number; name: string }>,
    ];
    const { openids, outboxIds } = await queueMessageBurst(db, wechat, store!, MESSAGES, 'o-two-process');

    const deadline = Date.now() + 60_000;
    for (;;) {
      const [[{ open }]] = (await db.query(
        `SELECT COUNT(*) AS open FROM notification_outbox WHERE id IN (?) AND status = 'queued'`,
        [outboxIds],
      )) as unknown as [Array<{ open: number }>];
      if (Number(open) === 0) break;
      if (Date.now() > deadline) throw new Error(`${open} messages still queued after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const sent = wechat.sentMessages();
    expect(sent).toHaveLength(MESSAGES);
    expect(new Set(sent.map((m) => m.touser))).toEqual(new Set(openids));
    const [outbox] = (await db.query(
      'SELECT status, attempts, COUNT(*) AS n FROM notification_outbox WHERE id IN (?) GROUP BY status, attempts',
      [outboxIds],
    )) as unknown as [Array<{ status: string; attempts: number; n: number }>];
    expect(outbox.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      { status: 'sent', attempts: 1, n: MESSAGES },
    ]);
    const [jobs] = (await db.query(
      `SELECT status, attempts, COUNT(*) AS n FROM jobs WHERE kind = 'notification.send' GROUP BY status, attempts`,
    )) as unknown as [Array<{ status: string; attempts: number; n: number }>];
    expect(jobs.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      { status: 'done', attempts: 1, n: MESSAGES },
    ]);
    const [[{ unused }]] = (await db.query(
      `SELECT COALESCE(SUM(remaining), 0) AS unused FROM wechat_subscriptions WHERE template_id = ?`,
      [SURVEY_MESSAGE_TEMPLATE],
    )) as unknown as [Array<{ unused: number }>];
    expect(Number(unused)).toBe(0);
    // Each process fetched its own access token on its first send: both took part.
    expect(wechat.tokenRequestCount()).toBe(2);
  });
});
