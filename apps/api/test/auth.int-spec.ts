import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { CustomerSession, StaffSession } from '@dealer-care/domain';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

describe(`auth (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('staff login', () => {
    it('logs in with the right password and returns the staff without secrets', async () => {
      const res = await t.http
        .post('/api/auth/staff/login')
        .send({ username: 'gz.chen', password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      const session = res.body as StaffSession;
      expect(session.staff).toMatchObject({ username: 'gz.chen', role: 'consultant', active: true });
      expect(session.expiresIn).toBe(t.config.jwt.staffTtlSeconds);
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);

      const me = await t.http.get('/api/auth/staff/me').set('authorization', `Bearer ${session.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: 'gz.chen', displayName: '陈晓明' });
    });

    it('refuses a wrong password and an unknown user with the same answer', async () => {
      const wrong = await t.http
        .post('/api/auth/staff/login')
        .send({ username: 'gz.chen', password: 'nope' });
      const unknown = await t.http
        .post('/api/auth/staff/login')
        .send({ username: 'nobody', password: 'nope' });
      expectProblem(wrong, 401, 'invalid_credentials');
      expectProblem(unknown, 401, 'invalid_credentials');
      expect((wrong.body as { title: string }).title).toBe('账号或密码错误');
      expect(unknown.body.detail).toEqual(wrong.body.detail);
    });

    it('refuses a deactivated member of staff', async () => {
      await t.dataSource.query(`UPDATE staff_users SET active = 0 WHERE username = 'sz.zhao'`);
      const res = await t.http
        .post('/api/auth/staff/login')
        .send({ username: 'sz.zhao', password: DEMO_PASSWORD });
      expectProblem(res, 401, 'invalid_credentials');
    });

    it('refuses missing, malformed, tampered and expired tokens', async () => {
      expectProblem(await t.http.get('/api/auth/staff/me'), 401, 'unauthenticated');
      expectProblem(
        await t.http.get('/api/auth/staff/me').set('authorization', 'Token abc'),
        401,
        'unauthenticated',
      );
      const token = await t.staffToken('gz.chen');
      const tampered = `${token.slice(0, -3)}${token.endsWith('abc') ? 'xyz' : 'abc'}`;
      expectProblem(
        await t.http.get('/api/auth/staff/me').set('authorization', `Bearer ${tampered}`),
        401,
        'unauthenticated',
      );

      const jwt = t.app.get(JwtService);
      const expired = await jwt.signAsync(
        { sub: '3', kind: 'staff', role: 'consultant', storeId: 1 },
        { expiresIn: -10 },
      );
      expectProblem(
        await t.http.get('/api/auth/staff/me').set('authorization', `Bearer ${expired}`),
        401,
        'token_expired',
      );

      const foreign = await new JwtService({
        secret: 'another-secret-of-at-least-32-characters!!',
      }).signAsync({ sub: '3', kind: 'staff', role: 'admin', storeId: null }, { issuer: 'dealer-care' });
      expectProblem(
        await t.http.get('/api/auth/staff/me').set('authorization', `Bearer ${foreign}`),
        401,
        'unauthenticated',
      );
    });

    it('keeps customers out of staff routes and staff out of customer routes', async () => {
      const customer = await t.customerToken('dev-keepout');
      const staff = await t.staffToken('gz.chen');
      expectProblem(
        await t.http.get('/api/auth/staff/me').set('authorization', `Bearer ${customer}`),
        403,
        'forbidden',
      );
      expectProblem(
        await t.http.get('/api/staff/stores').set('authorization', `Bearer ${customer}`),
        403,
        'forbidden',
      );
      expectProblem(await t.http.get('/api/me').set('authorization', `Bearer ${staff}`), 403, 'forbidden');
    });
  });

  describe('WeChat customer login', () => {
    it('exchanges a wx.login code through jscode2session and never returns the session_key', async () => {
      t.wechat.registerLoginCode('code-alice-1', {
        openid: 'o-alice',
        unionid: 'u-alice',
        sessionKey: 'SECRET-SK-1',
      });
      const res = await t.http.post('/api/auth/wechat/login').send({ code: 'code-alice-1' });
      expect(res.status).toBe(200);
      const session = res.body as CustomerSession;
      expect(session.customer).toMatchObject({ hasPhone: false, phoneMasked: null });
      expect(JSON.stringify(res.body)).not.toContain('SECRET-SK-1');
      expect(JSON.stringify(res.body)).not.toContain('o-alice');

      const [row] = (await t.dataSource.query(
        `SELECT openid, unionid FROM customers WHERE openid = 'o-alice'`,
      )) as Array<{
        openid: string;
        unionid: string;
      }>;
      expect(row).toEqual({ openid: 'o-alice', unionid: 'u-alice' });
      const sessionRequest = t.wechat.requests.find((r) => r.path === '/sns/jscode2session');
      expect(sessionRequest?.query).toMatchObject({
        js_code: 'code-alice-1',
        grant_type: 'authorization_code',
      });
    });

    it('finds the same customer on the next login', async () => {
      t.wechat.registerLoginCode('code-bob-1', { openid: 'o-bob', sessionKey: 'sk' });
      t.wechat.registerLoginCode('code-bob-2', { openid: 'o-bob', sessionKey: 'sk2' });
      const first = await t.http.post('/api/auth/wechat/login').send({ code: 'code-bob-1' }).expect(200);
      const second = await t.http.post('/api/auth/wechat/login').send({ code: 'code-bob-2' }).expect(200);
      expect((second.body as CustomerSession).customer.id).toBe((first.body as CustomerSession).customer.id);
    });

    it('creates one customer when two first logins race', async () => {
      t.wechat.registerLoginCode('race-1', { openid: 'o-race', sessionKey: 'a' });
      t.wechat.registerLoginCode('race-2', { openid: 'o-race', sessionKey: 'b' });
      const answers = await Promise.all([
        t.http.post('/api/auth/wechat/login').send({ code: 'race-1' }),
        t.http.post('/api/auth/wechat/login').send({ code: 'race-2' }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const [count] = (await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM customers WHERE openid = 'o-race'`,
      )) as Array<{
        n: number | string;
      }>;
      expect(Number(count!.n)).toBe(1);
    });

    it('answers WeChat errors with what the customer can do', async () => {
      expectProblem(
        await t.http.post('/api/auth/wechat/login').send({ code: 'never-issued' }),
        400,
        'wechat_code_invalid',
      );

      t.wechat.registerLoginCode('used-once', { openid: 'o-used', sessionKey: 'x' });
      await t.http.post('/api/auth/wechat/login').send({ code: 'used-once' }).expect(200);
      expectProblem(
        await t.http.post('/api/auth/wechat/login').send({ code: 'used-once' }),
        400,
        'wechat_code_invalid',
      );

      t.wechat.failNext('/sns/jscode2session', 45011, 'api minute-quota reach limit');
      expectProblem(
        await t.http.post('/api/auth/wechat/login').send({ code: 'whatever' }),
        429,
        'wechat_rate_limited',
      );

      t.wechat.failNext('/sns/jscode2session', -1, 'system error');
      expectProblem(
        await t.http.post('/api/auth/wechat/login').send({ code: 'whatever' }),
        502,
        'wechat_unavailable',
      );
    });

    it('binds the phone from a getPhoneNumber code and shows it masked', async () => {
      t.wechat.registerLoginCode('code-carol', { openid: 'o-carol', sessionKey: 'sk' });
      const login = await t.http.post('/api/auth/wechat/login').send({ code: 'code-carol' }).expect(200);
      const token = (login.body as CustomerSession).accessToken;
      t.wechat.registerPhoneCode('phone-carol', '13812345678');
      const res = await t.http
        .post('/api/auth/wechat/phone')
        .set('authorization', `Bearer ${token}`)
        .send({ code: 'phone-carol' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ hasPhone: true, phoneMasked: '138****5678' });
      expect(JSON.stringify(res.body)).not.toContain('13812345678');

      const me = await t.http.get('/api/me').set('authorization', `Bearer ${token}`).expect(200);
      expect(me.body).toMatchObject({ phoneMasked: '138****5678' });

      // A second bind reuses the cached access_token.
      t.wechat.registerPhoneCode('phone-carol-2', '13912345678');
      const before = t.wechat.tokenRequestCount();
      await t.http
        .post('/api/auth/wechat/phone')
        .set('authorization', `Bearer ${token}`)
        .send({ code: 'phone-carol-2' })
        .expect(200);
      expect(t.wechat.tokenRequestCount()).toBe(before);

      expectProblem(
        await t.http
          .post('/api/auth/wechat/phone')
          .set('authorization', `Bearer ${token}`)
          .send({ code: 'phone-carol' }),
        400,
        'wechat_code_invalid',
      );
      t.wechat.registerPhoneCode('phone-hk', '61234567', '852');
      expectProblem(
        await t.http
          .post('/api/auth/wechat/phone')
          .set('authorization', `Bearer ${token}`)
          .send({ code: 'phone-hk' }),
        400,
        'validation_failed',
      );
    });
  });

  describe('development login', () => {
    it('logs a test customer in when enabled', async () => {
      const res = await t.http.post('/api/auth/dev/login').send({ devUser: 'dev-dora', nickname: '小朵' });
      expect(res.status).toBe(200);
      expect((res.body as CustomerSession).customer.nickname).toBe('小朵');
    });

    it('is refused when AUTH_DEV_LOGIN is off', async () => {
      const off = await startTestApp({ AUTH_DEV_LOGIN: 'false' });
      try {
        expectProblem(
          await off.http.post('/api/auth/dev/login').send({ devUser: 'dev-dora' }),
          403,
          'dev_login_disabled',
        );
      } finally {
        await off.close();
      }
    });
  });

  describe('rate limit', () => {
    it('answers 429 problem+json after too many login attempts', async () => {
      const limited = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await limited.http
            .post('/api/auth/staff/login')
            .send({ username: 'gz.chen', password: 'wrong' });
          statuses.push(res.status);
          if (res.status === 429) expectProblem(res, 429, 'too_many_requests');
        }
        expect(statuses).toEqual([401, 401, 401, 429, 429]);
        // Other routes are not limited.
        await limited.http.get('/api/stores').expect(200);
      } finally {
        await limited.close();
      }
    });
  });
});
