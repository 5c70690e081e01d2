import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { In } from 'typeorm';
import {
  DEFAULT_SURVEY_TEMPLATES,
  SURVEY_KINDS,
  type LowScoreCase,
  type SurveyForm,
  type SurveyTemplate,
  type SurveyTemplateContent,
} from '@dealer-care/domain';
import {
  completeTestDrive,
  GOOD_TEST_DRIVE_ANSWERS,
  newCustomer,
  pending,
  type SurveyCustomer,
} from './support/survey-fixtures.js';
import { LowScoreCaseEntity } from '../src/modules/surveys/entities/low-score-case.entity.js';
import { SurveyInvitationEntity } from '../src/modules/surveys/entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from '../src/modules/surveys/entities/survey-response.entity.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import { Api, countRows, dbTime, loadDemo, SlotPool, type Demo } from './support/test-drive-fixtures.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe(`surveys: low-score cases and templates (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  const ids: Record<string, number> = {};
  const staff: Record<'chen' | 'wang' | 'manager' | 'sz' | 'szLiu' | 'admin', string> = {
    chen: '',
    wang: '',
    manager: '',
    sz: '',
    szLiu: '',
    admin: '',
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    [staff.chen, staff.wang, staff.manager, staff.sz, staff.szLiu, staff.admin] = await Promise.all(
      ['gz.chen', 'gz.wang', 'gz.manager', 'sz.manager', 'sz.liu', 'admin'].map((u) => t.staffToken(u)),
    );
    demo = await loadDemo(t, staff.admin);
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
    const rows = (await t.dataSource.query('SELECT id, username FROM staff_users')) as Array<{
      id: number;
      username: string;
    }>;
    for (const row of rows) ids[row.username] = Number(row.id);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A customer whose test drive with Chen got a low score: returns the open case. */
  async function lowScoreCase(name: string): Promise<{ customer: SurveyCustomer; caseId: number }> {
    const customer = await newCustomer(t, api, name);
    await completeTestDrive(t, api, demo, pool, customer, staff.chen);
    const [survey] = await pending(api, customer.token);
    const res = await api.post(`/api/surveys/${encodeURIComponent(survey!.token)}/submit`, customer.token, {
      answers: { ...GOOD_TEST_DRIVE_ANSWERS, td_route: 1, td_safety: 2, comment: `${name} 路线太短` },
    });
    expect(res.status).toBe(200);
    const [row] = (await t.dataSource.query(
      'SELECT c.id FROM low_score_cases c JOIN survey_responses r ON r.id = c.response_id WHERE r.customer_id = ?',
      [customer.id],
    )) as Array<{ id: number }>;
    return { customer, caseId: Number(row!.id) };
  }

  const casePath = (id: number, tail = '') => `/api/staff/satisfaction/cases/${id}${tail}`;
  const list = async (token: string, query: Record<string, string | number> = {}) => {
    const res = await api.get('/api/staff/satisfaction/cases', token, query);
    expect(res.status).toBe(200);
    return res.body as LowScoreCase[];
  };

  describe('low-score cases', () => {
    it('are seen by the store’s staff and admins only; another store’s manager gets 404 / 403 like elsewhere', async () => {
      const { caseId } = await lowScoreCase('scope');
      for (const token of [staff.chen, staff.wang, staff.manager, staff.admin]) {
        expect((await list(token)).map((entry) => entry.id)).toContain(caseId);
      }
      expect((await list(staff.admin, { storeId: demo.gz.id })).map((entry) => entry.id)).toContain(caseId);
      expect((await list(staff.admin, { storeId: demo.sz.id })).map((entry) => entry.id)).not.toContain(
        caseId,
      );
      expect((await list(staff.sz)).map((entry) => entry.id)).not.toContain(caseId);
      expectProblem(
        await api.get('/api/staff/satisfaction/cases', staff.sz, { storeId: demo.gz.id }),
        403,
        'out_of_store_scope',
      );
      expectProblem(await api.get(casePath(caseId), staff.sz), 404, 'not_found');
      expectProblem(
        await api.post(casePath(caseId, '/progress'), staff.sz, { status: 'contacted', note: '越权操作' }),
        404,
      );
      expectProblem(await api.post(casePath(caseId, '/owner'), staff.sz, { ownerId: ids['sz.liu']! }), 404);
      const detail = await api.get(casePath(caseId), staff.manager);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        id: caseId,
        status: 'open',
        owner: { id: ids['gz.chen'], name: '陈晓明' },
        comments: ['scope 路线太短'],
        reasons: expect.arrayContaining([expect.stringContaining('试驾过程')]),
      });
      expectProblem(await api.get(casePath(999_999), staff.admin), 404);
      expectProblem(await api.get('/api/staff/satisfaction/cases/abc', staff.admin), 400);
      const customer = await newCustomer(t, api, 'not-staff');
      expectProblem(await api.get('/api/staff/satisfaction/cases', customer.token), 403, 'forbidden');
    });

    it('moves open → contacted (again) → resolved with a note each time, then refuses changes', async () => {
      const { caseId } = await lowScoreCase('workflow');
      const progress = (token: string, body: unknown) => api.post(casePath(caseId, '/progress'), token, body);
      for (const [body, field] of [
        [{ status: 'contacted' }, 'note'],
        [{ status: 'contacted', note: ' ' }, 'note'],
        [{ status: 'contacted', note: 'x'.repeat(501) }, 'note'],
        [{ status: 'open', note: '改回待联系' }, 'status'],
        [{ status: 'closed', note: '关闭' }, 'status'],
        [{ status: 'contacted', note: '已联系', extra: true }, 'extra'],
      ] as Array<[Record<string, unknown>, string]>) {
        const res = await progress(staff.chen, body);
        expectProblem(res, 400, 'validation_failed');
        const errors = (res.body as { errors: Array<{ field: string; message: string }> }).errors;
        expect(errors.map((row) => row.field)).toEqual([field]);
        expect(errors[0]!.message).toMatch(CHINESE);
      }
      // A consultant who does not own the case cannot work it; the owner and the manager can.
      expectProblem(
        await progress(staff.wang, { status: 'contacted', note: '我来打电话' }),
        403,
        'forbidden',
      );

      const contacted = await progress(staff.chen, { status: 'contacted', note: '已电话联系，客户未接' });
      expect(contacted.status).toBe(200);
      expect(contacted.body).toMatchObject({
        status: 'contacted',
        resolvedAt: null,
        contactedAt: expect.any(String),
      });
      const again = await progress(staff.manager, {
        status: 'contacted',
        note: '  第二次致电，客户同意再次试驾  ',
      });
      expect(again.status).toBe(200);
      const resolved = await progress(staff.chen, { status: 'resolved', note: '再次试驾后客户满意' });
      expect(resolved.status).toBe(200);
      const body = resolved.body as LowScoreCase;
      expect(body).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String), overdue: false });
      expect(body.contactedAt).toBe((contacted.body as LowScoreCase).contactedAt);
      expect(body.notes.map((note) => [note.status, note.byName, note.note])).toEqual([
        ['contacted', '陈晓明', '已电话联系，客户未接'],
        ['contacted', '李经理', '第二次致电，客户同意再次试驾'],
        ['resolved', '陈晓明', '再次试驾后客户满意'],
      ]);
      const closed = await progress(staff.manager, { status: 'contacted', note: '再次联系' });
      expectProblem(closed, 409, 'conflict');
      expect((closed.body as { detail: string }).detail).toMatch(CHINESE);
      expectProblem(
        await api.post(casePath(caseId, '/owner'), staff.manager, { ownerId: ids['gz.wang']! }),
        409,
      );
    });

    it('refuses another call once the notes fill their column (a 400, not a 500), and still lets the case close', async () => {
      const { caseId } = await lowScoreCase('many-calls');
      const progress = (body: unknown) => api.post(casePath(caseId, '/progress'), staff.chen, body);
      // 500 Chinese characters are ~1.5 KB of JSON: the 64 KB TEXT column of MariaDB holds ~40.
      const note = (n: number) => `第${n}次致电${'未'.repeat(490)}`;
      let calls = 0;
      let refused: Awaited<ReturnType<typeof progress>> | null = null;
      while (refused === null && calls < 60) {
        const res = await progress({ status: 'contacted', note: note(calls + 1) });
        if (res.status === 200) calls += 1;
        else refused = res;
      }
      expect(calls).toBeGreaterThan(30);
      expectProblem(refused!, 400, 'validation_failed');
      expect((refused!.body as { errors: Array<{ field: string }> }).errors).toEqual([
        { field: 'note', message: expect.stringMatching(CHINESE) },
      ]);
      const resolved = await progress({ status: 'resolved', note: note(calls + 1) });
      expect(resolved.status).toBe(200);
      expect((resolved.body as LowScoreCase).status).toBe('resolved');
      const reread = await api.get(casePath(caseId), staff.manager);
      expect(reread.status).toBe(200);
    });

    it('lets managers and admins hand a case to someone of its store only', async () => {
      const { caseId } = await lowScoreCase('owner');
      const assign = (token: string, body: unknown) => api.post(casePath(caseId, '/owner'), token, body);
      expectProblem(await assign(staff.chen, { ownerId: ids['gz.wang']! }), 403, 'forbidden');
      for (const ownerId of [ids['sz.liu']!, ids['admin']!, 999_999]) {
        const res = await assign(staff.manager, { ownerId });
        expectProblem(res, 400, 'validation_failed');
        expect((res.body as { errors: Array<{ field: string }> }).errors).toEqual([
          { field: 'ownerId', message: expect.stringMatching(CHINESE) },
        ]);
      }
      expectProblem(await assign(staff.manager, { ownerId: 'wang' }), 400, 'validation_failed');
      const res = await assign(staff.manager, { ownerId: ids['gz.wang']! });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        owner: { id: ids['gz.wang'], name: '王丽' },
        consultant: { name: '陈晓明' },
      });
      // Now Wang works it, and Chen (no longer the owner) cannot.
      expectProblem(
        await api.post(casePath(caseId, '/progress'), staff.chen, { status: 'contacted', note: '已联系' }),
        403,
      );
      expect(
        (await api.post(casePath(caseId, '/progress'), staff.wang, { status: 'contacted', note: '已联系' }))
          .status,
      ).toBe(200);
      const admin = await assign(staff.admin, { ownerId: ids['gz.manager']! });
      expect(admin.body).toMatchObject({ owner: { name: '李经理' } });
    });

    it('filters by status and overdue, and marks an overdue case', async () => {
      const { caseId } = await lowScoreCase('overdue');
      expect((await list(staff.manager, { overdueOnly: 'true' })).map((entry) => entry.id)).not.toContain(
        caseId,
      );
      await t.dataSource.query('UPDATE low_score_cases SET due_at = ? WHERE id = ?', [
        dbTime(new Date(Date.now() - 60_000)),
        caseId,
      ]);
      const overdue = await list(staff.manager, { overdueOnly: 'true' });
      expect(overdue.find((entry) => entry.id === caseId)).toMatchObject({ overdue: true, status: 'open' });
      expect(overdue.every((entry) => entry.overdue)).toBe(true);
      expect((await list(staff.manager, { status: 'open' })).every((entry) => entry.status === 'open')).toBe(
        true,
      );
      expect((await list(staff.manager, { status: 'resolved' })).map((entry) => entry.id)).not.toContain(
        caseId,
      );
      const queries: Array<Record<string, string | number>> = [
        { status: 'closed' },
        { overdueOnly: 'maybe' },
        { storeId: 'gz' },
        { page: 2 },
      ];
      for (const query of queries) {
        expectProblem(
          await api.get('/api/staff/satisfaction/cases', staff.admin, query),
          400,
          'validation_failed',
        );
      }
    });
  });

  describe('templates', () => {
    function changed(base: SurveyTemplateContent, title: string): SurveyTemplateContent {
      return {
        ...base,
        title,
        questions: base.questions.map((question) =>
          question.key === 'td_car' ? { ...question, title: '试驾车是否干净、车况良好？（新版）' } : question,
        ),
      };
    }

    it('lists one active default version per kind; store staff may read but only the group admin saves', async () => {
      const res = await api.get('/api/staff/survey-templates', staff.chen);
      expect(res.status).toBe(200);
      const templates = res.body as SurveyTemplate[];
      const active = templates.filter((template) => template.active);
      expect(active.map((template) => template.kind).sort()).toEqual([...SURVEY_KINDS].sort());
      for (const template of active) {
        expect(template).toMatchObject({
          version: 1,
          createdByName: null,
          ...DEFAULT_SURVEY_TEMPLATES[template.kind],
        });
      }
      const body = changed(DEFAULT_SURVEY_TEMPLATES.test_drive_feedback, '试乘试驾意见表（店员版）');
      expectProblem(
        await api.post('/api/staff/survey-templates/test_drive_feedback/versions', staff.chen, body),
        403,
        'forbidden',
      );
      // One survey for the whole group, so scores compare across stores: a store manager cannot change it.
      expectProblem(
        await api.post('/api/staff/survey-templates/test_drive_feedback/versions', staff.manager, body),
        403,
        'forbidden',
      );
      expectProblem(await api.post('/api/staff/survey-templates/unknown/versions', staff.admin, body), 400);
    });

    it('refuses bad content with a Chinese message per path, saving nothing', async () => {
      const base = DEFAULT_SURVEY_TEMPLATES.test_drive_feedback;
      const before = await countRows(t, 'SELECT COUNT(*) AS n FROM survey_templates');
      const bad: SurveyTemplateContent = {
        ...base,
        title: '',
        factors: [...base.factors, { key: 'td_before', label: '重复', weight: 0 }],
        questions: [
          { ...base.questions[0]!, key: 'Bad Key' },
          { ...base.questions[1]!, showIf: { question: 'overall', anyOf: [1] } },
          ...base.questions.slice(2),
        ],
        lowScoreRule: { factorBelow: 120, overallAtMost: 2, npsAtMost: 6 },
      };
      const res = await api.post(
        '/api/staff/survey-templates/test_drive_feedback/versions',
        staff.admin,
        bad,
      );
      expectProblem(res, 400, 'validation_failed');
      const errors = (res.body as { errors: Array<{ field: string; message: string }> }).errors;
      const fields = errors.map((row) => row.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'title',
          'factors.3.key',
          'factors.3.weight',
          'questions.0.key',
          'questions.1.showIf.question',
          'lowScoreRule.factorBelow',
        ]),
      );
      expect(errors.every((row) => CHINESE.test(row.message))).toBe(true);
      for (const body of [
        { ...base, questions: 'none' },
        { ...base, extra: true },
        { ...base, lowScoreRule: undefined },
        { ...base, questions: [] },
      ]) {
        expectProblem(
          await api.post('/api/staff/survey-templates/test_drive_feedback/versions', staff.admin, body),
          400,
        );
      }
      // Within every limit, yet too much text for one row: refused rather than cut.
      const long = (n: number, seed: string) => `${seed}${'长'.repeat(n - seed.length)}`;
      const huge: SurveyTemplateContent = {
        ...base,
        factors: [{ key: 'f', label: '维度', weight: 100 }],
        questions: Array.from({ length: 40 }, (_, i) => ({
          key: `q${i}`,
          type: 'multi_choice' as const,
          title: long(80, `题${i}`),
          help: long(120, `说明${i}`),
          required: false,
          options: Array.from({ length: 12 }, (_, j) => ({ value: `o${j}`, label: long(30, `选项${j}`) })),
        })),
      };
      const tooBig = await api.post(
        '/api/staff/survey-templates/test_drive_feedback/versions',
        staff.admin,
        huge,
      );
      expectProblem(tooBig, 400, 'validation_failed');
      expect((tooBig.body as { errors: Array<{ message: string }> }).errors).toEqual([
        { field: 'questions', message: expect.stringContaining('问卷内容过多') },
      ]);
      expect(await countRows(t, 'SELECT COUNT(*) AS n FROM survey_templates')).toBe(before);
    });

    it('saves a change as the next active version; a survey sent with the old version keeps it', async () => {
      // A survey sent before the change.
      const early = await newCustomer(t, api, 'tpl-early');
      await completeTestDrive(t, api, demo, pool, early, staff.chen);
      const [oldSurvey] = await pending(api, early.token);

      const body = {
        ...changed(DEFAULT_SURVEY_TEMPLATES.test_drive_feedback, '试乘试驾意见表（第二版）'),
        questions: changed(DEFAULT_SURVEY_TEMPLATES.test_drive_feedback, 'x').questions.map(
          (question, index) => (index === 0 ? { ...question, junk: '不该保存' } : question),
        ),
        intro: '  感谢试驾！  ',
      };
      const res = await api.post(
        '/api/staff/survey-templates/test_drive_feedback/versions',
        staff.admin,
        body,
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'test_drive_feedback',
        version: 2,
        active: true,
        title: '试乘试驾意见表（第二版）',
        intro: '感谢试驾！',
        createdByName: '集团管理员',
      });
      expect(JSON.stringify(res.body)).not.toContain('junk');
      const all = (await api.get('/api/staff/survey-templates', staff.manager)).body as SurveyTemplate[];
      const feedback = all.filter((template) => template.kind === 'test_drive_feedback');
      expect(feedback.map((template) => [template.version, template.active])).toEqual([
        [2, true],
        [1, false],
      ]);
      expect(feedback[1]).toMatchObject(DEFAULT_SURVEY_TEMPLATES.test_drive_feedback);

      // The survey sent before still shows (and is scored by) version 1.
      const opened = (await api.get(`/api/surveys/${encodeURIComponent(oldSurvey!.token)}`, early.token))
        .body as SurveyForm;
      expect(opened.template).toMatchObject({
        version: 1,
        title: DEFAULT_SURVEY_TEMPLATES.test_drive_feedback.title,
      });
      const submitted = await api.post(
        `/api/surveys/${encodeURIComponent(oldSurvey!.token)}/submit`,
        early.token,
        {
          answers: GOOD_TEST_DRIVE_ANSWERS,
        },
      );
      expect(submitted.status).toBe(200);
      expect((submitted.body as { thanks: string }).thanks).toBe(
        DEFAULT_SURVEY_TEMPLATES.test_drive_feedback.thanks,
      );

      // A survey created after the change uses version 2.
      const late = await newCustomer(t, api, 'tpl-late');
      await completeTestDrive(t, api, demo, pool, late, staff.chen);
      const [newSurvey] = await pending(api, late.token);
      expect(newSurvey!.title).toBe('试乘试驾意见表（第二版）');
      const form = (await api.get(`/api/surveys/${encodeURIComponent(newSurvey!.token)}`, late.token))
        .body as SurveyForm;
      expect(form.template.version).toBe(2);
      expect(form.template.questions[0]!.title).toBe('试驾车是否干净、车况良好？（新版）');

      // The answered version is exactly as it was.
      const [v1] = (await t.dataSource.query(
        "SELECT content FROM survey_templates WHERE kind = 'test_drive_feedback' AND version = 1",
      )) as Array<{ content: string }>;
      expect(JSON.parse(v1!.content)).toEqual(DEFAULT_SURVEY_TEMPLATES.test_drive_feedback);
    });

    it('gives concurrent saves distinct version numbers and leaves one active', async () => {
      const saves = await Promise.all(
        [1, 2, 3].map((n) =>
          api.post('/api/staff/survey-templates/sales_csi/versions', staff.admin, {
            ...DEFAULT_SURVEY_TEMPLATES.sales_csi,
            title: `购车满意度调查 v${n}`,
          }),
        ),
      );
      expect(saves.map((res) => res.status)).toEqual([201, 201, 201]);
      const versions = saves.map((res) => (res.body as SurveyTemplate).version).sort();
      expect(versions).toEqual([2, 3, 4]);
      const rows = (await t.dataSource.query(
        "SELECT version, active FROM survey_templates WHERE kind = 'sales_csi' ORDER BY version",
      )) as Array<{ version: number; active: number | boolean }>;
      expect(rows.map((row) => [Number(row.version), Boolean(Number(row.active))])).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [4, true],
      ]);
    });
  });

  // Last in the file: it leaves the store with hundreds of closed cases.
  describe('a store with a long history of cases', () => {
    it('still lists every open case first, however many resolved ones have piled up', async () => {
      const { caseId } = await lowScoreCase('after-history');
      const [row] = (await t.dataSource.query('SELECT response_id FROM low_score_cases WHERE id = ?', [
        caseId,
      ])) as Array<{ response_id: number }>;
      const responses = t.dataSource.getRepository(SurveyResponseEntity);
      const response = await responses.findOneByOrFail({ id: Number(row!.response_id) });
      const invitation = await t.dataSource
        .getRepository(SurveyInvitationEntity)
        .findOneByOrFail({ id: response.invitationId });
      const original = await t.dataSource.getRepository(LowScoreCaseEntity).findOneByOrFail({ id: caseId });
      // 520 cases resolved last year (due long before the open one): copies of this one's rows.
      const longAgo = new Date(Date.UTC(2024, 0, 1));
      for (let chunk = 0; chunk < 520; chunk += 130) {
        const base = 900_000 + chunk;
        const copies = Array.from({ length: 130 }, (_, i) => {
          const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = invitation;
          return { ...rest, eventId: base + i };
        });
        await t.dataSource.getRepository(SurveyInvitationEntity).insert(copies);
        const made = await t.dataSource
          .getRepository(SurveyInvitationEntity)
          .createQueryBuilder('i')
          .where('i.event_id >= :from AND i.event_id < :to', { from: base, to: base + 130 })
          .getMany();
        await responses.insert(
          made.map((copy) => {
            const { id: _id, ...rest } = response;
            return { ...rest, invitationId: copy.id };
          }),
        );
        const madeResponses = await responses.findBy({ invitationId: In(made.map((copy) => copy.id)) });
        await t.dataSource.getRepository(LowScoreCaseEntity).insert(
          madeResponses.map((copy) => {
            const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = original;
            return {
              ...rest,
              responseId: copy.id,
              status: 'resolved' as const,
              openedAt: longAgo,
              dueAt: longAgo,
              contactedAt: longAgo,
              resolvedAt: longAgo,
            };
          }),
        );
      }
      const listed = await list(staff.manager);
      expect(listed.length).toBeLessThanOrEqual(500);
      expect(listed[0]!.status).not.toBe('resolved');
      expect(listed.map((c) => c.id)).toContain(caseId);
    });
  });
});
