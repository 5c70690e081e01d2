import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import type { CustomerSession, StaffSession } from '@dealer-care/domain';
import type { AppOptions } from '../../src/app.module.js';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { prepareDatabase } from '../../src/database/prepare-database.js';
import { DEMO_PASSWORD } from '../../src/database/seed/demo-data.js';
import {
  FAKE_WECHAT_APP_ID,
  FAKE_WECHAT_APP_SECRET,
  startFakeWechatServer,
  type FakeWechatServer,
} from './fake-wechat-server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: TestAgent;
  dataSource: DataSource;
  wechat: FakeWechatServer;
  database: TestDatabase;
  /** Logs in a demo member of staff and returns the bearer token. */
  staffToken(username: string): Promise<string>;
  /** Development-logs-in a customer (binding `mobile` as their phone when given) and returns the bearer token. */
  customerToken(devUser: string, mobile?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real application (same bootstrap as production) on a fresh real database,
 * migrated and seeded with the demo group, with WeChat answered by the local fake server.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const wechat = await startFakeWechatServer();
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_DEV_LOGIN: 'true',
    SEED_DEMO_DATA: 'true',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    BOOKING_RATE_LIMIT_PER_MINUTE: '10000',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_APP_ID: FAKE_WECHAT_APP_ID,
    WECHAT_APP_SECRET: FAKE_WECHAT_APP_SECRET,
    WECHAT_TIMEOUT_MS: '2000',
    MINIAPP_H5_DIR: '/nonexistent/miniapp',
    PORTAL_DIR: '/nonexistent/portal',
    ...database.env,
    ...env,
  });
  let app: NestFastifyApplication;
  try {
    app = await createApp(config, options);
    await prepareDatabase(app, config, { log: () => undefined });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    // Leave nothing open behind a failed start, or jest hangs instead of reporting it.
    await wechat.close();
    await database.drop();
    throw error;
  }
  const http = request(app.getHttpServer());

  return {
    app,
    config,
    http,
    dataSource: app.get(DataSource),
    wechat,
    database,
    async staffToken(username) {
      const res = await http
        .post('/api/auth/staff/login')
        .send({ username, password: DEMO_PASSWORD })
        .expect(200);
      return (res.body as StaffSession).accessToken;
    },
    async customerToken(devUser, mobile) {
      const res = await http.post('/api/auth/dev/login').send({ devUser, mobile }).expect(200);
      return (res.body as CustomerSession).accessToken;
    },
    async close() {
      await app.close();
      await wechat.close();
      await database.drop();
    },
  };
}

/** Asserts an answer is RFC 9457 problem+json with the given status and code. */
export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: unknown },
  status: number,
  code?: string,
): void {
  const body = res.body as { status?: number; code?: string; title?: string };
  if (
    res.status !== status ||
    !/^application\/problem\+json/.test(res.headers['content-type'] ?? '') ||
    body.status !== status ||
    typeof body.title !== 'string' ||
    (code !== undefined && body.code !== code)
  ) {
    throw new Error(
      `Expected problem ${status}${code ? ` ${code}` : ''}, got ${res.status} ${res.headers['content-type']} ${JSON.stringify(res.body)}`,
    );
  }
}
