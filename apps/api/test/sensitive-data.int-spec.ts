import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import {
  type CustomerCard,
  type CustomerProfile,
  type CustomerSession,
  type FollowUpTaskView,
  type Page,
  type PendingSurvey,
  type ProspectSummary,
  type RevealedPhone,
  type SalesOrder,
  type TestDriveBooking,
} from '@dealer-care/domain';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data.js';
import { JobRunner } from '../src/modules/jobs/job-runner.js';
import { FAKE_WECHAT_APP_SECRET, WECHAT_PATHS } from './support/fake-wechat-server.js';
import { deliverOrder, pending, type SurveyCustomer } from './support/survey-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import {
  Api,
  bookingBody,
  bookOk,
  licenceBornOn,
  loadDemo,
  MINUTE,
  moveBooking,
  SlotPool,
  todayInStore,
  type Demo,
} from './support/test-drive-fixtures.js';

/**
 * Issue 7: no log line and no API answer carries a full phone number, a licence number or the
 * WeChat session_key (nor the app secret or an access token). The app runs with every log line
 * captured at the most verbose level, exactly as production would write it, while realistic
 * journeys and failing requests go through HTTP with distinctive values; then every line and
 * every answer is searched. The one answer allowed a full number is the audited reveal
 * (POST /api/staff/prospects/:id/phone), and that reveal must be logged without it.
 */

const SESSION_KEY = 'SeSsIoNkEy+q7Zr0417/Wx9Lm==';
const LOGIN_CODE = 'wx-login-code-0417-sensitive';
const PHONE_CODE = 'wx-phone-code-0417-sensitive';
/** Bound through WeChat getPhoneNumber; the customer's test drive uses it. */
const BOUND_PHONE = '13987650417';
/** Typed into a booking form by a customer without a bound phone. */
const BOOKING_PHONE = '15923450417';
/** A sales order's customer, who then logs in with it. */
const ORDER_PHONE = '18612340417';
/** 来店登记 of a walk-in. */
const WALK_IN_PHONE = '17755550417';
const PHONES = [BOUND_PHONE, BOOKING_PHONE, ORDER_PHONE, WALK_IN_PHONE];

const LICENCE = licenceBornOn('1986-07-19', '330106', '417');
const LICENCE_LAST_FOUR = LICENCE.slice(-4);
/** The same number with a wrong check character: refused, and never echoed either. */
const BAD_LICENCE = `${LICENCE.slice(0, 17)}${LICENCE.endsWith('0') ? '1' : '0'}`;

/**
 * Any mainland mobile or 18-character ID number standing alone (ids, epochs and hashes do not match;
 * nor does a run of digits inside a hex request id such as …-16726933771f).
 */
