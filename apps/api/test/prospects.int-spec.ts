import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  localDateIn,
  type CustomerCard,
  type Page,
  type ProspectSummary,
} from '@dealer-care/domain';
import { completeTestDrive, newCustomer } from './support/survey-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import { Api, countRows, loadDemo, SlotPool, TZ, type Demo } from './support/test-drive-fixtures.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe(`prospects and the customer card (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  const ids: Record<string, number> = {};
  const tokens: Record<string, string> = {};
  let keySeq = 0;
  const key = () => `prospect-test-${Date.now()}-${keySeq++}`;

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    for (const user of ['gz.chen', 'gz.wang', 'gz.manager', 'sz.manager', 'sz.liu', 'admin']) {
      tokens[user] = await t.staffToken(user);
    }
    demo = await loadDemo(t, tokens.admin!);
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

  const register = (body: Record<string, unknown>, user = 'gz.chen', idempotencyKey: string | null = key()) =>
    api.post(
      '/api/staff/prospects',
      tokens[user],
      body,
      idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey },
    );
  const card = async (id: number, user = 'gz.chen') => {
    const res = await api.get(`/api/staff/prospects/${id}`, tokens[user]);
    expect(res.status).toBe(200);
    return res.body as CustomerCard;
  };
  const walkIn = (phone: string, extra: Record<string, unknown> = {}) => ({
    storeId: demo.gz.id,
    name: '王先生',
    phone,
    channel: 'visit',
    note: '看中云岚 星河，想了解置换',
    ...extra,
  });

  it('来店登记 creates the prospect once per phone, replays a retried submission, and plans the follow-up of its intent', async () => {
    const idem = key();
    const first = await register(walkIn('13912340001', { intentLevel: 'B' }), 'gz.chen', idem);
    expect(first.status).toBe(201);
    const created = first.body as CustomerCard;
    expect(created.prospect).toMatchObject({
      name: '王先生',
      mobileMasked: '139****0001',
      status: 'active',
      intentLevel: 'B',
      consultant: { id: ids['gz.chen'], name: '陈晓明' },
    });
    expect(created.contacts).toHaveLength(1);
    expect(created.contacts[0]).toMatchObject({
      channel: 'visit',
      byName: '陈晓明',
      note: '看中云岚 星河，想了解置换',
    });
    expect(created.intentHistory).toEqual([
      expect.objectContaining({ level: 'B', previous: null, byName: '陈晓明' }),
    ]);
    expect(created.openTasks.map((task) => task.kind)).toEqual(['prospect_follow_up']);
    expect(localDateIn(TZ, new Date(created.openTasks[0]!.dueAt)) >= addDays(localDateIn(TZ), 7)).toBe(true);
    expect(created.timeline.map((entry) => entry.type).sort()).toEqual(['contact', 'intent']);

    // The same key and body: the first answer, nothing written twice.
    const replay = await register(walkIn('13912340001', { intentLevel: 'B' }), 'gz.chen', idem);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(
      await countRows(t, 'SELECT COUNT(*) AS n FROM contact_logs WHERE prospect_id = ?', [
        created.prospect.id,
      ]),
    ).toBe(1);
    expectProblem(await register(walkIn('13912340001'), 'gz.chen', idem), 422, 'idempotency_key_reused');

    // The same phone (typed with +86 and spaces) by a colleague is the same prospect; the intent is re-assessed.
    const again = await register(
      walkIn('+86 139 1234 0001', { channel: 'inbound_call', note: '来电询问优惠', intentLevel: 'H' }),
      'gz.wang',
    );
    expect(again.status).toBe(201);
    const same = again.body as CustomerCard;
    expect(same.prospect).toMatchObject({
      id: created.prospect.id,
      intentLevel: 'H',
      consultant: { id: ids['gz.chen'] },
    });
    expect(same.contacts.map((c) => c.channel)).toEqual(['inbound_call', 'visit']);
    expect(same.intentHistory.map((i) => [i.previous, i.level])).toEqual([
      ['B', 'H'],
      [null, 'B'],
    ]);
    // One follow-up waiting, at the H interval (2 days); the B one is cancelled.
    expect(same.openTasks.map((task) => task.kind)).toEqual(['prospect_follow_up']);
    expect(localDateIn(TZ, new Date(same.openTasks[0]!.dueAt)) < addDays(localDateIn(TZ), 7)).toBe(true);
    expect(
      await countRows(
        t,
        "SELECT COUNT(*) AS n FROM follow_up_tasks WHERE prospect_id = ? AND status = 'cancelled'",
        [created.prospect.id],
      ),
    ).toBe(1);
  });

  it('validates registrations in Chinese and needs an Idempotency-Key', async () => {
    expectProblem(await register(walkIn('13912340002'), 'gz.chen', null), 400, 'validation_failed');
    for (const [body, field] of [
      [walkIn('12345'), 'phone'],
      [walkIn('13912340002', { name: 'x' }), 'name'],
      [walkIn('13912340002', { channel: 'fax' }), 'channel'],
      [walkIn('13912340002', { note: '  ' }), 'note'],
      [walkIn('13912340002', { intentLevel: 'Z' }), 'intentLevel'],
      [walkIn('13912340002', { storeId: 'abc' }), 'storeId'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await register(body);
      expectProblem(res, 400, 'validation_failed');
      const errors = (res.body as { errors: Array<{ field: string; message: string }> }).errors;
      expect(errors.map((e) => e.field)).toEqual([field]);
      expect(errors[0]!.message).toMatch(CHINESE);
    }
    expectProblem(await register(walkIn('13912340002', { storeId: demo.sz.id })), 403, 'out_of_store_scope');
  });

  it('an online enquiry of a new customer owes a first contact within a day', async () => {
    const res = await register(walkIn('13912340003', { channel: 'online', note: '官网留资：询问星河价格' }));
    expect(res.status).toBe(201);
    const created = res.body as CustomerCard;
    expect(created.openTasks).toEqual([
      expect.objectContaining({
        kind: 'first_contact',
        source: expect.objectContaining({ type: 'enquiry' }),
      }),
    ]);
    expect(new Date(created.openTasks[0]!.dueAt).getTime()).toBeLessThanOrEqual(
      Date.now() + 4 * 24 * 3_600_000,
    );
  });

  it('lists and searches the store’s prospects; another store sees none of them', async () => {
    await register(walkIn('13912340004', { name: '李娜' }));
    const list = async (user: string, query: Record<string, string | number> = {}) => {
      const res = await api.get('/api/staff/prospects', tokens[user], query);
      expect(res.status).toBe(200);
      return res.body as Page<ProspectSummary>;
    };
    expect((await list('gz.wang', { q: '李娜' })).items.map((p) => p.mobileMasked)).toEqual(['139****0004']);
    expect((await list('gz.wang', { q: '40004' })).items.map((p) => p.name)).toEqual(['李娜']);
    expect((await list('gz.wang', { q: '%' })).items).toEqual([]);
    expect((await list('sz.liu', { q: '40004' })).items).toEqual([]);
    expect((await list('admin', { q: '40004', storeId: demo.gz.id })).total).toBe(1);
    expect(
      (await list('gz.chen', { consultantId: ids['gz.chen']!, pageSize: 100 })).items.every(
        (p) => p.consultant?.id === ids['gz.chen'],
      ),
    ).toBe(true);
    expectProblem(
      await api.get('/api/staff/prospects', tokens['sz.liu'], { storeId: demo.gz.id }),
      403,
      'out_of_store_scope',
    );
    expectProblem(await api.get('/api/staff/prospects', tokens['gz.chen'], { status: 'maybe' }), 400);
    const id = (await list('gz.chen', { q: '40004' })).items[0]!.id;
    expectProblem(await api.get(`/api/staff/prospects/${id}`, tokens['sz.manager']), 404, 'not_found');
    // Answers carry masked numbers; the full one comes on demand, for the store's staff only.
    expect(JSON.stringify(await card(id))).not.toContain('13912340004');
    const revealed = await api.post(`/api/staff/prospects/${id}/phone`, tokens['gz.wang']);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ prospectId: id, phone: '13912340004' });
    expectProblem(await api.post(`/api/staff/prospects/${id}/phone`, tokens['sz.liu']), 404, 'not_found');
    expectProblem(await api.post(`/api/staff/prospects/${id}/intent`, tokens['sz.liu'], { level: 'H' }), 404);
  });

  it('style is kept; only managers hand the customer and the open calls to another consultant', async () => {
    const created = (await register(walkIn('13912340005', { intentLevel: 'C' }))).body as CustomerCard;
    const id = created.prospect.id;
    const patch = (user: string, body: unknown) =>
      t.http
        .patch(`/api/staff/prospects/${id}`)
        .set('authorization', `Bearer ${tokens[user]}`)
        .send(body as object);
    const styled = await patch('gz.chen', { style: 'analytical', styleNote: '关注油耗数据' });
    expect(styled.status).toBe(200);
    expect((styled.body as CustomerCard).prospect).toMatchObject({
      style: 'analytical',
      styleNote: '关注油耗数据',
    });
    expectProblem(await patch('gz.chen', { style: 'shy' }), 400, 'validation_failed');
    expectProblem(await patch('gz.chen', { consultantId: ids['gz.wang'] }), 403, 'forbidden');
    expectProblem(await patch('gz.manager', { consultantId: ids['sz.liu'] }), 400, 'validation_failed');
    const handed = await patch('gz.manager', { consultantId: ids['gz.wang'], style: null });
    expect(handed.status).toBe(200);
    const after = handed.body as CustomerCard;
    expect(after.prospect).toMatchObject({ consultant: { id: ids['gz.wang'] }, style: null });
    expect(after.openTasks.map((task) => task.assignee?.id)).toEqual([ids['gz.wang']]);
    // The card reads the same afterwards, for the new consultant too.
    expect((await card(id, 'gz.wang')).prospect).toMatchObject({
      consultant: { id: ids['gz.wang'] },
      styleNote: '关注油耗数据',
    });
  });

  it('a logged contact re-plans the follow-up; 战败 stops the sales calls, plans the manager’s callback and the lost-sales survey', async () => {
    const customer = await newCustomer(t, api, 'lost');
    const booking = await completeTestDrive(t, api, demo, pool, customer, tokens['gz.chen']!);
    const [row] = (await t.dataSource.query('SELECT id FROM prospects WHERE store_id = ? AND phone = ?', [
      demo.gz.id,
      customer.mobile,
    ])) as Array<{ id: number }>;
    const id = Number(row!.id);

    const logged = await api.post(
      `/api/staff/prospects/${id}/contacts`,
      tokens['gz.chen'],
      { channel: 'outbound_call', note: '客户在比较竞品', intentLevel: 'A' },
      { 'idempotency-key': key() },
    );
    expect(logged.status).toBe(201);
    const before = logged.body as CustomerCard;
    expect(before.openTasks.map((task) => task.kind).sort()).toEqual([
      'prospect_follow_up',
      'test_drive_next_day_call',
      'test_drive_no_order_callback',
    ]);
    expect(before.timeline.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['contact', 'intent', 'test_drive']),
    );
    expect(before.timeline.find((entry) => entry.type === 'test_drive')).toMatchObject({
      refId: booking.id,
      title: expect.stringContaining('已完成'),
    });
    expectProblem(
      await api.post(`/api/staff/prospects/${id}/contacts`, tokens['gz.chen'], {
        channel: 'visit',
        note: '无键',
      }),
      400,
    );

    expectProblem(
      await api.post(`/api/staff/prospects/${id}/lost`, tokens['gz.chen'], { category: 'weather' }),
      400,
    );
    const lost = await api.post(`/api/staff/prospects/${id}/lost`, tokens['gz.chen'], {
      category: 'competitor',
      note: '买了竞品',
    });
    expect(lost.status).toBe(200);
    const after = lost.body as CustomerCard;
    expect(after.prospect).toMatchObject({
      status: 'lost',
      lostReason: { category: 'competitor', note: '买了竞品' },
    });
    expect(after.openTasks.map((task) => [task.kind, task.assigneeRole])).toEqual([
      ['lost_customer_callback', 'manager'],
    ]);
    expect(after.timeline.find((entry) => entry.type === 'lost')).toMatchObject({
      title: '战败：购买竞品',
      detail: '买了竞品',
    });
    const times = after.timeline.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
    const invitations = (await t.dataSource.query(
      "SELECT kind, customer_id FROM survey_invitations WHERE event_type = 'prospect_lost' AND event_id = ?",
      [id],
    )) as Array<{ kind: string; customer_id: number }>;
    expect(invitations.map((inv) => [inv.kind, Number(inv.customer_id)])).toEqual([
      ['lost_sales', customer.id],
    ]);

    const twice = await api.post(`/api/staff/prospects/${id}/lost`, tokens['gz.chen'], { category: 'price' });
    expectProblem(twice, 409, 'conflict');
    expect((twice.body as { detail: string }).detail).toBe('该客户已标记为战败');
    expectProblem(
      await api.post(`/api/staff/prospects/${id}/intent`, tokens['gz.chen'], { level: 'H' }),
      409,
    );
  });
});
