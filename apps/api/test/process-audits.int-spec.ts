import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_SALES_AUDIT,
  normaliseWeights,
  type AuditMarks,
  type AuditTemplate,
  type ProcessAudit,
} from '@dealer-care/domain';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import { Api, countRows, loadDemo, type Demo } from './support/test-drive-fixtures.js';

const CHINESE = /[\u4e00-\u9fff]/;
const TEMPLATE = '/api/staff/process-audits/template';
const LIST = '/api/staff/process-audits';
const createPath = (storeId: number) => `/api/staff/stores/${storeId}/process-audits`;

const ITEMS = DEFAULT_SALES_AUDIT.steps.flatMap((step) =>
  step.groups.flatMap((group) =>
    group.items.map((item) => ({ step: step.key, group: group.key, key: item.key })),
  ),
);
const marksWhere = (done: (item: (typeof ITEMS)[number]) => boolean | null): AuditMarks =>
  Object.fromEntries(ITEMS.map((item) => [item.key, done(item)]));

describe(`process audits (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  const staff: Record<'chen' | 'manager' | 'szManager' | 'admin', string> = {
    chen: '',
    manager: '',
    szManager: '',
    admin: '',
  };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    [staff.chen, staff.manager, staff.szManager, staff.admin] = await Promise.all(
      ['gz.chen', 'gz.manager', 'sz.manager', 'admin'].map((u) => t.staffToken(u)),
    );
    demo = await loadDemo(t, staff.admin);
    const rows = (await t.dataSource.query('SELECT id, username FROM staff_users')) as Array<{
      id: number;
      username: string;
    }>;
    for (const row of rows) ids[row.username] = Number(row.id);
    // The demo seed's audits are checked by the dashboard spec; this file counts only its own.
    await t.dataSource.query('DELETE FROM process_audits');
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (token: string, storeId: number, body: unknown, headers: Record<string, string> = {}) =>
    api.post(createPath(storeId), token, body, headers);
  const list = async (token: string, query: Record<string, string | number> = {}) => {
    const res = await api.get(LIST, token, query);
    if (res.status !== 200) throw new Error(`list: ${res.status} ${res.text}`);
    return res.body as ProcessAudit[];
  };

  it('serves the sales checklist with its published weights to any member of staff', async () => {
    const res = await api.get(TEMPLATE, staff.chen);
    expect(res.status).toBe(200);
    const template = res.body as AuditTemplate;
    expect(template).toEqual(DEFAULT_SALES_AUDIT);
    expect(template.steps.map((step) => [step.key, step.publishedWeight])).toEqual([
      ['reception', 5],
      ['needs_analysis', 5],
      ['presentation', 5],
      ['test_drive', 8],
      ['closing', 20],
      ['delivery', 40],
      ['follow_up', null],
    ]);
    // The portal normalises them; the unstated follow-up step gets the remaining 17 %.
    expect(normaliseWeights(template.steps).map((row) => row.weight)).toEqual([5, 5, 5, 8, 20, 40, 17]);
    expectProblem(await api.get(TEMPLATE), 401);
  });

  it('records a manager’s audit scored on the server, shown to the store and to admins', async () => {
    // Everything done except the delivery step: 100 − 40 = 60.
    const res = await create(staff.manager, demo.gz.id, {
      consultantId: ids['gz.chen'],
      auditorKind: 'manager',
      marks: marksWhere((item) => item.step !== 'delivery'),
      note: '  交车环节需要加强  ',
    });
    expect(res.status).toBe(201);
    const audit = res.body as ProcessAudit;
    expect(audit).toMatchObject({
      storeId: demo.gz.id,
      consultant: { id: ids['gz.chen'], name: '陈晓明' },
      auditorName: '李经理',
      auditorKind: 'manager',
      templateKey: 'sales_process',
      templateVersion: 1,
      note: '交车环节需要加强',
      score: { total: 60 },
      auditedAt: expect.stringMatching(/Z$/),
    });
    expect(audit.score.steps.map((step) => [step.key, step.weight, step.score])).toEqual([
      ['reception', 5, 100],
      ['needs_analysis', 5, 100],
      ['presentation', 5, 100],
      ['test_drive', 8, 100],
      ['closing', 20, 100],
      ['delivery', 40, 0],
      ['follow_up', 17, 100],
    ]);

    // A mystery shopper's sheet typed in by the manager; n/a items leave their group out:
    // the needs step has two groups of 50 %, one all done, one all "not applicable" → 100.
    const shopper = await create(staff.manager, demo.gz.id, {
      consultantId: ids['gz.wang'],
      auditorKind: 'mystery_shopper',
      marks: marksWhere((item) =>
        item.step === 'needs_analysis' ? (item.group === 'summary' ? null : true) : false,
      ),
    });
    expect(shopper.status).toBe(201);
    expect(
      shopper.body.score.steps.find((step: { key: string }) => step.key === 'needs_analysis').score,
    ).toBe(100);
    expect(shopper.body.score.total).toBe(5);

    const mine = await list(staff.chen);
    expect(mine.map((row) => row.id)).toEqual([shopper.body.id, audit.id]);
    expect(await list(staff.chen, { consultantId: ids['gz.chen']! })).toEqual([audit]);
    expect((await list(staff.admin, { storeId: demo.gz.id })).map((row) => row.id)).toEqual(
      mine.map((row) => row.id),
    );
  });

  it('lets only managers and admins record, for an active consultant of that store', async () => {
    const before = await countRows(t, 'SELECT COUNT(*) AS n FROM process_audits');
    const body = { consultantId: ids['gz.chen'], auditorKind: 'manager', marks: marksWhere(() => true) };
    expectProblem(await create(staff.chen, demo.gz.id, body), 403, 'forbidden');
    expectProblem(await create(staff.szManager, demo.gz.id, body), 403, 'out_of_store_scope');
    expectProblem(await create(staff.manager, 999_999, body), 403, 'out_of_store_scope');
    expectProblem(await create(staff.admin, 999_999, body), 404, 'not_found');

    const wrongPeople: Array<[number, string]> = [
      [ids['sz.liu']!, 'a consultant of another store'],
      [ids['gz.manager']!, 'a manager'],
      [ids.admin!, 'an admin'],
      [999_999, 'nobody'],
    ];
    for (const [consultantId] of wrongPeople) {
      const res = await create(staff.manager, demo.gz.id, { ...body, consultantId });
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([{ field: 'consultantId', message: '请选择本店在职的销售顾问' }]);
    }
    await t.dataSource.query('UPDATE staff_users SET active = 0 WHERE id = ?', [ids['gz.wang']]);
    try {
      const res = await create(staff.manager, demo.gz.id, { ...body, consultantId: ids['gz.wang'] });
      expectProblem(res, 400, 'validation_failed');
    } finally {
      await t.dataSource.query('UPDATE staff_users SET active = 1 WHERE id = ?', [ids['gz.wang']]);
    }
    expect(await countRows(t, 'SELECT COUNT(*) AS n FROM process_audits')).toBe(before);

    // An admin may record for any store.
    const sz = await create(staff.admin, demo.sz.id, { ...body, consultantId: ids['sz.liu'] });
    expect(sz.status).toBe(201);
    expect(sz.body).toMatchObject({ storeId: demo.sz.id, auditorName: '集团管理员', score: { total: 100 } });
    expect((await list(staff.szManager)).map((row) => row.id)).toEqual([sz.body.id]);
    expect((await list(staff.chen)).some((row) => row.storeId !== demo.gz.id)).toBe(false);
  });

  it('refuses bad marks and fields with Chinese field errors', async () => {
    const good = { consultantId: ids['gz.chen'], auditorKind: 'manager', marks: marksWhere(() => true) };
    const firstKey = ITEMS[0]!.key;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ marks: { ...good.marks, made_up_item: true } }, 'marks.made_up_item'],
      [{ marks: { [firstKey]: 'yes' } }, `marks.${firstKey}`],
      [{ marks: { [firstKey]: 1 } }, `marks.${firstKey}`],
      [{ marks: {} }, 'marks'],
      [{ marks: marksWhere(() => null) }, 'marks'],
      [{ marks: [true] }, 'marks'],
      [{ marks: 'all' }, 'marks'],
      [{ marks: undefined }, 'marks'],
      [{ auditorKind: 'customer' }, 'auditorKind'],
      [{ auditorKind: undefined }, 'auditorKind'],
      [{ consultantId: 'chen' }, 'consultantId'],
      [{ consultantId: undefined }, 'consultantId'],
      [{ note: 'x'.repeat(501) }, 'note'],
      [{ note: 5 }, 'note'],
      [{ score: 100 }, 'score'],
    ];
    const before = await countRows(t, 'SELECT COUNT(*) AS n FROM process_audits');
    for (const [override, field] of cases) {
      const body: Record<string, unknown> = { ...good, ...override };
      for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
      const res = await create(staff.manager, demo.gz.id, body);
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(res.body.detail).toMatch(CHINESE);
    }
    expect(await countRows(t, 'SELECT COUNT(*) AS n FROM process_audits')).toBe(before);

    const badQueries: Array<Record<string, string | number>> = [
      { storeId: 'x' },
      { consultantId: 0 },
      { kind: 'sales' },
    ];
    for (const query of badQueries) {
      expectProblem(await api.get(LIST, staff.admin, query), 400, 'validation_failed');
    }
    expectProblem(await api.get(LIST, staff.chen, { storeId: demo.sz.id }), 403, 'out_of_store_scope');
  });

  it('replays a retried create with the same Idempotency-Key', async () => {
    const body = { consultantId: ids['gz.chen'], auditorKind: 'manager', marks: marksWhere(() => true) };
    const headers = { 'idempotency-key': 'audit-retry-0001' };
    const first = await create(staff.manager, demo.gz.id, body, headers);
    const again = await create(staff.manager, demo.gz.id, body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expectProblem(await create(staff.manager, demo.gz.id, { ...body, note: '另一份' }, headers), 422);
  });
});