const ANY_MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
const ANY_LICENCE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/** Collects the log lines pino writes, instead of stdout. */
class LogCapture {
  readonly lines: string[] = [];
  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim() !== '') this.lines.push(line);
  }
  parsed(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/** Where a value shows up: the offending texts, shortened around the match. */
function occurrences(texts: readonly string[], needle: string | RegExp): string[] {
  const hits: string[] = [];
  for (const text of texts) {
    const index =
      typeof needle === 'string'
        ? text.toLowerCase().indexOf(needle.toLowerCase())
        : (needle.exec(text)?.index ?? -1);
    if (index >= 0) hits.push(text.slice(Math.max(0, index - 200), index + 200));
  }
  return hits;
}

describe(`no full phone, licence number or session_key in logs and answers (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  const logs = new LogCapture();
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  let runner: JobRunner;
  const staff = { chen: '', wang: '', manager: '', sz: '', admin: '' };
  let chenId = 0;
  /** Answers of the audited reveal: the only ones allowed to carry a full number. */
  const revealed: Response[] = [];
  const accessTokens = new Set<string>();
  let keySeq = 0;
  const idempotencyKey = () => `sensitive-${Date.now()}-${keySeq++}`;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'trace' }, { logDestination: logs });
    api = new Api(t);
    for (const [name, username] of [
      ['chen', 'gz.chen'],
      ['wang', 'gz.wang'],
      ['manager', 'gz.manager'],
      ['sz', 'sz.manager'],
      ['admin', 'admin'],
    ] as const) {
      const res = await api.post('/api/auth/staff/login', undefined, {
        username,
        password: DEMO_PASSWORD,
      });
      if (res.status !== 200) throw new Error(`staff login ${username}: ${res.status} ${res.text}`);
      staff[name] = (res.body as { accessToken: string }).accessToken;
    }
    demo = await loadDemo(t, staff.admin);
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
    runner = t.app.get(JobRunner);
    const [chen] = (await t.dataSource.query(
      "SELECT id FROM staff_users WHERE username = 'gz.chen'",
    )) as Array<{
      id: number;
    }>;
    chenId = Number(chen!.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const staffPost = (token: string, path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    api.post(`/api/staff/${path}`, token, body, headers);

  /** A request the Api helper cannot make (raw bodies, PATCH), recorded the same way. */
  async function raw(
    method: 'post' | 'patch',
    path: string,
    token: string | undefined,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    let req = t.http[method](path).set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await req.send(body);
    api.bodies.push(res.text ?? '');
    return res;
  }

  async function devLogin(devUser: string, mobile?: string): Promise<SurveyCustomer> {
    const res = await api.post('/api/auth/dev/login', undefined, { devUser, ...(mobile ? { mobile } : {}) });
    expect(res.status).toBe(200);
    const session = res.body as CustomerSession;
    return { token: session.accessToken, id: session.customer.id, mobile: mobile ?? '' };
  }

  async function heldCar(bookingId: number): Promise<number> {
    const [hold] = (await t.dataSource.query('SELECT car_id FROM test_drive_car_holds WHERE booking_id = ?', [
      bookingId,
    ])) as Array<{ car_id: number }>;
    return Number(hold!.car_id);
  }

  let wechatCustomer: SurveyCustomer;
  /** The survey link token: it opens the answers, so it must not be logged. */
  let surveyToken = '';
  let drive: TestDriveBooking;

  it('WeChat login and phone binding: the profile shows the phone masked, never the session_key', async () => {
    t.wechat.registerLoginCode(LOGIN_CODE, {
      openid: 'o-sensitive-0417',
      unionid: 'u-sensitive-0417',
      sessionKey: SESSION_KEY,
    });
    const login = await api.post('/api/auth/wechat/login', undefined, { code: LOGIN_CODE });
    expect(login.status).toBe(200);
    const session = login.body as CustomerSession;
    expect(session.customer).toMatchObject({ phoneMasked: null, hasPhone: false });
    // The code is single-use: a replay is refused (and logged as a WeChat failure).
    expectProblem(await api.post('/api/auth/wechat/login', undefined, { code: LOGIN_CODE }), 400);
    expectProblem(await api.post('/api/auth/wechat/login', undefined, { code: 'never-issued-code' }), 400);

    t.wechat.registerPhoneCode(PHONE_CODE, BOUND_PHONE);
    const bound = await api.post('/api/auth/wechat/phone', session.accessToken, { code: PHONE_CODE });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ phoneMasked: '139****0417', hasPhone: true });
    expect(t.wechat.currentAccessToken).not.toBeNull();
    accessTokens.add(t.wechat.currentAccessToken!);
    // A replayed phone code, and WeChat failing with an errmsg that echoes the token and the code.
    expectProblem(await api.post('/api/auth/wechat/phone', session.accessToken, { code: PHONE_CODE }), 400);
    t.wechat.failNext(
      WECHAT_PATHS.getPhoneNumber,
      -1,
      `system error access_token=${t.wechat.currentAccessToken} code=${PHONE_CODE} phone=${BOUND_PHONE}`,
    );
    t.wechat.registerPhoneCode(`${PHONE_CODE}-2`, BOUND_PHONE);
    expectProblem(
      await api.post('/api/auth/wechat/phone', session.accessToken, { code: `${PHONE_CODE}-2` }),
      502,
    );
    expect(((await api.get('/api/me', session.accessToken)).body as CustomerProfile).phoneMasked).toBe(
      '139****0417',
    );
    wechatCustomer = { token: session.accessToken, id: session.customer.id, mobile: BOUND_PHONE };
  });

  it('a test drive with a licence number: booked, confirmed, checked in by the last four, completed, surveyed', async () => {
    // One message grant, so the confirmation goes to WeChat (and fails there, below).
    const grant = await api.post('/api/notifications/subscriptions', wechatCustomer.token, {
      moment: 'booking',
      choices: { tmpl_test_drive_result: 'accept', tmpl_test_drive_time_change: 'reject' },
    });
    expect(grant.status).toBe(204);

    const badLicence = await api.post(
      '/api/test-drive/bookings',
      wechatCustomer.token,
      bookingBody(demo, pool.take().startsAt, { mobile: undefined, licenceNumber: BAD_LICENCE }),
    );
    expectProblem(badLicence, 400, 'validation_failed');
    // No mobile in the form: the bound phone is used.
    drive = await bookOk(
      api,
      wechatCustomer.token,
      bookingBody(demo, pool.take().startsAt, {
        mobile: undefined,
        licenceNumber: LICENCE,
        customerName: '赵敏',
      }),
    );
    expect(drive).toMatchObject({ mobileMasked: '139****0417', licenceMasked: '330106************' });
    await api.get('/api/test-drive/bookings', wechatCustomer.token);
    await api.get(`/api/test-drive/bookings/${drive.id}`, wechatCustomer.token);

    const date = todayInStore();
    await api.get(`/api/staff/stores/${demo.gz.id}/test-drives`, staff.chen, { date });
    const confirmed = await staffPost(staff.chen, `test-drives/${drive.id}/confirm`, {
      carId: await heldCar(drive.id),
    });
    expect(confirmed.status).toBe(200);
    // WeChat refuses the confirmation message with an errmsg echoing the token: logged, scrubbed.
    t.wechat.failNext(
      WECHAT_PATHS.subscribeSend,
      47003,
      `argument invalid! access_token=${t.wechat.currentAccessToken} secret=${FAKE_WECHAT_APP_SECRET}`,
    );
    await runner.runDue(new Date());
    if (t.wechat.currentAccessToken) accessTokens.add(t.wechat.currentAccessToken);

    await moveBooking(t, drive.id, new Date(Date.now() + 30 * MINUTE));
    const wrong = await staffPost(staff.chen, `test-drives/${drive.id}/check-in`, {
      licenceLastFour: LICENCE_LAST_FOUR === '1234' ? '4321' : '1234',
      consentSigned: true,
    });
    expectProblem(wrong, 400, 'validation_failed');
    const checkedIn = await staffPost(staff.chen, `test-drives/${drive.id}/check-in`, {
      licenceLastFour: LICENCE_LAST_FOUR,
      consentSigned: true,
    });
    expect(checkedIn.status).toBe(200);
    const done = await staffPost(staff.chen, `test-drives/${drive.id}/complete`);
    expect(done.status).toBe(200);
    expect((await api.get(`/api/staff/test-drives/${drive.id}`, staff.manager)).body).toMatchObject({
      status: 'completed',
      licenceMasked: '330106************',
    });

    // The feedback survey reaches the customer at once; a low score opens a case with a masked mobile.
    const [survey] = await pending(api, wechatCustomer.token);
    expect(survey).toBeDefined();
    surveyToken = (survey as PendingSurvey).token;
    const surveyUrl = `/api/surveys/${encodeURIComponent(surveyToken)}`;
    expect((await api.get(surveyUrl, wechatCustomer.token)).status).toBe(200);
    const submitted = await api.post(`${surveyUrl}/submit`, wechatCustomer.token, {
      answers: {
        td_car: 5,
        td_briefing: 4,
        td_route: 2,
        td_safety: 3,
        td_followup: 1,
        overall: 2,
        problems: ['pressure', 'waiting'],
        nps: 5,
        purchase_intent: 'within_30_days',
        comment: '等了很久才开始试驾',
      },
    });
    expect(submitted.status).toBe(200);
    const cases = await api.get('/api/staff/satisfaction/cases', staff.chen);
    expect(cases.status).toBe(200);
    const mine = (cases.body as Array<{ id: number; mobileMasked: string; responseId: number }>).filter(
      (entry) => entry.mobileMasked === '139****0417',
    );
    expect(mine).toHaveLength(1);
    await api.get(`/api/staff/satisfaction/cases/${mine[0]!.id}`, staff.chen);
    const kind = { kind: 'test_drive_feedback' };
    expect((await api.get('/api/staff/satisfaction/responses', staff.manager, kind)).status).toBe(200);
    await api.get(`/api/staff/satisfaction/responses/${mine[0]!.responseId}`, staff.manager);
    expect((await api.get('/api/staff/satisfaction/responses.csv', staff.manager, kind)).status).toBe(200);
    expect((await api.get('/api/staff/satisfaction/invitations', staff.manager, kind)).status).toBe(200);
    await api.get('/api/staff/satisfaction/summary', staff.manager, kind);
  });

  it('a booking typed with a mobile by a customer without a bound phone, rejected by the store', async () => {
    const customer = await devLogin('dev-sensitive-typed');
    const booking = await bookOk(
      api,
      customer.token,
      bookingBody(demo, pool.take().startsAt, { mobile: BOOKING_PHONE, licenceNumber: LICENCE }),
    );
    expect(booking.mobileMasked).toBe('159****0417');
    // A mobile one digit too long (it holds the real one) is refused without being echoed.
    expectProblem(
      await api.post(
        '/api/test-drive/bookings',
        customer.token,
        bookingBody(demo, pool.take().startsAt, { mobile: `${BOOKING_PHONE}9`, licenceNumber: LICENCE }),
      ),
      400,
      'validation_failed',
    );
    const rejected = await staffPost(staff.chen, `test-drives/${booking.id}/reject`, {
      reason: '该时段试驾车保养',
    });
    expect(rejected.status).toBe(200);
    // No grant: the rejection becomes a call by the consultant (a task on the customer card).
    await runner.runDue(new Date());
    expect((await api.get(`/api/test-drive/bookings/${booking.id}`, customer.token)).status).toBe(200);
  });

  it('a sales order for a mobile, taken to delivered, seen by the customer and the store', async () => {
    expectProblem(
      await api.post(`/api/staff/stores/${demo.gz.id}/sales-orders`, staff.chen, {
        customerName: '韩梅梅',
        customerMobile: `${ORDER_PHONE}7`,
        modelId: demo.models['YL-X5']!.id,
        trim: '四驱旗舰版',
        colour: '星河蓝',
      }),
      400,
      'validation_failed',
    );
    const customer = await devLogin('dev-sensitive-order', ORDER_PHONE);
    const delivered = await deliverOrder(api, demo, customer, staff.chen);
    expect(delivered).toMatchObject({ status: 'delivered', mobileMasked: '186****0417' });
    await api.get(`/api/staff/sales-orders/${delivered.id}`, staff.manager);
    await api.get(`/api/staff/sales-orders/${delivered.id}/signature`, staff.chen);
    await api.get(`/api/staff/stores/${demo.gz.id}/sales-orders`, staff.chen);
    const mine = await api.get('/api/deliveries', customer.token);
    expect((mine.body as SalesOrder[]).map((order) => order.id)).toEqual([delivered.id]);
    await api.get(`/api/deliveries/${delivered.id}`, customer.token);
    await runner.runDue(new Date());
  });

  let walkInId = 0;

  it('来店登记, the prospects list, the customer card and the audited reveal', async () => {
    const body = {
      storeId: demo.gz.id,
      name: '钱先生',
      phone: `+86 ${WALK_IN_PHONE.slice(0, 3)} ${WALK_IN_PHONE.slice(3, 7)} ${WALK_IN_PHONE.slice(7)}`,
      channel: 'visit',
      note: '看中云岚 星河，想了解置换',
      intentLevel: 'A',
    };
    const key = idempotencyKey();
    const created = await staffPost(staff.chen, 'prospects', body, { 'idempotency-key': key });
    expect(created.status).toBe(201);
    const card = created.body as CustomerCard;
    expect(card.prospect.mobileMasked).toBe('177****0417');
    walkInId = card.prospect.id;
    const replay = await staffPost(staff.chen, 'prospects', body, { 'idempotency-key': key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // Missing key, a bad phone, malformed JSON holding the number, a field that is not allowed.
    expectProblem(await staffPost(staff.chen, 'prospects', body), 400, 'validation_failed');
    expectProblem(
      await staffPost(
        staff.chen,
        'prospects',
        { ...body, phone: `${WALK_IN_PHONE}0` },
        { 'idempotency-key': idempotencyKey() },
      ),
      400,
      'validation_failed',
    );
    expectProblem(
      await raw('post', '/api/staff/prospects', staff.chen, `{"phone":"${WALK_IN_PHONE}" "name":`, {
        'idempotency-key': idempotencyKey(),
      }),
      400,
    );
    expectProblem(
      await staffPost(
        staff.chen,
        'prospects',
        { ...body, mobile: WALK_IN_PHONE, licenceNumber: LICENCE },
        { 'idempotency-key': idempotencyKey() },
      ),
      400,
      'validation_failed',
    );
    const contact = await staffPost(
      staff.wang,
      `prospects/${walkInId}/contacts`,
      { channel: 'outbound_call', note: '回访：周末来试驾', intentLevel: 'H' },
      { 'idempotency-key': idempotencyKey() },
    );
    expect(contact.status).toBe(201);
    expect(
      (await raw('patch', `/api/staff/prospects/${walkInId}`, staff.manager, '{"styleNote":"务实型"}'))
        .status,
    ).toBeLessThan(500);

    // Search by the whole number (a query string, never logged) and by its last four.
    for (const q of [WALK_IN_PHONE, BOUND_PHONE, ORDER_PHONE, BOOKING_PHONE, '0417']) {
      const res = await api.get('/api/staff/prospects', staff.chen, { q });
      expect(res.status).toBe(200);
    }
    const all = await api.get('/api/staff/prospects', staff.manager, { pageSize: 100 });
    const prospects = (all.body as Page<ProspectSummary>).items;
    const ours = prospects.filter((p) => p.mobileMasked.endsWith('0417'));
    // The walk-in, the test-drive customer, the typed mobile (the rejection's call) and the order.
    expect(ours.map((p) => p.mobileMasked).sort()).toEqual([
      '139****0417',
      '159****0417',
      '177****0417',
      '186****0417',
    ]);
    for (const prospect of ours) {
      expect((await api.get(`/api/staff/prospects/${prospect.id}`, staff.manager)).status).toBe(200);
    }

    // The reveal: the full number to the store's staff only, each time logged.
    const reveal = await t.http
      .post(`/api/staff/prospects/${walkInId}/phone`)
      .set('authorization', `Bearer ${staff.chen}`)
      .set('content-type', 'application/json')
      .send('{}');
    expect(reveal.status).toBe(200);
    expect(reveal.body).toEqual({ prospectId: walkInId, phone: WALK_IN_PHONE } satisfies RevealedPhone);
    revealed.push(reveal);
    expectProblem(await api.post(`/api/staff/prospects/${walkInId}/phone`, staff.sz, {}), 404);
    expectProblem(await api.post(`/api/staff/prospects/${walkInId}/phone`, undefined, {}), 401);
    expectProblem(await api.post(`/api/staff/prospects/${walkInId}/phone`, wechatCustomer.token, {}), 403);
  });

  it('the follow-up inbox, task details, notifications and other failing requests', async () => {
    for (const token of [staff.chen, staff.wang, staff.manager, staff.admin]) {
      const inbox = await api.get('/api/staff/follow-ups', token, { pageSize: 100 });
      expect(inbox.status).toBe(200);
      for (const task of (inbox.body as Page<FollowUpTaskView>).items) {
        await api.get(`/api/staff/follow-ups/${task.id}`, token);
      }
    }
    expect((await api.get('/api/staff/follow-ups/stats', staff.manager)).status).toBe(200);
    for (const token of [staff.manager, staff.admin]) {
      expect((await api.get('/api/staff/notifications', token)).status).toBe(200);
    }
    await api.get('/api/surveys', wechatCustomer.token);
    await api.get('/api/me', wechatCustomer.token);

    // 401s, 403s, 404s and bad input that get logged.
    expectProblem(await api.get('/api/me'), 401);
    expectProblem(await api.get('/api/me', 'not-a-token'), 401);
    expectProblem(await api.get('/api/staff/prospects', wechatCustomer.token), 403);
    expectProblem(await api.get(`/api/staff/test-drives/${drive.id}`, staff.sz), 404);
    expectProblem(await api.get('/api/staff/prospects/999999', staff.chen), 404);
    expectProblem(await api.get('/api/test-drive/bookings/999999', wechatCustomer.token), 404);
    expectProblem(await api.get('/api/no-such-route'), 404);
    expectProblem(
      await api.post('/api/auth/staff/login', undefined, { username: BOUND_PHONE, password: LICENCE }),
      401,
    );
    expectProblem(await api.post('/api/auth/dev/login', undefined, { devUser: 'x', mobile: '123' }), 400);
    expectProblem(await raw('post', '/api/auth/wechat/login', undefined, `{"code":"${SESSION_KEY}`), 400);

    // Our own failure mid-registration (a table gone): a 500 whose stack is logged as an error.
    await t.dataSource.query('ALTER TABLE contact_logs RENAME TO contact_logs_away');
    try {
      const failed = await staffPost(
        staff.chen,
        'prospects',
        {
          storeId: demo.gz.id,
          name: '孙女士',
          phone: WALK_IN_PHONE,
          channel: 'inbound_call',
          note: `来电，驾驶证号 ${LICENCE}`,
        },
        { 'idempotency-key': idempotencyKey() },
      );
      expectProblem(failed, 500, 'internal_error');
    } finally {
      await t.dataSource.query('ALTER TABLE contact_logs_away RENAME TO contact_logs');
    }
  });

  describe('what was written and answered', () => {
    const logText = () => logs.lines;
    const answers = () => api.bodies.filter((body) => !revealed.some((res) => res.text === body));

    it('captured the request, application and error logs at the most verbose level', () => {
      const lines = logs.parsed();
      expect(lines.length).toBeGreaterThan(100);
      const requests = lines.filter((line) => typeof line.req === 'object' && line.req !== null);
      expect(requests.some((line) => (line.res as { statusCode?: number })?.statusCode === 201)).toBe(true);
      // 4xx answers are logged as warnings, with the path but not the query string.
      expect(lines.some((line) => line.level === 40 && (line.req as { url?: string })?.url)).toBe(true);
      expect(requests.every((line) => !(line.req as { url: string }).url.includes('?'))).toBe(true);
      expect(logText().some((line) => line.includes('WeChat /sns/jscode2session failed'))).toBe(true);
      expect(lines.some((line) => line.level === 50 && line.context === 'ProblemDetails')).toBe(true);
    });

    it('logs each reveal naming who revealed which prospect, without the number', () => {
      const reveals = logs
        .parsed()
        .filter((line) => line.event === 'prospect_phone_revealed' && line.prospectId === walkInId);
      expect(reveals).toEqual([
        expect.objectContaining({ staffId: chenId, prospectId: walkInId, storeId: demo.gz.id }),
      ]);
      expect(JSON.stringify(reveals)).not.toContain(WALK_IN_PHONE);
    });

    it('no log line carries a full phone number, licence number, session_key, app secret or access token', () => {
      const secrets = [
        ...PHONES,
        LICENCE,
        BAD_LICENCE,
        LICENCE.slice(6),
        SESSION_KEY,
        FAKE_WECHAT_APP_SECRET,
        LOGIN_CODE,
        PHONE_CODE,
        'fake-token-',
        ...accessTokens,
        surveyToken,
        encodeURIComponent(surveyToken),
      ];
      expect(surveyToken.length).toBeGreaterThan(10);
      for (const secret of secrets)
        expect({ secret, found: occurrences(logText(), secret) }).toEqual({ secret, found: [] });
      expect(occurrences(logText(), ANY_MOBILE)).toEqual([]);
      expect(occurrences(logText(), ANY_LICENCE)).toEqual([]);
    });

    it('no answer carries a full phone number (but the reveal), a licence number or the session_key', () => {
      expect(api.bodies.length).toBeGreaterThan(80);
      const secrets = [
        ...PHONES,
        LICENCE,
        BAD_LICENCE,
        LICENCE.slice(6),
        SESSION_KEY,
        FAKE_WECHAT_APP_SECRET,
        'fake-token-',
        ...accessTokens,
      ];
      for (const secret of secrets)
        expect({ secret, found: occurrences(answers(), secret) }).toEqual({ secret, found: [] });
      expect(occurrences(answers(), ANY_MOBILE)).toEqual([]);
      expect(occurrences(answers(), ANY_LICENCE)).toEqual([]);
    });

    it('shows phones as 138****8000 and licences as their region only', () => {
      const masked = answers().join('\n');
      for (const phone of PHONES) expect(masked).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      expect(masked).toContain(`${LICENCE.slice(0, 6)}${'*'.repeat(12)}`);
      for (const match of masked.matchAll(/"(?:mobileMasked|phoneMasked)":"([^"]*)"/g)) {
        expect(match[1]).toMatch(/^(1[3-9]\d\*{4}\d{4}|)$/);
      }
    });
  });
});
