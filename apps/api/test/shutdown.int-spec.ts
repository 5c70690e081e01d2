import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const apiRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const mainJs = join(apiRoot, 'dist/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

/** The real process, as `pnpm start` runs it: SIGTERM must let acknowledged work finish, then exit 0. */
describe(`graceful shutdown (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let database: TestDatabase;
  let api: ChildProcess;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    if (!existsSync(mainJs))
      throw new Error(`${mainJs} is missing: run pnpm --filter @dealer-care/api build first`);
    database = await createTestDatabase();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [mainJs], {
      cwd: apiRoot,
      env: {
        ...process.env,
        ...database.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (api.exitCode !== null) throw new Error(`API exited early: ${output}`);
      const ok = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`API did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  afterAll(async () => {
    if (api.exitCode === null) api.kill('SIGKILL');
    await database.drop();
  });

  it('finishes the requests in flight, refuses new ones, and exits cleanly', async () => {
    // Password hashing keeps each login busy for tens of milliseconds: these are in flight at SIGTERM.
    const inFlight = Array.from({ length: 6 }, () =>
      fetch(`${baseUrl}/api/auth/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'gz.chen', password: DEMO_PASSWORD }),
      }).then((r) => ({ status: r.status, at: Date.now() })),
    );
    await new Promise((r) => setTimeout(r, 30));
    const exited = new Promise<number | null>((resolve) => api.once('exit', (code) => resolve(code)));
    const killedAt = Date.now();
    api.kill('SIGTERM');

    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // The point of the test: some of them were still being worked on when the signal came.
    expect(answers.some((a) => a.at > killedAt)).toBe(true);
    expect(await exited).toBe(0);
    const after = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(after).toBe('refused');
  });
});
