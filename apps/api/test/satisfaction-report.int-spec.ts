import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  localWeekStart,
  type Page,
  type SatisfactionSummary,
  type SurveyResponseDetail,
  type SurveyResponseListItem,
  type TestDriveBooking,
} from '@dealer-care/domain';
import {
  completeTestDrive,
  DAY_MS,
  GOOD_TEST_DRIVE_ANSWERS,
  newCustomer,
  pending,
  runDue,
  type SurveyCustomer,
} from './support/survey-fixtures.js';
import { SATISFACTION_CSV_MAX_ROWS } from '../src/modules/surveys/satisfaction-report.service.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import {
  Api,
  dbTime,
  loadDemo,
  MINUTE,
  SlotPool,
  todayInStore,
  type Demo,
} from './support/test-drive-fixtures.js';

const CHINESE = /[\u4e00-\u9fff]/;
const SUMMARY = '/api/staff/satisfaction/summary';
const RESPONSES = '/api/staff/satisfaction/responses';
const CSV = '/api/staff/satisfaction/responses.csv';
const KIND = { kind: 'test_drive_feedback' };

/** A comment a spreadsheet would run as a formula, with a quote and a comma in it. */
const HOSTILE_COMMENT = '=HYPERLINK("http://evil.example"),"等太久"';

/**
 * The dashboard over a small data set made through the real flow (test drive completed →
 * invitation → customer opens / saves / submits; dispatcher holds, drops and expires), after the
 * demo seed's surveys are checked and cleared. Every expected number is worked out by hand below.
 */
