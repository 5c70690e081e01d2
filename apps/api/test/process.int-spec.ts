import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data.js';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import {
  FAKE_WECHAT_APP_ID,
  FAKE_WECHAT_APP_SECRET,
  startFakeWechatServer,
  type FakeWechatServer,
} from './support/fake-wechat-server.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** The real process, as `pnpm start` runs it: what it logs, and how it stops. */
describe(`API process (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let database: TestDatabase;
  let wechat: FakeWechatServer;
  let api: ApiProcess;
  let baseUrl: string;
  const output = () => api.output();

  beforeAll(async () => {
    database = await createTestDatabase();
    wechat = await startFakeWechatServer();
    api = await startApiProcess({
      ...database.env,
      // The most verbose level: nothing personal may appear even there.
      LOG_LEVEL: 'trace',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APP_ID: FAKE_WECHAT_APP_ID,
      WECHAT_APP_SECRET: FAKE_WECHAT_APP_SECRET,
    });
    baseUrl = api.baseUrl;
  });

  afterAll(async () => {
    await api.stop('SIGKILL');
    await wechat.close();
    await database.drop();
  });

  it('never logs a session_key, a phone number, a WeChat code, a password or a token', async () => {
    wechat.registerLoginCode('login-code-7f3a9', { openid: 'o-logcheck', sessionKey: 'SESSION-KEY-9d8c7b' });
    wechat.registerPhoneCode('phone-code-5e6f', '13987654321');
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const loginResponse = await post('/api/auth/wechat/login', { code: 'login-code-7f3a9' });
    const login = (await loginResponse.json()) as { accessToken: string };
    expect([loginResponse.status, typeof login.accessToken]).toEqual([200, 'string']);
    const phone = await post('/api/auth/wechat/phone', { code: 'phone-code-5e6f' }, login.accessToken);
    expect([phone.status, await phone.text()]).toEqual([200, expect.stringContaining('139****4321')]);
    expect((await post('/api/auth/wechat/login', { code: 'login-code-7f3a9' })).status).toBe(400);
    const staff = await post('/api/auth/staff/login', { username: 'gz.chen', password: DEMO_PASSWORD });
    const staffToken = ((await staff.json()) as { accessToken: string }).accessToken;
    await fetch(`${baseUrl}/api/staff/stores`, { headers: { authorization: `Bearer ${staffToken}` } });
    await new Promise((r) => setTimeout(r, 200));

    // Only the structured log lines; the start-up banner prints the demo password on purpose.
    const logLines = output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(logLines.some((line) => line.includes('/api/auth/wechat/login'))).toBe(true);
    for (const secret of [
      'SESSION-KEY-9d8c7b',
      '13987654321',
      'login-code-7f3a9',
      'phone-code-5e6f',
      DEMO_PASSWORD,
      FAKE_WECHAT_APP_SECRET,
      login.accessToken,
      staffToken,
    ]) {
      expect([secret, logLines.some((line) => line.includes(secret))]).toEqual([secret, false]);
    }
  });

  it('finishes the requests in flight, refuses new ones, and exits cleanly', async () => {
    // Password hashing keeps each login busy for tens of milliseconds: these are in flight at SIGTERM.
    const inFlight = Array.from({ length: 6 }, () =>
      fetch(`${baseUrl}/api/auth/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'gz.chen', password: DEMO_PASSWORD }),
      }).then(
        (r) => ({ status: r.status, at: Date.now() }),
        () => ({ status: 0, at: Date.now() }),
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    const exited = new Promise<number | null>((resolve) => api.child.once('exit', (code) => resolve(code)));
    const killedAt = Date.now();
    api.child.kill('SIGTERM');

    const answers = await Promise.all(inFlight);
    // The ones the server had taken are finished (200). One that arrives after the signal is turned
    // away (503), or finds the socket closed (0) and never reached a handler; nothing else may happen.
    for (const answer of answers) expect([200, 503, 0]).toContain(answer.status);
    // The point of the test: some were still being worked on when the signal came, and finished.
    expect(answers.some((a) => a.status === 200 && a.at > killedAt)).toBe(true);
    expect(await exited).toBe(0);
    const after = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(after).toBe('refused');
  });
});
