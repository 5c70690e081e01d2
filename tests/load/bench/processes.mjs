/** The processes a benchmark run starts: the built API, a WeChat login stand-in, the bare baseline. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../free-port.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const apiMain = join(root, 'apps/api/dist/main.js');

/** The API's pool size; the baseline gets the same. */
export const POOL_SIZE = 10;

/**
 * jscode2session as WeChat answers it, for codes `bench-<n>`: the customer's openid is the code, so a
 * benchmark customer logs in through the API's real WeChat login path.
 */
export async function startWechatStandIn() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code') ?? '';
      res.end(
        JSON.stringify(
          code.startsWith('bench-')
            ? { openid: code, session_key: 'c2Vzc2lvbi1rZXktYmVuY2g=' }
            : { errcode: 40029, errmsg: 'invalid code' },
        ),
      );
    } else if (url.pathname === '/cgi-bin/token' || url.pathname === '/cgi-bin/stable_token') {
      res.end(JSON.stringify({ access_token: 'bench-access-token', expires_in: 7200 }));
    } else {
      // Subscription messages and anything else: accepted, like WeChat's errcode 0.
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    }
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

async function waitFor(url, child, label) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${label} did not come up`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopper(child) {
  return () =>
    new Promise((r) => {
      if (child.exitCode !== null) return r(child.exitCode);
      child.once('exit', r);
      child.kill('SIGTERM');
    });
}

/** The built API as production runs it (NODE_ENV=production, warn-level logs), rate limits lifted. */
export async function startApi(databaseUrl, wechatBaseUrl) {
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: run pnpm build first`);
  const port = await freePort();
  const key = (c) => c.repeat(64);
  // BENCH_CPU_PROFILE_DIR: the API writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, apiMain], {
    cwd: join(root, 'apps/api'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl.replace(/^mysql:/, 'mariadb:'),
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789abcdef',
      SURVEY_TOKEN_SECRET: 'bench-survey-secret-0123456789abcdef0123456789',
      LICENCE_HASH_KEY: key('a'),
      LICENCE_ENCRYPTION_KEY: key('b'),
      WECHAT_APP_ID: 'wx-bench-appid',
      WECHAT_APP_SECRET: 'bench-app-secret',
      WECHAT_API_BASE: wechatBaseUrl,
      SEED_DEMO_DATA: 'false',
      AUTH_DEV_LOGIN: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      BOOKING_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/api/health`, child, 'the API');
  return { baseUrl, pid: child.pid, stop: stopper(child) };
}

/** The bare node:http + mysql2 server (bench/baseline-server.mjs) in its own process. */
export async function startBaseline(databaseUrl, capturedFile) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(dirname(fileURLToPath(import.meta.url)), 'baseline-server.mjs')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        POOL_SIZE: String(POOL_SIZE),
        CAPTURED: capturedFile,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/health`, child, 'the baseline');
  return { baseUrl, stop: stopper(child) };
}