describe(`satisfaction dashboard (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  const pools: Record<'gz' | 'sz', SlotPool | null> = { gz: null, sz: null };
  const staff: Record<'chen' | 'wang' | 'manager' | 'szManager' | 'liu' | 'admin', string> = {
    chen: '',
    wang: '',
    manager: '',
    szManager: '',
    liu: '',
    admin: '',
  };
  const ids: Record<string, number> = {};
  /** Response ids by customer letter. */
  const responseOf: Record<string, number> = {};
  const customers: Record<string, SurveyCustomer> = {};

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    [staff.chen, staff.wang, staff.manager, staff.szManager, staff.liu, staff.admin] = await Promise.all(
      ['gz.chen', 'gz.wang', 'gz.manager', 'sz.manager', 'sz.liu', 'admin'].map((u) => t.staffToken(u)),
    );
    demo = await loadDemo(t, staff.admin);
    const rows = (await t.dataSource.query('SELECT id, username FROM staff_users')) as Array<{
      id: number;
      username: string;
    }>;
    for (const row of rows) ids[row.username] = Number(row.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async <T>(path: string, token: string, query: Record<string, string | number> = {}) => {
    const res = await api.get(path, token, query);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
    return res.body as T;
  };
  const summary = (token: string, query: Record<string, string | number> = {}) =>
    get<SatisfactionSummary>(SUMMARY, token, { ...KIND, ...query });

  /** Books, confirms, checks in and completes a test drive at the store with `staffToken` as consultant. */
  async function completeDrive(
    store: 'gz' | 'sz',
    customer: SurveyCustomer,
    staffToken: string,
  ): Promise<TestDriveBooking> {
    const target = store === 'gz' ? demo.gz : demo.sz;
    const modelId = demo.models['YL-S5']!.id;
    pools[store] ??= await SlotPool.load(t, target.id, modelId);
    return completeTestDrive(t, api, demo, pools[store], customer, staffToken, {
      storeId: target.id,
      modelId,
    });
  }

  /** The customer's one pending survey token. */
  async function surveyToken(customer: SurveyCustomer): Promise<string> {
    const list = await pending(api, customer.token);
    expect(list).toHaveLength(1);
    return encodeURIComponent(list[0]!.token);
  }

  async function submit(customer: SurveyCustomer, answers: Record<string, unknown>): Promise<void> {
    const token = await surveyToken(customer);
    const res = await api.post(`/api/surveys/${token}/submit`, customer.token, { answers });
    if (res.status !== 200) throw new Error(`submit: ${res.status} ${res.text}`);
  }

  it('starts from the demo seed: three months of answered surveys with a weak factor and a weak consultant', async () => {
    const seeded = await summary(staff.admin);
    expect(seeded.overall.responses).toBeGreaterThan(150);
    expect(seeded.byWeek.length).toBeGreaterThanOrEqual(12);
    expect(seeded.byStore.map((row) => row.storeName).sort()).toEqual([demo.gz.name, demo.sz.name].sort());
    expect(seeded.byFactor[0]!.key).toBe('td_after');
    const weakest = [...seeded.byConsultant].sort((a, b) => a.index! - b.index!)[0]!;
    expect(weakest.consultantName).toBe('赵敏');
    expect(weakest.auditScore).not.toBeNull();
    expect(seeded.funnel.completed).toBeGreaterThan(0);
    expect(seeded.funnel.expired + seeded.funnel.held + seeded.funnel.dropped).toBeGreaterThan(0);
    expect(seeded.cases.open + seeded.cases.contacted + seeded.cases.resolved).toBeGreaterThan(0);
    expect(seeded.overall.responses).toBe(seeded.byStore.reduce((sum, row) => sum + row.responses, 0));
    const sales = await summary(staff.admin, { kind: 'sales_csi' });
    expect(sales.overall.responses).toBeGreaterThan(30);
    expect(sales.byFactor.map((row) => row.key).slice(0, 2)).toContain('pre_visit');

    // The rest of this file counts only what it makes itself.
    for (const table of [
      'low_score_cases',
      'survey_factor_scores',
      'survey_responses',
      'survey_invitations',
      'process_audits',
    ]) {
      await t.dataSource.query(`DELETE FROM ${table}`);
    }
    const empty = await summary(staff.admin);
    expect(empty.overall).toEqual({
      responses: 0,
      index: null,
      nps: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
      lowScores: 0,
    });
    expect(empty.funnel).toMatchObject({ invited: 0, responseRate: null, medianHoursToAnswer: null });
    // Nothing scored yet: the template's factors in its own order.
    expect(empty.byFactor.map((row) => [row.key, row.score, row.responses])).toEqual([
      ['td_before', null, 0],
      ['td_during', null, 0],
      ['td_after', null, 0],
    ]);
  });

  it('builds the data set through the real flow', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) {
      customers[name] = await newCustomer(t, api, `sat-${name}`);
    }
    const { A, B, C, D, E, F, G, H } = customers as Record<string, SurveyCustomer>;
    await completeDrive('gz', A!, staff.chen);
    await completeDrive('gz', B!, staff.chen);
    await completeDrive('gz', C!, staff.wang);
    await completeDrive('sz', D!, staff.liu);
    await completeDrive('gz', E!, staff.chen);
    await completeDrive('gz', F!, staff.chen);
    await completeDrive('gz', G!, staff.wang);
    await completeDrive('gz', H!, staff.wang);

    // A: all five stars → 1000, NPS 10 (promoter).
    await submit(A!, GOOD_TEST_DRIVE_ANSWERS);
    // B: before 4+5 → 87.5, during 4+4 → 75, after 3 → 50 (low);
    //    index = (35×87.5 + 40×75 + 25×50) / 100 × 10 = 731.25 → 731; NPS 8 (passive).
    await submit(B!, {
      ...GOOD_TEST_DRIVE_ANSWERS,
      td_car: 4,
      td_route: 4,
      td_safety: 4,
      td_followup: 3,
      overall: 4,
      nps: 8,
    });
    // C: before 5+4 → 87.5, during 100, after 4 → 75; index = (3062.5 + 4000 + 1875) / 10 = 893.75 → 894; NPS 9.
    await submit(C!, { ...GOOD_TEST_DRIVE_ANSWERS, td_briefing: 4, td_followup: 4, nps: 9 });
    // D (Shenzhen): all four stars → 750; overall 2 stars and NPS 6 (detractor) → low.
    await submit(D!, {
      td_car: 4,
      td_briefing: 4,
      td_route: 4,
      td_safety: 4,
      td_followup: 4,
      overall: 2,
      problems: ['waiting', 'pressure'],
      nps: 6,
      purchase_intent: 'not_sure',
      comment: HOSTILE_COMMENT,
    });
    // E opens the survey; F saves progress; G ignores it; H lets it expire.
    expect((await api.get(`/api/surveys/${await surveyToken(E!)}`, E!.token)).status).toBe(200);
    expect(
      (await api.put(`/api/surveys/${await surveyToken(F!)}/progress`, F!.token, { answers: { td_car: 5 } }))
        .status,
    ).toBe(200);
    await pending(api, G!.token);
    await pending(api, H!.token);
    await runDue(t, new Date(Date.now() + 15 * DAY_MS), H!.id);

    // A's second drive is held by the contact budget; B's by the open low-score case, then dropped.
    await completeDrive('gz', A!, staff.chen);
    await completeDrive('gz', B!, staff.chen);
    expect(await pending(api, A!.token)).toEqual([]);
    expect(await pending(api, B!.token)).toEqual([]);
    await runDue(t, new Date(Date.now() + 15 * DAY_MS), B!.id);

    const rows = (await t.dataSource.query(
      'SELECT r.id, r.customer_id FROM survey_responses r ORDER BY r.id',
    )) as Array<{ id: number; customer_id: number }>;
    for (const [name, customer] of Object.entries(customers)) {
      const row = rows.find((r) => Number(r.customer_id) === customer.id);
      if (row) responseOf[name] = Number(row.id);
    }
    expect(Object.keys(responseOf).sort()).toEqual(['A', 'B', 'C', 'D']);
    const statuses = (await t.dataSource.query(
      'SELECT status, COUNT(*) AS n FROM survey_invitations GROUP BY status ORDER BY status',
    )) as Array<{ status: string; n: number }>;
    expect(statuses.map((row) => [row.status, Number(row.n)])).toEqual([
      ['completed', 4],
      ['dropped', 1],
      ['expired', 1],
      ['held', 1],
      ['opened', 1],
      ['sent', 1],
      ['started', 1],
    ]);

    // Answering took 30, 90, 600 and 45 minutes (the real submits took seconds).
    for (const [name, minutes] of [
      ['A', 30],
      ['B', 90],
      ['C', 600],
      ['D', 45],
    ] as const) {
      await t.dataSource.query('UPDATE survey_responses SET minutes_to_answer = ? WHERE id = ?', [
        minutes,
        responseOf[name],
      ]);
    }
    // B's case is called but overdue; D's is resolved in time.
    const cases = (await t.dataSource.query(
      'SELECT id, response_id FROM low_score_cases ORDER BY id',
    )) as Array<{
      id: number;
      response_id: number;
    }>;
    expect(cases.map((row) => Number(row.response_id))).toEqual([responseOf.B, responseOf.D]);
    const caseOf = (name: string) =>
      Number(cases.find((row) => Number(row.response_id) === responseOf[name])!.id);
    const progress = async (token: string, id: number, status: string) => {
      const res = await api.post(`/api/staff/satisfaction/cases/${id}/progress`, token, {
        status,
        note: '已电话联系客户，了解情况',
      });
      if (res.status !== 200) throw new Error(`case: ${res.status} ${res.text}`);
    };
    await progress(staff.chen, caseOf('B'), 'contacted');
    await progress(staff.liu, caseOf('D'), 'resolved');
    await t.dataSource.query('UPDATE low_score_cases SET due_at = ? WHERE id = ?', [
      dbTime(new Date(Date.now() - 60 * MINUTE)),
      caseOf('B'),
    ]);

    // Chen's audits: everything done (100), then everything but the delivery step (100 − 40 = 60).
    const template = (await get<{
      steps: Array<{ key: string; groups: Array<{ items: Array<{ key: string }> }> }>;
    }>('/api/staff/process-audits/template', staff.manager)) as {
      steps: Array<{ key: string; groups: Array<{ items: Array<{ key: string }> }> }>;
    };
    const marks = (done: (step: string) => boolean) =>
      Object.fromEntries(
        template.steps.flatMap((step) =>
          step.groups.flatMap((group) => group.items.map((item) => [item.key, done(step.key)])),
        ),
      );
    for (const [body, total] of [
      [marks(() => true), 100],
      [marks((step) => step !== 'delivery'), 60],
    ] as const) {
      const res = await api.post(`/api/staff/stores/${demo.gz.id}/process-audits`, staff.manager, {
        consultantId: ids['gz.chen'],
        auditorKind: 'manager',
        marks: body,
      });
      expect(res.status).toBe(201);
      expect(res.body.score.total).toBe(total);
    }
  });

  it('adds up the whole group for an admin, exactly as computed by hand', async () => {
    const today = todayInStore();
    const all = await summary(staff.admin);
    expect(all).toMatchObject({ kind: 'test_drive_feedback', from: addDays(today, -89), to: today });
    // (1000 + 731 + 894 + 750) / 4 = 843.75 → 844; NPS (2 promoters − 1 detractor) / 4 = 25.
    expect(all.overall).toEqual({
      responses: 4,
      index: 844,
      nps: 25,
      promoters: 2,
      passives: 1,
      detractors: 1,
      lowScores: 2,
    });
    // Sent: A B C D E F G H; opened: all but G; started: A–D (completed) and F; H expired.
    // Held: A's second; dropped: B's second. Median of 30, 45, 90, 600 min = 67.5 min = 1.1 h.
    expect(all.funnel).toEqual({
      invited: 8,
      opened: 6,
      started: 5,
      completed: 4,
      expired: 1,
      held: 1,
      dropped: 1,
      responseRate: 0.5,
      medianHoursToAnswer: 1.1,
    });
    expect(all.byWeek).toEqual([{ week: localWeekStart(today), ...all.overall }]);
    expect(all.byStore).toEqual([
      {
        storeId: demo.gz.id,
        storeName: demo.gz.name,
        responses: 3,
        index: 875, // (1000 + 731 + 894) / 3
        nps: 66.7, // 2 of 3 promoters
        promoters: 2,
        passives: 1,
        detractors: 0,
        lowScores: 1,
      },
      {
        storeId: demo.sz.id,
        storeName: demo.sz.name,
        responses: 1,
        index: 750,
        nps: -100,
        promoters: 0,
        passives: 0,
        detractors: 1,
        lowScores: 1,
      },
    ]);
    // Best index first. Chen: (1000 + 731) / 2 = 865.5 → 866, latest audit 60.
    expect(all.byConsultant).toEqual([
      {
        consultantId: ids['gz.wang'],
        consultantName: '王丽',
        auditScore: null,
        responses: 1,
        index: 894,
        nps: 100,
        promoters: 1,
        passives: 0,
        detractors: 0,
        lowScores: 0,
      },
      {
        consultantId: ids['gz.chen'],
        consultantName: '陈晓明',
        auditScore: 60,
        responses: 2,
        index: 866,
        nps: 50,
        promoters: 1,
        passives: 1,
        detractors: 0,
        lowScores: 1,
      },
      {
        consultantId: ids['sz.liu'],
        consultantName: '刘洋',
        auditScore: null,
        responses: 1,
        index: 750,
        nps: -100,
        promoters: 0,
        passives: 0,
        detractors: 1,
        lowScores: 1,
      },
    ]);
    // before (100 + 87.5 + 87.5 + 75) / 4 = 87.5; during (100 + 75 + 100 + 75) / 4 = 87.5;
    // after (100 + 50 + 75 + 75) / 4 = 75. Weakest first; a tie goes to the heavier factor.
    expect(all.byFactor).toEqual([
      { key: 'td_after', label: '试驾后沟通', weight: 25, score: 75, responses: 4 },
      { key: 'td_during', label: '试驾过程', weight: 40, score: 87.5, responses: 4 },
      { key: 'td_before', label: '试驾前准备', weight: 35, score: 87.5, responses: 4 },
    ]);
    expect(all.cases).toEqual({ open: 0, contacted: 1, resolved: 1, overdue: 1, closedOnTimeRate: 1 });
  });

  it('limits consultants and managers to their own store, and lets an admin pick one', async () => {
    const gzOnly = await summary(staff.chen);
    // (1000 + 731 + 894) / 3 = 875; median of 30, 90, 600 min = 1.5 h.
    expect(gzOnly.overall).toMatchObject({ responses: 3, index: 875, nps: 66.7, lowScores: 1 });
    expect(gzOnly.funnel).toMatchObject({ invited: 7, completed: 3, medianHoursToAnswer: 1.5 });
    expect(gzOnly.byStore.map((row) => row.storeId)).toEqual([demo.gz.id]);
    expect(gzOnly.byConsultant.map((row) => row.consultantName)).toEqual(['王丽', '陈晓明']);
    expect(gzOnly.cases).toEqual({ open: 0, contacted: 1, resolved: 0, overdue: 1, closedOnTimeRate: null });
    expect((await summary(staff.manager, { storeId: demo.gz.id })).overall.responses).toBe(3);

    for (const token of [staff.chen, staff.manager]) {
      expectProblem(
        await api.get(SUMMARY, token, { ...KIND, storeId: demo.sz.id }),
        403,
        'out_of_store_scope',
      );
      expectProblem(
        await api.get(RESPONSES, token, { ...KIND, storeId: demo.sz.id }),
        403,
        'out_of_store_scope',
      );
      expectProblem(await api.get(CSV, token, { ...KIND, storeId: demo.sz.id }), 403, 'out_of_store_scope');
    }
    const szOnly = await summary(staff.admin, { storeId: demo.sz.id });
    expect(szOnly.overall).toMatchObject({ responses: 1, index: 750, nps: -100 });
    expect(szOnly.funnel).toMatchObject({ invited: 1, opened: 1, completed: 1, medianHoursToAnswer: 0.8 });
    expect(szOnly.cases).toEqual({ open: 0, contacted: 0, resolved: 1, overdue: 0, closedOnTimeRate: 1 });
    expect((await summary(staff.szManager)).overall.responses).toBe(1);
    expectProblem(await api.get(SUMMARY, staff.admin, { ...KIND, storeId: 999_999 }), 404, 'not_found');

    // Another kind and a range before today are empty.
    expect((await summary(staff.admin, { kind: 'sales_csi' })).overall.responses).toBe(0);
    const before = await summary(staff.admin, { from: '2025-01-01', to: '2025-12-31' });
    expect(before.overall.responses).toBe(0);
    expect(before.funnel.invited).toBe(0);
  });

  it('refuses bad filters with a Chinese 400 problem', async () => {
    const today = todayInStore();
    const cases: Array<[string, Record<string, string | number>, string]> = [
      [SUMMARY, {}, 'kind'],
      [SUMMARY, { kind: 'nps' }, 'kind'],
      [SUMMARY, { ...KIND, from: '2026/01/01' }, 'from'],
      [SUMMARY, { ...KIND, from: '2026-02-30' }, 'from'],
      [SUMMARY, { ...KIND, to: '2026-13-01' }, 'to'],
      [SUMMARY, { ...KIND, from: today, to: addDays(today, -1) }, 'from'],
      [SUMMARY, { ...KIND, from: addDays(today, -366), to: today }, 'from'],
      [SUMMARY, { ...KIND, storeId: 'gz' }, 'storeId'],
      [SUMMARY, { ...KIND, storeId: 0 }, 'storeId'],
      [SUMMARY, { ...KIND, lowOnly: 'true' }, 'lowOnly'],
      [SUMMARY, { ...KIND, surprise: 1 }, 'surprise'],
      [RESPONSES, { ...KIND, pageSize: 101 }, 'pageSize'],
      [RESPONSES, { ...KIND, pageSize: 0 }, 'pageSize'],
      [RESPONSES, { ...KIND, page: 0 }, 'page'],
      [RESPONSES, { ...KIND, page: '1.5' }, 'page'],
      [RESPONSES, { ...KIND, lowOnly: 'maybe' }, 'lowOnly'],
      [RESPONSES, { ...KIND, consultantId: -3 }, 'consultantId'],
      [RESPONSES, { ...KIND, sort: 'id' }, 'sort'],
      [CSV, { kind: 'all' }, 'kind'],
      [CSV, { ...KIND, page: 1 }, 'page'],
      [CSV, { ...KIND, from: addDays(today, 1), to: today }, 'from'],
    ];
    for (const [path, query, field] of cases) {
      const res = await api.get(path, staff.admin, query);
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(res.body.detail).toMatch(CHINESE);
    }
    // 366 days in all is the longest range allowed.
    expect((await summary(staff.admin, { from: addDays(today, -365), to: today })).overall.responses).toBe(4);
    expectProblem(await api.get(SUMMARY, undefined, KIND), 401);
  });

  describe('responses', () => {
    it('lists newest first, a page at a time, with the low-only and consultant filters', async () => {
      const all = await get<Page<SurveyResponseListItem>>(RESPONSES, staff.admin, KIND);
      expect(all).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      expect(all.items.map((item) => item.id)).toEqual(
        [responseOf.D, responseOf.C, responseOf.B, responseOf.A].map(Number),
      );
      expect(all.items[0]).toEqual({
        id: responseOf.D,
        kind: 'test_drive_feedback',
        storeId: demo.sz.id,
        storeName: demo.sz.name,
        consultantName: '刘洋',
        customerName: '张伟',
        subject: expect.stringContaining('试驾'),
        completedAt: expect.stringMatching(/Z$/),
        index: 750,
        nps: 6,
        overall: 2,
        lowScore: true,
      });
      const second = await get<Page<SurveyResponseListItem>>(RESPONSES, staff.admin, {
        ...KIND,
        page: 2,
        pageSize: 3,
      });
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(second.items.map((item) => item.id)).toEqual([responseOf.A]);
      const low = await get<Page<SurveyResponseListItem>>(RESPONSES, staff.admin, {
        ...KIND,
        lowOnly: 'true',
      });
      expect(low.items.map((item) => item.id)).toEqual([responseOf.D, responseOf.B]);
      const notLow = await get<Page<SurveyResponseListItem>>(RESPONSES, staff.admin, {
        ...KIND,
        lowOnly: 'false',
      });
      expect(notLow.total).toBe(4);
      const chen = await get<Page<SurveyResponseListItem>>(RESPONSES, staff.admin, {
        ...KIND,
        consultantId: ids['gz.chen']!,
      });
      expect(chen.items.map((item) => item.id)).toEqual([responseOf.B, responseOf.A]);
      const gz = await get<Page<SurveyResponseListItem>>(RESPONSES, staff.wang, KIND);
      expect(gz.total).toBe(3);
      expect(gz.items.every((item) => item.storeId === demo.gz.id)).toBe(true);
    });

    it('shows one response question by question; another store’s is 404', async () => {
      const detail = await get<SurveyResponseDetail>(`${RESPONSES}/${responseOf.B}`, staff.chen);
      expect(detail).toMatchObject({
        id: responseOf.B,
        templateVersion: 1,
        index: 731,
        lowScore: true,
        score: {
          index: 731,
          nps: 8,
          npsGroup: 'passive',
          overall: 4,
          lowScore: true,
          lowScoreReasons: ['「试驾后沟通」得分 50，低于 60 分'],
        },
      });
      expect(detail.score.factors).toEqual([
        { key: 'td_before', label: '试驾前准备', weight: 35, score: 87.5 },
        { key: 'td_during', label: '试驾过程', weight: 40, score: 75 },
        { key: 'td_after', label: '试驾后沟通', weight: 25, score: 50 },
      ]);
      // The "what went wrong" question was not shown (overall 4 stars), so it is not listed.
      expect(detail.answers.map((answer) => [answer.key, answer.answer])).toEqual([
        ['td_car', '4 星'],
        ['td_briefing', '5 星'],
        ['td_route', '4 星'],
        ['td_safety', '4 星'],
        ['td_followup', '3 星'],
        ['overall', '4 星'],
        ['nps', '8 分'],
        ['purchase_intent', '7 天内'],
        ['comment', '体验很好'],
      ]);
      expect(detail.answers[0]).toMatchObject({ type: 'rating', title: expect.stringMatching(CHINESE) });

      const d = await get<SurveyResponseDetail>(`${RESPONSES}/${responseOf.D}`, staff.szManager);
      expect(d.answers.find((answer) => answer.key === 'problems')?.answer).toBe(
        '等待时间太长、试驾后被催促签约',
      );
      expect(d.score.lowScoreReasons).toEqual(['整体满意度 2 星', '推荐意愿 6 分']);
      expectProblem(await api.get(`${RESPONSES}/${responseOf.D}`, staff.chen), 404, 'not_found');
      expectProblem(await api.get(`${RESPONSES}/${responseOf.D}`, staff.manager), 404, 'not_found');
      expectProblem(await api.get(`${RESPONSES}/999999`, staff.admin), 404, 'not_found');
      expectProblem(await api.get(`${RESPONSES}/abc`, staff.admin), 400, 'validation_failed');
      expectProblem(await api.get(`${RESPONSES}/${responseOf.A}`, customers.A!.token), 403, 'forbidden');
    });
  });

  describe('CSV export', () => {
    /** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
    function parseCsv(text: string): string[][] {
      const records: string[][] = [];
      let field = '';
      let record: string[] = [];
      let quoted = false;
      for (let i = 0; i < text.length; i++) {
        const char = text[i]!;
        if (quoted) {
          if (char === '"' && text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (char === '"') quoted = false;
          else field += char;
        } else if (char === '"') quoted = true;
        else if (char === ',') {
          record.push(field);
          field = '';
        } else if (char === '\r' && text[i + 1] === '\n') {
          record.push(field);
          records.push(record);
          record = [];
          field = '';
          i++;
        } else field += char;
      }
      return records;
    }

    it('exports every response with a BOM, a Chinese header, masked mobiles and guarded cells', async () => {
      const res = await t.http.get(CSV).query(KIND).set('authorization', `Bearer ${staff.admin}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const today = todayInStore();
      const from = addDays(today, -89);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="satisfaction-test_drive_feedback-${from}-${today}.csv"; filename*=UTF-8''${encodeURIComponent(
          `满意度-试乘试驾意见表-${from}至${today}.csv`,
        )}`,
      );
      const text = res.text;
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header!.slice(0, 15)).toEqual([
        '问卷编号',
        '问卷类型',
        '门店',
        '销售顾问',
        '客户姓名',
        '手机号（已脱敏）',
        '调查事项',
        '完成时间（门店当地）',
        '答题用时（分钟）',
        '问卷版本',
        '满意度指数（1000分制）',
        '推荐意愿（0–10）',
        '整体满意度（星）',
        '低分',
        '低分原因',
      ]);
      expect(header!.slice(15, 18)).toEqual(['得分：试驾前准备', '得分：试驾过程', '得分：试驾后沟通']);
      expect(header).toContain('试驾车是否干净整洁、车况良好？（星）');
      expect(header).toContain('还有什么想告诉我们的吗？');
      expect(rows).toHaveLength(4);
      expect(rows.every((row) => row.length === header!.length)).toBe(true);
      const column = (name: string) => header!.indexOf(name);
      const byId = new Map(rows.map((row) => [Number(row[0]), row]));

      const d = byId.get(responseOf.D!)!;
      expect(d[column('门店')]).toBe(demo.sz.name);
      expect(d[column('手机号（已脱敏）')]).toBe(
        `${customers.D!.mobile.slice(0, 3)}****${customers.D!.mobile.slice(7)}`,
      );
      expect(d[column('答题用时（分钟）')]).toBe('45');
      expect(d[column('满意度指数（1000分制）')]).toBe('750');
      expect(d[column('低分')]).toBe('是');
      expect(d[column('低分原因')]).toBe('整体满意度 2 星；推荐意愿 6 分');
      expect(d[column('还有什么想告诉我们的吗？')]).toBe(`'${HOSTILE_COMMENT}`);
      expect(d[column('总体而言，您对这次试乘试驾满意吗？（星）')]).toBe('2');
      expect(d.some((cell) => cell === '等待时间太长、试驾后被催促签约')).toBe(true);
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example""),""等太久"""`);

      const b = byId.get(responseOf.B!)!;
      expect(b[column('得分：试驾后沟通')]).toBe('50');
      expect(b[column('得分：试驾前准备')]).toBe('87.5');
      expect(b[column('完成时间（门店当地）')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      for (const customer of Object.values(customers)) expect(text).not.toContain(customer.mobile);
    });

    it('applies the same filters and scope as the list', async () => {
      const rowsOf = async (token: string, query: Record<string, string | number>) => {
        const res = await t.http.get(CSV).query(query).set('authorization', `Bearer ${token}`);
        expect(res.status).toBe(200);
        return res.text.split('\r\n').filter(Boolean).length - 1;
      };
      expect(await rowsOf(staff.admin, { ...KIND, lowOnly: 'true' })).toBe(2);
      expect(await rowsOf(staff.chen, KIND)).toBe(3);
      expect(await rowsOf(staff.admin, { ...KIND, consultantId: ids['sz.liu']! })).toBe(1);
      expect(await rowsOf(staff.admin, { kind: 'sales_csi' })).toBe(0);
    });

    it(`refuses more than ${SATISFACTION_CSV_MAX_ROWS} rows with a 400 that says how to narrow it`, async () => {
      // 50,001 bare service responses, generated in SQL (a cross join of digits works on both databases).
      const digits =
        '(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)';
      const [template] = (await t.dataSource.query(
        "SELECT id FROM survey_templates WHERE kind = 'service_ssi' AND active = ?",
        [1],
      )) as Array<{ id: number }>;
      const now = dbTime(new Date());
      const today = todayInStore();
      await t.dataSource.query(
        `INSERT INTO survey_invitations (kind, template_id, event_type, event_id, store_id, customer_name,
           customer_mobile, subject, status, send_at, sent_at, completed_at, answers, answered_count, question_count)
         SELECT 'service_ssi', ?, 'service_completed', 800000000 + n, ?, '批量', '17600009999', '保养', 'completed',
           ?, ?, ?, '{}', 0, 0
         FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
               FROM ${digits} a CROSS JOIN ${digits} b CROSS JOIN ${digits} c CROSS JOIN ${digits} e
               CROSS JOIN ${digits} f) seq
         WHERE n <= ${SATISFACTION_CSV_MAX_ROWS}`,
        [Number(template!.id), demo.gz.id, now, now, now],
      );
      await t.dataSource.query(
        `INSERT INTO survey_responses (invitation_id, template_id, kind, store_id, completed_at, local_date,
           local_week, minutes_to_answer, low_score, low_reasons, answers)
         SELECT id, template_id, kind, store_id, completed_at, ?, ?, 0, 0, '[]', '{}'
         FROM survey_invitations WHERE event_type = 'service_completed' AND event_id >= 800000000`,
        [today, localWeekStart(today)],
      );
      const res = await api.get(CSV, staff.admin, { kind: 'service_ssi' });
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.detail).toBe(
        `所选范围内有 ${SATISFACTION_CSV_MAX_ROWS + 1} 份问卷，单次最多导出 ${SATISFACTION_CSV_MAX_ROWS} 份，请缩短日期范围或按门店导出`,
      );
      // One store fewer is within the limit; the summary of all of them still answers.
      const sz = await t.http
        .get(CSV)
        .query({ kind: 'service_ssi', storeId: demo.sz.id })
        .set('authorization', `Bearer ${staff.admin}`);
      expect(sz.status).toBe(200);
      expect((await summary(staff.admin, { kind: 'service_ssi' })).overall.responses).toBe(
        SATISFACTION_CSV_MAX_ROWS + 1,
      );
    });
  });
});
