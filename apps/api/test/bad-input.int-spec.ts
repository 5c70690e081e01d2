import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HOSTILE_STRINGS, URL_STRINGS, WHOLE_BODIES, WRONG_TYPES } from './support/hostile-input.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every endpoint built so far, fed wrong types, missing and extra fields, empty, huge and
 * malformed bodies, unicode edge cases and injection strings: always a 4xx problem+json, never a 5xx.
 */
type Endpoint = { method: 'post' | 'get'; path: string; fields: string[]; auth?: 'customer' | 'staff' };

const BODY_ENDPOINTS: Endpoint[] = [
  { method: 'post', path: '/api/auth/staff/login', fields: ['username', 'password'] },
  { method: 'post', path: '/api/auth/wechat/login', fields: ['code'] },
  { method: 'post', path: '/api/auth/wechat/phone', fields: ['code'], auth: 'customer' },
  { method: 'post', path: '/api/auth/dev/login', fields: ['devUser', 'nickname'] },
  // The demo seed gives the store's consultants tasks and prospects; 1 is one of them (or a clean 404).
  {
    method: 'post',
    path: '/api/staff/follow-ups/1/outcome',
    fields: ['outcome', 'note', 'callBackAt', 'intentLevel'],
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/prospects',
    fields: ['storeId', 'name', 'phone', 'channel', 'note', 'intentLevel'],
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/prospects/1/contacts',
    fields: ['channel', 'note', 'intentLevel'],
    auth: 'staff',
  },
  { method: 'post', path: '/api/staff/prospects/1/intent', fields: ['level', 'note'], auth: 'staff' },
  { method: 'post', path: '/api/staff/prospects/1/lost', fields: ['category', 'note'], auth: 'staff' },
  {
    method: 'post',
    path: '/api/notifications/subscriptions',
    fields: ['moment', 'choices'],
    auth: 'customer',
  },
];

describe(`bad input never gives a 5xx (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const failures: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '65536' });
    tokens.customer = await t.customerToken('dev-fuzz');
    tokens.staff = await t.staffToken('gz.chen');
  });
  afterAll(async () => {
    await t.close();
  });

  async function send(endpoint: Endpoint, body: unknown, raw?: { type: string; data: string }) {
    let req = t.http[endpoint.method](endpoint.path);
    if (endpoint.auth) req = req.set('authorization', `Bearer ${tokens[endpoint.auth]}`);
    if (raw) return req.set('content-type', raw.type).send(raw.data);
    return req.set('content-type', 'application/json').send(JSON.stringify(body));
  }

  function check(
    label: string,
    res: { status: number; headers: Record<string, string> },
    allowSuccess = false,
  ) {
    const ok = res.status < 300 && allowSuccess;
    const problem =
      res.status >= 400 &&
      res.status < 500 &&
      /^application\/problem\+json/.test(res.headers['content-type'] ?? '');
    if (!ok && !problem) failures.push(`${label} -> ${res.status} ${res.headers['content-type']}`);
  }

  it('answers every hostile body with a 4xx problem+json', async () => {
    for (const endpoint of BODY_ENDPOINTS) {
      const label = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
      for (const body of WHOLE_BODIES)
        check(`${label} body=${JSON.stringify(body)}`, await send(endpoint, body));
      check(`${label} {}`, await send(endpoint, {}));
      check(
        `${label} unknown field`,
        await send(endpoint, { ...Object.fromEntries(endpoint.fields.map((f) => [f, 'x'])), isAdmin: true }),
      );
      check(
        `${label} __proto__`,
        await send(endpoint, {}, { type: 'application/json', data: '{"__proto__":{"admin":true}}' }),
      );
      for (const field of endpoint.fields) {
        for (const value of WRONG_TYPES)
          check(`${label} ${field}=${JSON.stringify(value)}`, await send(endpoint, { [field]: value }));
        for (const value of HOSTILE_STRINGS) {
          const body = Object.fromEntries(
            endpoint.fields.map((f) => [f, f === field ? value : 'valid-value']),
          );
          // A hostile nickname is just a nickname: the dev login may accept it, but must not fail.
          check(
            `${label} ${field}=${JSON.stringify(value).slice(0, 30)}`,
            await send(endpoint, body),
            field === 'nickname' && value.length <= 50,
          );
        }
      }
      check(
        `${label} malformed`,
        await send(endpoint, null, { type: 'application/json', data: '{"code": "abc",' }),
      );
      check(`${label} empty json`, await send(endpoint, null, { type: 'application/json', data: '' }));
      check(`${label} text/plain`, await send(endpoint, null, { type: 'text/plain', data: 'code=abc' }));
      check(
        `${label} form`,
        await send(endpoint, null, { type: 'application/x-www-form-urlencoded', data: 'code=abc' }),
      );
      check(
        `${label} xml`,
        await send(endpoint, null, { type: 'application/xml', data: '<code>abc</code>' }),
      );
      check(`${label} oversize`, await send(endpoint, { code: 'x'.repeat(70_000) }));
      check(
        `${label} deep object`,
        await send(endpoint, null, {
          type: 'application/json',
          data: `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
        }),
      );
      check(
        `${label} deep`,
        await send(endpoint, null, {
          type: 'application/json',
          data: `${'['.repeat(5000)}${']'.repeat(5000)}`,
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it('answers hostile queries and route ids with a 4xx problem+json', async () => {
    const paths = [
      // Lone surrogates cannot be URI-encoded; their raw percent-escape is sent instead.
      ...URL_STRINGS.map((s) => `/api/stores/${s}`),
      ...URL_STRINGS.map((s) => `/api/staff/stores/${s}`),
      '/api/stores/-1',
      '/api/stores/1.5',
      '/api/stores/0x10',
      `/api/stores?latitude=${encodeURIComponent("1' OR '1'='1")}&longitude=1`,
      '/api/stores?latitude=1&latitude=2&longitude=3',
      '/api/stores?latitude[$gt]=1&longitude=2',
      '/api/stores?latitude=NaN&longitude=Infinity',
    ];
    for (const path of paths) {
      const res = await t.http.get(path).set('authorization', `Bearer ${tokens.staff}`);
      check(`GET ${path}`, res);
    }
    expect(failures).toEqual([]);
  });

  it('still works after the sweep', async () => {
    await t.http.get('/api/health').expect(200);
    await t.http.get('/api/stores').expect(200);
  });
});
