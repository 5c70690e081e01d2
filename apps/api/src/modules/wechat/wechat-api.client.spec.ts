import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import {
  FAKE_WECHAT_APP_ID,
  FAKE_WECHAT_APP_SECRET,
  WECHAT_PATHS,
  startFakeWechatServer,
  type FakeWechatServer,
} from '../../../test/support/fake-wechat-server.js';
import { WechatApiClient, type WechatClientOptions } from './wechat-api.client.js';
import { WechatApiError, classifyWechatErrcode, type WechatErrorKind } from './wechat-api.error.js';

/** Awaits a promise expected to reject with a WechatApiError and returns it. */
async function wechatError(promise: Promise<unknown>): Promise<WechatApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(WechatApiError);
    return err as WechatApiError;
  }
  throw new Error('expected a WechatApiError, call succeeded');
}

/** Asserts none of the secrets shows up anywhere a logger could serialize. */
function expectNoLeak(err: WechatApiError, secrets: string[]): void {
  const surfaces = [err.message, err.errmsg, err.endpoint, String(err.stack), JSON.stringify(err)];
  for (const secret of secrets) {
    for (const text of surfaces) expect(text).not.toContain(secret);
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('classifyWechatErrcode', () => {
  it.each<[number, WechatErrorKind]>([
    [40029, 'invalid_code'],
    [40163, 'invalid_code'],
    [45011, 'rate_limited'],
    [-1, 'system_busy'],
    [40001, 'invalid_credential'],
    [40013, 'invalid_credential'],
    [40125, 'invalid_credential'],
    [42001, 'invalid_credential'],
    [40014, 'invalid_credential'],
    [41002, 'invalid_credential'],
    [41004, 'invalid_credential'],
    [-2, 'unavailable'],
    [47001, 'other'],
    [12345, 'other'],
  ])('classifies %i as %s', (errcode, kind) => {
    expect(classifyWechatErrcode(errcode)).toBe(kind);
  });
});

describe('WechatApiClient against the fake WeChat server', () => {
  let fake: FakeWechatServer;

  const makeClient = (overrides: Partial<WechatClientOptions> = {}, now?: () => number) =>
    new WechatApiClient(
      { apiBase: fake.baseUrl, appId: FAKE_WECHAT_APP_ID, appSecret: FAKE_WECHAT_APP_SECRET, ...overrides },
      now,
    );

  beforeAll(async () => {
    fake = await startFakeWechatServer();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
  });

  it('rejects incomplete options', () => {
    expect(() => makeClient({ appSecret: '' })).toThrow('appSecret is required');
  });

  describe('code2Session', () => {
    it('exchanges a login code for openid, unionid and session key', async () => {
      fake.registerLoginCode('code-abc', { openid: 'o-1', unionid: 'u-1', sessionKey: 'sk-1' });

      await expect(makeClient().code2Session('code-abc')).resolves.toEqual({
        openid: 'o-1',
        unionid: 'u-1',
        sessionKey: 'sk-1',
      });
      const [req] = fake.requestsTo(WECHAT_PATHS.code2Session);
      expect(req.method).toBe('GET');
      expect(req.query).toEqual({
        appid: FAKE_WECHAT_APP_ID,
        secret: FAKE_WECHAT_APP_SECRET,
        js_code: 'code-abc',
        grant_type: 'authorization_code',
      });
    });

    it('omits unionid when WeChat does not send one', async () => {
      fake.registerLoginCode('code-no-union', { openid: 'o-2', sessionKey: 'sk-2' });
      const session = await makeClient().code2Session('code-no-union');
      expect(session).toEqual({ openid: 'o-2', sessionKey: 'sk-2' });
      expect('unionid' in session).toBe(false);
    });

    it('tolerates a text/plain content type (jscode2session does that)', async () => {
      fake.failNextHttp(
        WECHAT_PATHS.code2Session,
        200,
        JSON.stringify({ openid: 'o-3', session_key: 'sk-3' }),
        'text/plain',
      );
      await expect(makeClient().code2Session('whatever')).resolves.toEqual({
        openid: 'o-3',
        sessionKey: 'sk-3',
      });
    });

    it('classifies an unknown code (40029) as invalid_code', async () => {
      const err = await wechatError(makeClient().code2Session('never-registered'));
      expect(err).toMatchObject({ errcode: 40029, kind: 'invalid_code', endpoint: '/sns/jscode2session' });
      expect(err.errmsg).toContain('invalid code');
      expectNoLeak(err, ['never-registered', FAKE_WECHAT_APP_SECRET]);
    });

    it('classifies a reused code (40163) as invalid_code', async () => {
      fake.registerLoginCode('code-once', { openid: 'o-1', sessionKey: 'sk-secret-once' });
      const client = makeClient();
      await client.code2Session('code-once');

      const err = await wechatError(client.code2Session('code-once'));
      expect(err).toMatchObject({ errcode: 40163, kind: 'invalid_code' });
      expectNoLeak(err, ['code-once', 'sk-secret-once', FAKE_WECHAT_APP_SECRET]);
    });

    it('classifies 45011 as rate_limited', async () => {
      fake.failNext(WECHAT_PATHS.code2Session, 45011);
      const err = await wechatError(makeClient().code2Session('code-x'));
      expect(err).toMatchObject({ errcode: 45011, kind: 'rate_limited' });
    });

    it('classifies -1 as system_busy', async () => {
      fake.failNext(WECHAT_PATHS.code2Session, -1);
      const err = await wechatError(makeClient().code2Session('code-x'));
      expect(err).toMatchObject({ errcode: -1, kind: 'system_busy' });
    });

    it('classifies a wrong app secret (40125) as invalid_credential without leaking it', async () => {
      fake.registerLoginCode('code-abc', { openid: 'o-1', sessionKey: 'sk' });
      const err = await wechatError(makeClient({ appSecret: 'wrong-secret-value' }).code2Session('code-abc'));
      expect(err).toMatchObject({ errcode: 40125, kind: 'invalid_credential' });
      expectNoLeak(err, ['wrong-secret-value', 'code-abc']);
    });
  });

  describe('getAccessToken', () => {
    it('caches the token: two calls, one request', async () => {
      const client = makeClient();
      expect(await client.getAccessToken()).toBe('fake-token-1');
      expect(await client.getAccessToken()).toBe('fake-token-1');
      expect(fake.tokenRequestCount()).toBe(1);
      expect(fake.requestsTo(WECHAT_PATHS.stableToken)[0]).toMatchObject({
        method: 'POST',
        body: {
          grant_type: 'client_credential',
          appid: FAKE_WECHAT_APP_ID,
          secret: FAKE_WECHAT_APP_SECRET,
          force_refresh: false,
        },
      });
    });

    it('shares one in-flight request between concurrent callers', async () => {
      const client = makeClient();
      const tokens = await Promise.all(Array.from({ length: 5 }, () => client.getAccessToken()));
      expect(new Set(tokens)).toEqual(new Set(['fake-token-1']));
      expect(fake.tokenRequestCount()).toBe(1);
    });

    it('refreshes 5 minutes before expiry, using the injected clock', async () => {
      let now = 1_000_000;
      const client = makeClient({}, () => now);
      await client.getAccessToken();

      now += (7200 - 300) * 1000 - 1;
      await client.getAccessToken();
      expect(fake.tokenRequestCount()).toBe(1);

      now += 1;
      await client.getAccessToken();
      expect(fake.tokenRequestCount()).toBe(2);
    });

    it('still caches short-lived tokens (margin capped at half the lifetime)', async () => {
      fake.setTokenExpiresIn(120);
      let now = 0;
      const client = makeClient({}, () => now);
      await client.getAccessToken();
      now += 59_000;
      await client.getAccessToken();
      expect(fake.tokenRequestCount()).toBe(1);
      now += 1_000;
      await client.getAccessToken();
      expect(fake.tokenRequestCount()).toBe(2);
    });

    it('fetches again after invalidateAccessToken, without force_refresh', async () => {
      const client = makeClient();
      await client.getAccessToken();
      client.invalidateAccessToken();
      await client.getAccessToken();
      const bodies = fake.requestsTo(WECHAT_PATHS.stableToken).map((r) => r.body);
      expect(bodies).toHaveLength(2);
      expect(bodies[1]).toMatchObject({ force_refresh: false });
    });

    it('rejects all concurrent callers on failure and does not cache the failure', async () => {
      fake.failNext(WECHAT_PATHS.stableToken, -1);
      const client = makeClient();
      const results = await Promise.allSettled([client.getAccessToken(), client.getAccessToken()]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(fake.tokenRequestCount()).toBe(1);

      await expect(client.getAccessToken()).resolves.toBe('fake-token-1');
      expect(fake.tokenRequestCount()).toBe(2);
    });
  });

  describe('getPhoneNumber', () => {
    it('resolves a phone code with the cached access token', async () => {
      fake.registerPhoneCode('pcode', '13800138000');
      const client = makeClient();

      await expect(client.getPhoneNumber('pcode')).resolves.toEqual({
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
      });
      const [req] = fake.requestsTo(WECHAT_PATHS.getPhoneNumber);
      expect(req).toMatchObject({
        method: 'POST',
        query: { access_token: 'fake-token-1' },
        body: { code: 'pcode' },
      });
    });

    it('refreshes the token and retries once after 40001', async () => {
      fake.registerPhoneCode('pcode', '13800138000');
      const client = makeClient();
      await client.getAccessToken();
      fake.revokeAccessToken();

      await expect(client.getPhoneNumber('pcode')).resolves.toMatchObject({ purePhoneNumber: '13800138000' });
      expect(fake.requestsTo(WECHAT_PATHS.getPhoneNumber).map((r) => r.query.access_token)).toEqual([
        'fake-token-1',
        'fake-token-2',
      ]);
      expect(fake.tokenRequestCount()).toBe(2);

      // The refreshed token is cached for later calls.
      expect(await client.getAccessToken()).toBe('fake-token-2');
      expect(fake.tokenRequestCount()).toBe(2);
    });

    it('also retries after 42001 (access_token expired)', async () => {
      fake.registerPhoneCode('pcode', '13900139000');
      fake.failNext(WECHAT_PATHS.getPhoneNumber, 42001);
      await expect(makeClient().getPhoneNumber('pcode')).resolves.toMatchObject({
        purePhoneNumber: '13900139000',
      });
      expect(fake.requestsTo(WECHAT_PATHS.getPhoneNumber)).toHaveLength(2);
    });

    it('does not retry more than once when the token keeps being rejected', async () => {
      fake.registerPhoneCode('pcode', '13800138000');
      fake.failAlways(WECHAT_PATHS.getPhoneNumber, 40001);
      const client = makeClient();

      const err = await wechatError(client.getPhoneNumber('pcode'));
      expect(err).toMatchObject({
        errcode: 40001,
        kind: 'invalid_credential',
        endpoint: '/wxa/business/getuserphonenumber',
      });
      expect(fake.requestsTo(WECHAT_PATHS.getPhoneNumber)).toHaveLength(2);
      expect(fake.tokenRequestCount()).toBe(2);
      expectNoLeak(err, ['fake-token-1', 'pcode', FAKE_WECHAT_APP_SECRET]);
    });

    it('classifies unknown (40029) and used (40163) phone codes as invalid_code, without retry', async () => {
      fake.registerPhoneCode('pcode-once', '13800138000');
      const client = makeClient();

      const unknown = await wechatError(client.getPhoneNumber('pcode-unknown'));
      expect(unknown).toMatchObject({ errcode: 40029, kind: 'invalid_code' });

      await client.getPhoneNumber('pcode-once');
      const used = await wechatError(client.getPhoneNumber('pcode-once'));
      expect(used).toMatchObject({ errcode: 40163, kind: 'invalid_code' });

      expect(fake.requestsTo(WECHAT_PATHS.getPhoneNumber)).toHaveLength(3);
      expect(fake.tokenRequestCount()).toBe(1);
    });

    it('returns a prefixed phoneNumber for a foreign number', async () => {
      fake.registerPhoneCode('pcode-hk', '51234567', '852');
      await expect(makeClient().getPhoneNumber('pcode-hk')).resolves.toEqual({
        phoneNumber: '+85251234567',
        purePhoneNumber: '51234567',
        countryCode: '852',
      });
    });
  });

  describe('sendSubscribeMessage', () => {
    const message = {
      touser: 'o-sub',
      templateId: 'tmpl_test_drive_result',
      page: 'subpackages/booking/pages/detail/index?id=7',
      data: { thing1: { value: '试驾 云岚 星河' }, time3: { value: '2026-11-25 10:30' } },
      miniprogramState: 'trial' as const,
    };

    it('posts the message with the cached token', async () => {
      fake.registerOpenid('o-sub');
      await makeClient().sendSubscribeMessage(message);
      const [req] = fake.requestsTo(WECHAT_PATHS.subscribeSend);
      expect(req).toMatchObject({
        method: 'POST',
        query: { access_token: 'fake-token-1' },
        body: {
          touser: 'o-sub',
          template_id: 'tmpl_test_drive_result',
          page: message.page,
          data: message.data,
          miniprogram_state: 'trial',
          lang: 'zh_CN',
        },
      });
      expect(fake.sentMessages()).toEqual([
        {
          touser: 'o-sub',
          templateId: message.templateId,
          page: message.page,
          data: message.data,
          miniprogramState: 'trial',
        },
      ]);
    });

    it('refreshes the token once after 42001 and sends', async () => {
      fake.registerOpenid('o-sub');
      const client = makeClient();
      await client.getAccessToken();
      fake.revokeAccessToken();
      await client.sendSubscribeMessage(message);
      expect(fake.requestsTo(WECHAT_PATHS.subscribeSend).map((r) => r.query.access_token)).toEqual([
        'fake-token-1',
        'fake-token-2',
      ]);
      expect(fake.sentMessages()).toHaveLength(1);
    });

    it('reports a refusal (43101), an unknown openid (40003) and bad data (47003) as errors', async () => {
      fake.registerOpenid('o-sub');
      fake.refuse('o-refused');
      fake.registerOpenid('o-refused');
      const client = makeClient();
      expect(
        await wechatError(client.sendSubscribeMessage({ ...message, touser: 'o-refused' })),
      ).toMatchObject({
        errcode: 43101,
        endpoint: '/cgi-bin/message/subscribe/send',
      });
      expect(
        await wechatError(client.sendSubscribeMessage({ ...message, touser: 'o-nobody' })),
      ).toMatchObject({
        errcode: 40003,
      });
      const tooLong = { thing1: { value: '很'.repeat(21) } };
      const err = await wechatError(client.sendSubscribeMessage({ ...message, data: tooLong }));
      expect(err.errcode).toBe(47003);
      expectNoLeak(err, ['fake-token-1', FAKE_WECHAT_APP_SECRET]);
      expect(fake.sentMessages()).toEqual([]);
    });
  });

  describe('transport failures', () => {
    it('reports an unreachable server as unavailable', async () => {
      const client = makeClient({ apiBase: `http://127.0.0.1:${await closedPort()}` });
      const err = await wechatError(client.code2Session('code-abc'));
      expect(err).toMatchObject({ errcode: -2, kind: 'unavailable', endpoint: '/sns/jscode2session' });
      expect(err.errmsg).toBe('network error: ECONNREFUSED');
      expectNoLeak(err, ['code-abc', FAKE_WECHAT_APP_SECRET]);
    });

    it('reports a timeout as unavailable', async () => {
      fake.hang(WECHAT_PATHS.code2Session);
      const started = Date.now();
      const err = await wechatError(makeClient({ timeoutMs: 200 }).code2Session('code-abc'));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(err).toMatchObject({ errcode: -2, kind: 'unavailable' });
      expect(err.errmsg).toBe('timeout after 200ms');
      expect(fake.requestsTo(WECHAT_PATHS.code2Session)).toHaveLength(1);
    });

    it('reports a non-2xx answer as unavailable', async () => {
      fake.failNextHttp(WECHAT_PATHS.stableToken, 502, '<html>Bad Gateway</html>');
      const err = await wechatError(makeClient().getAccessToken());
      expect(err).toMatchObject({ errcode: -2, kind: 'unavailable', endpoint: '/cgi-bin/stable_token' });
      expect(err.errmsg).toBe('HTTP 502');
    });

    it('reports a non-JSON 200 answer as unavailable', async () => {
      fake.failNextHttp(WECHAT_PATHS.code2Session, 200, '<html>maintenance</html>');
      const err = await wechatError(makeClient().code2Session('code-abc'));
      expect(err).toMatchObject({ errcode: -2, kind: 'unavailable' });
    });
  });

  describe('secret hygiene', () => {
    it('scrubs the secret and the code even when WeChat echoes them in errmsg', async () => {
      const code = 'js-code-0123456789abcdef';
      fake.failNext(
        WECHAT_PATHS.code2Session,
        40029,
        `invalid code ${code} for secret ${FAKE_WECHAT_APP_SECRET}`,
      );
      const err = await wechatError(makeClient().code2Session(code));
      expect(err.message).toContain('***');
      expectNoLeak(err, [code, FAKE_WECHAT_APP_SECRET]);
    });

    it('scrubs the access token and the phone code echoed in errmsg', async () => {
      const client = makeClient();
      const token = await client.getAccessToken();
      fake.failNext(WECHAT_PATHS.getPhoneNumber, 40029, `bad code pcode-echo with access_token=${token}`);
      const err = await wechatError(client.getPhoneNumber('pcode-echo'));
      expectNoLeak(err, [token, 'pcode-echo', FAKE_WECHAT_APP_SECRET]);
    });

    it('never puts a malformed success body (with a session key) in the error', async () => {
      fake.failNextHttp(
        WECHAT_PATHS.code2Session,
        200,
        JSON.stringify({ session_key: 'leaky-session-key' }),
        'application/json',
      );
      const err = await wechatError(makeClient().code2Session('code-abc'));
      expect(err).toMatchObject({ errcode: -2, kind: 'unavailable' });
      expectNoLeak(err, ['leaky-session-key', 'code-abc', FAKE_WECHAT_APP_SECRET]);
    });
  });
});
