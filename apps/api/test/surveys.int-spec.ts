import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  DEFAULT_SURVEY_TEMPLATES,
  localDateIn,
  weekdayOf,
  type LowScoreCase,
  type PendingSurvey,
  type SurveyForm,
  type SurveySubmitted,
} from '@dealer-care/domain';
import { createSurveyInvitation } from '../src/modules/surveys/create-survey-invitation.js';
import {
  completeTestDrive,
  DAY_MS,
  deliverOrder,
  GOOD_TEST_DRIVE_ANSWERS,
  invitationOf,
  newCustomer,
  outboxOf,
  pending,
  runDue,
  signerOf,
  type SurveyCustomer,
} from './support/survey-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import {
  Api,
  countRows,
  dbTime,
  loadDemo,
  localInstant,
  MINUTE,
  SlotPool,
  TZ,
  type Demo,
} from './support/test-drive-fixtures.js';

const FEEDBACK = DEFAULT_SURVEY_TEMPLATES.test_drive_feedback;
/** Questions shown before anything is answered (the "what went wrong" one waits for 1–2 stars). */
const SHOWN_AT_FIRST = FEEDBACK.questions.filter((question) => !question.showIf).length;
const CHINESE = /[\u4e00-\u9fff]/;

describe(`surveys: invitations and answering (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  let chenId: number;
  const staff: Record<'chen' | 'manager' | 'admin', string> = { chen: '', manager: '', admin: '' };

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    [staff.chen, staff.manager, staff.admin] = await Promise.all(
      ['gz.chen', 'gz.manager', 'admin'].map((u) => t.staffToken(u)),
    );
    demo = await loadDemo(t, staff.admin);
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
    const [chen] = (await t.dataSource.query(
      "SELECT id FROM staff_users WHERE username = 'gz.chen'",
    )) as Array<{
      id: number;
    }>;
    chenId = Number(chen!.id);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A customer whose completed test drive's feedback survey has reached them. */
  async function sentSurvey(
    name: string,
  ): Promise<{ customer: SurveyCustomer; survey: PendingSurvey; bookingId: number }> {
    const customer = await newCustomer(t, api, name);
    const booking = await completeTestDrive(t, api, demo, pool, customer, staff.chen);
    const list = await pending(api, customer.token);
    expect(list).toHaveLength(1);
    return { customer, survey: list[0]!, bookingId: booking.id };
  }

  const url = (token: string, tail = '') => `/api/surveys/${encodeURIComponent(token)}${tail}`;
  const open = (c: SurveyCustomer, token: string) => api.get(url(token), c.token);
  const progress = (c: SurveyCustomer, token: string, body: unknown) =>
    api.put(url(token, '/progress'), c.token, body);
  const submit = (c: SurveyCustomer, token: string, body: unknown) =>
    api.post(url(token, '/submit'), c.token, body);

  describe('invitations from journey events', () => {
    it('a completed test drive owes one feedback survey, sent at once with one outbox message', async () => {
      const customer = await newCustomer(t, api, 'td-invite');
      const before = Date.now();
      const booking = await completeTestDrive(t, api, demo, pool, customer, staff.chen);
      const row = await invitationOf(t, 'test_drive_completed', booking.id);
      expect(row).toMatchObject({
        kind: 'test_drive_feedback',
        status: 'scheduled',
        store_id: demo.gz.id,
        consultant_id: chenId,
        customer_id: customer.id,
        customer_mobile: customer.mobile,
        question_count: SHOWN_AT_FIRST,
        answered_count: 0,
      });
      expect(row.subject).toMatch(/^试驾 .+ · \d+月\d+日 · /);
      expect(row.subject).toContain(demo.gz.name);
      expect(row.send_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(row.send_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

      const list = await pending(api, customer.token);
      expect(list).toEqual([
        {
          token: expect.stringMatching(/^\d+\.\d+\.[A-Za-z0-9_-]{43}$/),
          kind: 'test_drive_feedback',
          title: '试乘试驾意见表',
          subject: row.subject,
          storeName: demo.gz.name,
          status: 'sent',
          answeredCount: 0,
          questionCount: SHOWN_AT_FIRST,
          sentAt: expect.any(String),
          expiresAt: expect.any(String),
        },
      ]);
      const [survey] = list;
      expect(new Date(survey!.expiresAt).getTime() - new Date(survey!.sentAt).getTime()).toBeGreaterThan(
        14 * DAY_MS - 1000,
      );
      const messages = await outboxOf(t, row.id);
      expect(messages).toEqual([
        expect.objectContaining({
          kind: 'survey_invited',
          customer_id: customer.id,
          page: `subpackages/survey/pages/answer/index?token=${encodeURIComponent(survey!.token)}`,
        }),
      ]);
      expect(messages[0]!.data).toMatchObject({
        storeName: demo.gz.name,
        remark: expect.stringMatching(CHINESE),
      });

      // The same event again (a retried hook) changes nothing; nor does asking again.
      await t.dataSource.transaction((manager) =>
        createSurveyInvitation(manager, {
          type: 'test_drive_completed',
          id: booking.id,
          at: new Date(),
          store: { id: demo.gz.id, name: demo.gz.name, timeZone: TZ },
          consultantId: chenId,
          customerId: customer.id,
          customerName: '张伟',
          customerMobile: customer.mobile,
          what: '试驾',
        }),
      );
      expect(
        await countRows(
          t,
          'SELECT COUNT(*) AS n FROM survey_invitations WHERE event_id = ? AND event_type = ?',
          [booking.id, 'test_drive_completed'],
        ),
      ).toBe(1);
      expect(await pending(api, customer.token)).toHaveLength(1);
      expect(await outboxOf(t, row.id)).toHaveLength(1);
      // A completed drive cannot be completed again, so no second event either.
      expectProblem(await api.post(`/api/staff/test-drives/${booking.id}/complete`, staff.chen, {}), 409);
    });

    it('a delivered car owes one purchase survey, sent the next store-local day at 10:00', async () => {
      const customer = await newCustomer(t, api, 'dl-invite');
      const order = await deliverOrder(api, demo, customer, staff.chen);
      const today = localDateIn(TZ, new Date());
      const row = await invitationOf(t, 'order_delivered', order.id);
      expect(row).toMatchObject({
        kind: 'sales_csi',
        status: 'scheduled',
        customer_id: customer.id,
        consultant_id: chenId,
        store_id: demo.gz.id,
      });
      expect(row.subject).toMatch(/^交车 .+ · \d+月\d+日 · /);
      expect(row.send_at.toISOString()).toBe(localInstant(addDays(today, 1), '10:00'));
      // Not before its time.
      expect(await pending(api, customer.token)).toEqual([]);
      expect((await runDue(t, new Date(row.send_at.getTime() - MINUTE), customer.id)).sent).toBe(0);
      expect((await runDue(t, new Date(row.send_at.getTime() + MINUTE), customer.id)).sent).toBe(1);
      const list = await pending(api, customer.token);
      expect(list.map((survey) => [survey.kind, survey.title, survey.status])).toEqual([
        ['sales_csi', '购车满意度调查', 'sent'],
      ]);
      expect(await outboxOf(t, row.id)).toEqual([expect.objectContaining({ kind: 'survey_invited' })]);
    });
  });

  describe('answering', () => {
    it('opens the version it was sent with, keeps progress, drops answers to hidden questions', async () => {
      const { customer, survey } = await sentSurvey('progress');
      const opened = await open(customer, survey.token);
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({
        token: survey.token,
        kind: 'test_drive_feedback',
        storeName: demo.gz.name,
        consultantName: '陈晓明',
        status: 'opened',
        template: { version: 1, title: FEEDBACK.title, intro: FEEDBACK.intro, thanks: FEEDBACK.thanks },
        answers: {},
        completedAt: null,
      });
      expect((opened.body as SurveyForm).template.questions.map((q) => q.key)).toEqual(
        FEEDBACK.questions.map((q) => q.key),
      );

      // "What went wrong" is shown only after 1–2 stars: without them its answer is not kept.
      const saved = await progress(customer, survey.token, {
        answers: { td_car: 4, problems: ['car'], comment: '  ' },
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ status: 'started', answers: { td_car: 4 } });
      const [listed] = await pending(api, customer.token);
      expect(listed).toMatchObject({ status: 'started', answeredCount: 1, questionCount: SHOWN_AT_FIRST });

      const low = await progress(customer, survey.token, {
        answers: { td_car: 4, overall: 1, problems: ['car'] },
      });
      expect(low.body).toMatchObject({ answers: { td_car: 4, overall: 1, problems: ['car'] } });
      const [again] = await pending(api, customer.token);
      expect(again).toMatchObject({ answeredCount: 3, questionCount: SHOWN_AT_FIRST + 1 });
      // Reopening keeps it started and shows the saved answers.
      expect((await open(customer, survey.token)).body).toMatchObject({
        status: 'started',
        answers: { td_car: 4, overall: 1, problems: ['car'] },
      });
    });

    it('scores through the API exactly as the hand-computed example, and opens a case for the consultant', async () => {
      const { customer, survey } = await sentSurvey('scoring');
      const res = await submit(customer, survey.token, {
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
          comment: '  等了很久才开始试驾  ',
        },
      });
      expect(res.status).toBe(200);
      const submitted = res.body as SurveySubmitted;
      expect(submitted).toEqual({
        token: survey.token,
        completedAt: expect.any(String),
        thanks: FEEDBACK.thanks,
      });

      // By hand: stars → (stars − 1) / 4 × 100; before = (100 + 75) / 2, during = (25 + 50) / 2, after = 0;
      // index = 10 × (35 × 87.5 + 40 × 37.5 + 25 × 0) / 100 = 456.25 → 456.
      const expectedIndex = Math.round((10 * (35 * 87.5 + 40 * 37.5 + 25 * 0)) / (35 + 40 + 25));
      expect(expectedIndex).toBe(456);
      const [response] = (await t.dataSource.query(
        'SELECT r.* FROM survey_responses r JOIN survey_invitations i ON i.id = r.invitation_id WHERE i.customer_id = ?',
        [customer.id],
      )) as Array<Record<string, unknown>>;
      expect(response).toBeDefined();
      expect({
        index: Number(response!.index_score),
        nps: Number(response!.nps),
        overall: Number(response!.overall),
        low: Boolean(Number(response!.low_score)),
        reasons: JSON.parse(String(response!.low_reasons)) as string[],
        answers: JSON.parse(String(response!.answers)) as Record<string, unknown>,
        consultant: Number(response!.consultant_id),
      }).toEqual({
        index: expectedIndex,
        nps: 5,
        overall: 2,
        low: true,
        reasons: [
          '「试驾过程」得分 37.5，低于 60 分',
          '「试驾后沟通」得分 0，低于 60 分',
          '整体满意度 2 星',
          '推荐意愿 5 分',
        ],
        answers: {
          td_car: 5,
          td_briefing: 4,
          td_route: 2,
          td_safety: 3,
          td_followup: 1,
          overall: 2,
          problems: ['waiting', 'pressure'],
          nps: 5,
          purchase_intent: 'within_30_days',
          comment: '等了很久才开始试驾',
        },
        consultant: chenId,
      });
      const completedAt = new Date(submitted.completedAt);
      const localDate = localDateIn(TZ, completedAt);
      expect(response!.local_date).toBe(localDate);
      expect(response!.local_week).toBe(addDays(localDate, 1 - weekdayOf(localDate)));
      const factors = (await t.dataSource.query(
        'SELECT factor_key, score FROM survey_factor_scores WHERE response_id = ? ORDER BY factor_key',
        [response!.id],
      )) as Array<{ factor_key: string; score: number | string }>;
      expect(factors.map((row) => [row.factor_key, Number(row.score)])).toEqual([
        ['td_after', 0],
        ['td_before', 87.5],
        ['td_during', 37.5],
      ]);

      const cases = (await api.get('/api/staff/satisfaction/cases', staff.chen)).body as LowScoreCase[];
      const mine = cases.find((entry) => entry.responseId === Number(response!.id));
      expect(mine).toMatchObject({
        storeId: demo.gz.id,
        storeName: demo.gz.name,
        kind: 'test_drive_feedback',
        mobileMasked: `${customer.mobile.slice(0, 3)}****${customer.mobile.slice(7)}`,
        consultant: { id: chenId, name: '陈晓明' },
        owner: { id: chenId, name: '陈晓明' },
        status: 'open',
        index: 456,
        nps: 5,
        reasons: [
          '「试驾过程」得分 37.5，低于 60 分',
          '「试驾后沟通」得分 0，低于 60 分',
          '整体满意度 2 星',
          '推荐意愿 5 分',
        ],
        comments: ['等了很久才开始试驾'],
        overdue: false,
        contactedAt: null,
        resolvedAt: null,
        notes: [],
      });
      expect(new Date(mine!.dueAt).getTime() - new Date(mine!.openedAt).getTime()).toBe(24 * 60 * MINUTE);
      expect(JSON.stringify(cases)).not.toContain(customer.mobile);
    });

    it('a good score is a response without a case; the pending list is empty afterwards', async () => {
      const { customer, survey } = await sentSurvey('good');
      expect((await submit(customer, survey.token, { answers: GOOD_TEST_DRIVE_ANSWERS })).status).toBe(200);
      const [response] = (await t.dataSource.query(
        'SELECT id, index_score, low_score FROM survey_responses WHERE customer_id = ?',
        [customer.id],
      )) as Array<{ id: number; index_score: number; low_score: number | boolean }>;
      expect(Number(response!.index_score)).toBe(1000);
      expect(Boolean(Number(response!.low_score))).toBe(false);
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM low_score_cases WHERE response_id = ?', [response!.id]),
      ).toBe(0);
      expect(await pending(api, customer.token)).toEqual([]);
      expect((await open(customer, survey.token)).body).toMatchObject({
        status: 'completed',
        completedAt: expect.any(String),
      });
    });

    it('answers once: a resubmission returns the first result, and concurrent submits make one response', async () => {
      const { customer, survey } = await sentSurvey('once');
      const first = await submit(customer, survey.token, { answers: GOOD_TEST_DRIVE_ANSWERS });
      expect(first.status).toBe(200);
      const changed = { ...GOOD_TEST_DRIVE_ANSWERS, overall: 1, problems: ['car'], nps: 0 };
      const again = await submit(customer, survey.token, { answers: changed });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      // Even an answer set that would not pass is answered with the first result: nothing is asked again.
      expect((await submit(customer, survey.token, { answers: {} })).body).toEqual(first.body);
      expectProblem(await progress(customer, survey.token, { answers: { td_car: 1 } }), 409, 'conflict');
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM survey_responses WHERE customer_id = ?', [customer.id]),
      ).toBe(1);
      const [stored] = (await t.dataSource.query('SELECT nps FROM survey_responses WHERE customer_id = ?', [
        customer.id,
      ])) as Array<{ nps: number }>;
      expect(Number(stored!.nps)).toBe(10);

      // Two phones (or a retry racing the first send) submitting at the same moment.
      const racer = await sentSurvey('race');
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((stars) =>
          submit(racer.customer, racer.survey.token, {
            answers: {
              ...GOOD_TEST_DRIVE_ANSWERS,
              td_car: stars,
              overall: stars,
              ...(stars <= 2 ? { problems: ['car'] } : {}),
            },
          }),
        ),
      );
      expect(results.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
      const completedAts = new Set(results.map((res) => (res.body as SurveySubmitted).completedAt));
      expect(completedAts.size).toBe(1);
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM survey_responses WHERE customer_id = ?', [
          racer.customer.id,
        ]),
      ).toBe(1);
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM low_score_cases WHERE customer_id = ?', [
          racer.customer.id,
        ]),
      ).toBeLessThanOrEqual(1);
    });

    it('refuses another customer’s token and every tampered token with the same 404', async () => {
      const { customer, survey } = await sentSurvey('owner');
      const stranger = await newCustomer(t, api, 'stranger');
      for (const res of [
        await open(stranger, survey.token),
        await progress(stranger, survey.token, { answers: { td_car: 5 } }),
        await submit(stranger, survey.token, { answers: GOOD_TEST_DRIVE_ANSWERS }),
      ]) {
        expectProblem(res, 404, 'not_found');
      }
      const [id, expires, signature] = survey.token.split('.') as [string, string, string];
      const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
      const tampered = [
        `${id}.${expires}.${flipped}`,
        `${Number(id) + 1}.${expires}.${signature}`,
        `${id}.${Number(expires) + 86_400}.${signature}`,
        `${id}.${expires}`,
        'not-a-token',
        `${id}.${expires}.${signature}x`,
      ];
      for (const token of tampered) {
        expectProblem(await open(customer, token), 404, 'not_found');
        expectProblem(await submit(customer, token, { answers: GOOD_TEST_DRIVE_ANSWERS }), 404, 'not_found');
      }
      // A correctly signed token of a survey not sent yet is no better.
      const other = await newCustomer(t, api, 'unsent');
      const order = await deliverOrder(api, demo, other, staff.chen);
      const unsent = await invitationOf(t, 'order_delivered', order.id);
      const forged = signerOf(t).sign(unsent.id, new Date(Date.now() + DAY_MS));
      expectProblem(await open(other, forged), 404, 'not_found');
      // The staff cannot use the customer routes at all.
      expectProblem(await api.get(url(survey.token), staff.chen), 403, 'forbidden');
      expect((await open(customer, survey.token)).status).toBe(200);
    });

    it('expires: after the dispatcher marks it, and at its expiry even before', async () => {
      const { customer, survey } = await sentSurvey('expiry');
      const sentAt = new Date(survey.sentAt);
      expect((await runDue(t, new Date(sentAt.getTime() + 13 * DAY_MS), customer.id)).expired).toBe(0);
      expect((await runDue(t, new Date(sentAt.getTime() + 14 * DAY_MS + MINUTE), customer.id)).expired).toBe(
        1,
      );
      for (const res of [
        await open(customer, survey.token),
        await progress(customer, survey.token, { answers: { td_car: 5 } }),
        await submit(customer, survey.token, { answers: GOOD_TEST_DRIVE_ANSWERS }),
      ]) {
        expectProblem(res, 409, 'conflict');
        expect((res.body as { detail: string }).detail).toBe('问卷已过期');
      }
      expect(await pending(api, customer.token)).toEqual([]);

      // Past its expiry, a survey the dispatcher has not reached yet is refused all the same.
      const late = await sentSurvey('late');
      const [id] = late.survey.token.split('.');
      const expiresAt = new Date(Math.floor((Date.now() - MINUTE) / 1000) * 1000);
      await t.dataSource.query('UPDATE survey_invitations SET sent_at = ?, expires_at = ? WHERE id = ?', [
        dbTime(new Date(expiresAt.getTime() - 14 * DAY_MS)),
        dbTime(expiresAt),
        Number(id),
      ]);
      const token = signerOf(t).sign(Number(id), expiresAt);
      const res = await submit(late.customer, token, { answers: GOOD_TEST_DRIVE_ANSWERS });
      expectProblem(res, 409, 'conflict');
      expect((res.body as { detail: string }).detail).toBe('问卷已过期');
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM survey_responses WHERE invitation_id = ?', [
          Number(id),
        ]),
      ).toBe(0);
    });
  });

  describe('bad input', () => {
    let customer: SurveyCustomer;
    let token: string;
    beforeAll(async () => {
      const sent = await sentSurvey('bad-input');
      customer = sent.customer;
      token = sent.survey.token;
    });

    const answerCases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['a rating out of range', { td_car: 6 }, 'answers.td_car', /1–5/],
      ['a rating that is not a whole number', { td_car: 4.5 }, 'answers.td_car', /1–5/],
      ['a rating as text', { td_car: '5' }, 'answers.td_car', /1–5/],
      ['a non-integer recommend score', { nps: 7.5 }, 'answers.nps', /0–10/],
      ['a recommend score out of range', { nps: 11 }, 'answers.nps', /0–10/],
      ['an unknown option', { purchase_intent: 'tomorrow' }, 'answers.purchase_intent', /有效选项/],
      [
        'a single choice given as a list',
        { purchase_intent: ['within_7_days'] },
        'answers.purchase_intent',
        /有效选项/,
      ],
      [
        'a multi choice with duplicates',
        { overall: 1, problems: ['car', 'car'] },
        'answers.problems',
        /重复/,
      ],
      [
        'a multi choice with an unknown option',
        { overall: 1, problems: ['car', 'weather'] },
        'answers.problems',
        /有效选项/,
      ],
      ['a multi choice that is not a list', { overall: 1, problems: 'car' }, 'answers.problems', /有效选项/],
      ['an oversize text', { comment: '好'.repeat(501) }, 'answers.comment', /500/],
      ['a text that is a number', { comment: 42 }, 'answers.comment', /文字/],
      ['an unknown question key', { weather: 5 }, 'answers.weather', /没有这道题/],
    ];

    it.each(answerCases)(
      'refuses %s on progress and on submit, saving nothing',
      async (_what, answers, field, message) => {
        for (const res of [
          await progress(customer, token, { answers }),
          await submit(customer, token, { answers: { ...GOOD_TEST_DRIVE_ANSWERS, ...answers } }),
        ]) {
          expectProblem(res, 400, 'validation_failed');
          const errors = (res.body as { errors: Array<{ field: string; message: string }> }).errors;
          expect(errors).toEqual([{ field, message: expect.stringMatching(message) }]);
          expect(errors[0]!.message).toMatch(CHINESE);
          expect((res.body as { detail: string }).detail).toMatch(CHINESE);
        }
        expect((await open(customer, token)).body).toMatchObject({ status: 'opened', answers: {} });
      },
    );

    it('refuses a submit missing required answers, naming each one', async () => {
      const res = await submit(customer, token, { answers: { td_car: 5, overall: 2 } });
      expectProblem(res, 400, 'validation_failed');
      const fields = (res.body as { errors: Array<{ field: string; message: string }> }).errors;
      const required = FEEDBACK.questions
        .filter((q) => q.required && q.key !== 'td_car' && q.key !== 'overall')
        .map((q) => `answers.${q.key}`);
      // "What went wrong" is required once 2 stars show it.
      expect(fields.map((row) => row.field).sort()).toEqual(required.sort());
      expect(fields.every((row) => row.message === '请回答此题')).toBe(true);
      // The same partial answers are fine as progress.
      expect((await progress(customer, token, { answers: { td_car: 5, overall: 2 } })).status).toBe(200);
      await progress(customer, token, { answers: {} });
    });

    it.each([
      ['an extra top-level field', { answers: {}, extra: 1 }, 'extra', /不支持此字段/],
      ['no answers at all', {}, 'answers', /请提交答案/],
      ['answers that are a list', { answers: [5, 4] }, 'answers', /答案格式不正确/],
      ['answers that are text', { answers: 'all good' }, 'answers', /答案格式不正确/],
      [
        'too many answers',
        { answers: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`q${i}`, 1])) },
        'answers',
        /最多 40/,
      ],
    ])('refuses %s with a Chinese field error', async (_what, body, field, message) => {
      for (const res of [await progress(customer, token, body), await submit(customer, token, body)]) {
        expectProblem(res, 400, 'validation_failed');
        expect((res.body as { errors: Array<{ field: string; message: string }> }).errors).toEqual([
          { field, message: expect.stringMatching(message) },
        ]);
      }
    });

    it('refuses a body that is not JSON or not an object', async () => {
      const raw = await t.http
        .post(url(token, '/submit'))
        .set('authorization', `Bearer ${customer.token}`)
        .set('content-type', 'application/json')
        .send('{"answers": {');
      expectProblem(raw as never, 400);
      expectProblem(await submit(customer, token, [1, 2]), 400);
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM survey_responses WHERE customer_id = ?', [customer.id]),
      ).toBe(0);
    });
  });
});
