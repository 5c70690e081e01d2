import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  localDateIn,
  maskMobile,
  type Page,
  type SurveyInvitationListItem,
  type TestDriveBooking,
} from '@dealer-care/domain';
import {
  completeTestDrive,
  DAY_MS,
  GOOD_TEST_DRIVE_ANSWERS,
  invitationOf,
  newCustomer,
  pending,
  runDue,
  type SurveyCustomer,
} from './support/survey-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import { Api, loadDemo, SlotPool, todayInStore, TZ, type Demo } from './support/test-drive-fixtures.js';

const CHINESE = /[\u4e00-\u9fff]/;
const INVITATIONS = '/api/staff/satisfaction/invitations';
const KIND = { kind: 'test_drive_feedback' };

/**
 * The dashboard's invitation list: what was held back by the contact budget or an open complaint
 * (with when it is tried again), what was dropped and why, filtered by status and store scope.
 * The data is made through the real flow (test drives completed, surveys answered, the dispatcher
 * run at a chosen time). The demo seed's ~500 invitations (mobiles 1760000xxxx, due at least an
 * hour ago) stay in the database, so every assertion looks at this file's own invitations.
 */
describe(`satisfaction: the invitation list (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  const pools: Record<'gz' | 'sz', SlotPool | null> = { gz: null, sz: null };
  const staff: Record<'chen' | 'liu' | 'szManager' | 'admin', string> = {
    chen: '',
    liu: '',
    szManager: '',
    admin: '',
  };
  const customers: Record<string, SurveyCustomer> = {};
  /** Invitation ids: A1 sent, A2 held (budget); B1 completed low, B2 held (complaint); C1, C2 dropped; D1 Shenzhen. */
  const inv: Record<string, number> = {};
  /** When A's first survey went out: the contact budget ends 7 days later. */
  let firstSentOfA: Date;
  /** When the dispatcher held B's second survey (it looks again a day later). */
  let heldAtB: Date;

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    [staff.chen, staff.liu, staff.szManager, staff.admin] = await Promise.all(
      ['gz.chen', 'sz.liu', 'sz.manager', 'admin'].map((u) => t.staffToken(u)),
    );
    demo = await loadDemo(t, staff.admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (token: string, query: Record<string, string | number> = {}) => {
    const res = await api.get(INVITATIONS, token, { ...KIND, ...query });
    if (res.status !== 200) throw new Error(`GET ${INVITATIONS}: ${res.status} ${res.text}`);
    return res.body as Page<SurveyInvitationListItem>;
  };
  /** This file's invitations of a page, in the page's order. */
  const ours = (page: Page<SurveyInvitationListItem>) => {
    const own = new Set(Object.values(inv));
    return page.items.filter((item) => own.has(item.id));
  };
  const itemOf = (page: Page<SurveyInvitationListItem>, id: number) => {
    const item = page.items.find((entry) => entry.id === id);
    if (!item) throw new Error(`invitation ${id} not in the page`);
    return item;
  };

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

  /** The invitation of a completed drive. */
  const invitationIdOf = async (booking: TestDriveBooking) =>
    (await invitationOf(t, 'test_drive_completed', booking.id)).id;

  /** Submits the customer's one pending survey with a low score, which opens a complaint (low-score case). */
  async function answerLow(customer: SurveyCustomer): Promise<Date> {
    const [survey] = await pending(api, customer.token);
    const res = await api.post(`/api/surveys/${encodeURIComponent(survey!.token)}/submit`, customer.token, {
      answers: { ...GOOD_TEST_DRIVE_ANSWERS, overall: 1, problems: ['waiting'], nps: 2 },
    });
    if (res.status !== 200) throw new Error(`submit: ${res.status} ${res.text}`);
    return new Date(survey!.sentAt);
  }

  it('builds its invitations through the real flow', async () => {
    for (const name of ['A', 'B', 'C', 'D']) customers[name] = await newCustomer(t, api, `inv-${name}`);
    const { A, B, C, D } = customers as Record<string, SurveyCustomer>;

    // A: the first survey goes out; a second drive the same day is held by the contact budget.
    inv.A1 = await invitationIdOf(await completeDrive('gz', A!, staff.chen));
    const [first] = await pending(api, A!.token);
    firstSentOfA = new Date(first!.sentAt);
    inv.A2 = await invitationIdOf(await completeDrive('gz', A!, staff.chen));
    await pending(api, A!.token);

    // B: answers low (an open complaint); the next survey is held for it, past the contact gap.
    inv.B1 = await invitationIdOf(await completeDrive('gz', B!, staff.chen));
    const firstSentOfB = await answerLow(B!);
    inv.B2 = await invitationIdOf(await completeDrive('gz', B!, staff.chen));
    heldAtB = new Date(firstSentOfB.getTime() + 8 * DAY_MS);
    expect(await runDue(t, heldAtB, B!.id)).toMatchObject({ held: 1, sent: 0 });

    // C: the same, but nobody resolves the complaint within the hold limit: dropped.
    inv.C1 = await invitationIdOf(await completeDrive('gz', C!, staff.chen));
    await answerLow(C!);
    inv.C2 = await invitationIdOf(await completeDrive('gz', C!, staff.chen));
    expect(await runDue(t, new Date(Date.now() + 15 * DAY_MS), C!.id)).toMatchObject({ dropped: 1 });

    // D: a Shenzhen customer's survey, sent.
    inv.D1 = await invitationIdOf(await completeDrive('sz', D!, staff.liu));
    await pending(api, D!.token);

    const rows = (await t.dataSource.query(
      `SELECT id, status, hold_reason FROM survey_invitations WHERE id IN (${Object.values(inv).join(',')}) ORDER BY id`,
    )) as Array<{ id: number; status: string; hold_reason: string | null }>;
    expect(rows.map((row) => [Number(row.id), row.status, row.hold_reason])).toEqual([
      [inv.A1, 'sent', null],
      [inv.A2, 'held', 'contact_budget'],
      [inv.B1, 'completed', null],
      [inv.B2, 'held', 'open_complaint'],
      [inv.C1, 'completed', null],
      [inv.C2, 'dropped', 'held_too_long'],
      [inv.D1, 'sent', null],
    ]);
  });

  it('shows a survey held by the contact budget with its reason and the end of the budget as the next attempt', async () => {
    const held = await list(staff.chen, { status: 'held', pageSize: 100 });
    expect(itemOf(held, inv.A2!)).toEqual({
      id: inv.A2,
      kind: 'test_drive_feedback',
      storeId: demo.gz.id,
      storeName: demo.gz.name,
      customerName: '张伟',
      mobileMasked: maskMobile(customers.A!.mobile),
      subject: expect.stringContaining('试驾'),
      consultantName: '陈晓明',
      status: 'held',
      holdReason: 'contact_budget',
      sendAt: expect.stringMatching(/Z$/),
      nextCheckAt: new Date(firstSentOfA.getTime() + 7 * DAY_MS).toISOString(),
      sentAt: null,
      remindedAt: null,
      openedAt: null,
      completedAt: null,
      expiresAt: null,
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(itemOf(held, inv.A2!).mobileMasked).toMatch(/^137\*{4}\d{4}$/);
  });

  it('shows a survey held for an open complaint, looked at again a day later', async () => {
    const held = await list(staff.chen, { status: 'held', pageSize: 100 });
    expect(itemOf(held, inv.B2!)).toMatchObject({
      status: 'held',
      holdReason: 'open_complaint',
      nextCheckAt: new Date(heldAtB.getTime() + DAY_MS).toISOString(),
      sentAt: null,
    });
    // Held ones only: none of this file's sent, completed or dropped invitations.
    expect(ours(held).map((item) => item.id)).toEqual([inv.B2, inv.A2]);
    expect(held.items.every((item) => item.status === 'held' && item.holdReason !== null)).toBe(true);
  });

  it('shows a dropped survey with its reason and no next attempt', async () => {
    const dropped = await list(staff.chen, { status: 'dropped', pageSize: 100 });
    expect(ours(dropped).map((item) => item.id)).toEqual([inv.C2]);
    expect(itemOf(dropped, inv.C2!)).toMatchObject({
      status: 'dropped',
      holdReason: 'held_too_long',
      nextCheckAt: null,
      sentAt: null,
      mobileMasked: maskMobile(customers.C!.mobile),
    });
    expect(dropped.items.every((item) => item.status === 'dropped')).toBe(true);
  });

  it('filters by status and lists newest due first, a page at a time', async () => {
    const completed = await list(staff.chen, { status: 'completed', pageSize: 100 });
    expect(ours(completed).map((item) => item.id)).toEqual([inv.C1, inv.B1]);
    for (const id of [inv.B1!, inv.C1!]) {
      expect(itemOf(completed, id)).toMatchObject({
        status: 'completed',
        holdReason: null,
        nextCheckAt: null,
        sentAt: expect.stringMatching(/Z$/),
        completedAt: expect.stringMatching(/Z$/),
        expiresAt: expect.stringMatching(/Z$/),
      });
    }
    const sent = await list(staff.chen, { status: 'sent', pageSize: 100 });
    // A sent survey has no "next attempt": its reminder and expiry are the dispatcher's business.
    expect(itemOf(sent, inv.A1!)).toMatchObject({ status: 'sent', holdReason: null, nextCheckAt: null });

    // Every status, newest due first (ties: newest id first).
    const all = await list(staff.chen, { pageSize: 100 });
    expect(ours(all).map((item) => item.id)).toEqual(
      [inv.C2, inv.C1, inv.B2, inv.B1, inv.A2, inv.A1].map(Number),
    );
    for (let i = 1; i < all.items.length; i++) {
      const [before, after] = [all.items[i - 1]!, all.items[i]!];
      expect(before.sendAt > after.sendAt || (before.sendAt === after.sendAt && before.id > after.id)).toBe(
        true,
      );
    }

    // Pages of 2 follow one another; 20 a page unless asked.
    const first = await list(staff.chen, { pageSize: 2 });
    const second = await list(staff.chen, { pageSize: 2, page: 2 });
    const four = await list(staff.chen, { pageSize: 4 });
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: all.total });
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(
      four.items.map((item) => item.id),
    );
    const plain = await list(staff.chen);
    expect(plain).toMatchObject({ page: 1, pageSize: 20 });
    expect(plain.items.length).toBe(Math.min(20, all.total));
  });

  it('filters by the store-local date each was due to be sent', async () => {
    const sendAt = new Date(itemOf(await list(staff.chen, { status: 'held' }), inv.A2!).sendAt);
    const day = localDateIn(TZ, sendAt);
    const thatDay = await list(staff.chen, { from: day, to: day, pageSize: 100 });
    expect(ours(thatDay).map((item) => item.id)).toContain(inv.A2);
    const nextDay = await list(staff.chen, { from: addDays(day, 1), to: addDays(day, 1), pageSize: 100 });
    expect(ours(nextDay)).toEqual([]);
    const lastYear = await list(staff.chen, { from: '2025-01-01', to: '2025-01-31' });
    expect(ours(lastYear)).toEqual([]);
    // Another kind has none of them.
    expect(ours(await list(staff.chen, { kind: 'sales_csi', pageSize: 100 }))).toEqual([]);
  });

  it('keeps each store to its own invitations', async () => {
    const gzIds = [inv.A1, inv.A2, inv.B1, inv.B2, inv.C1, inv.C2];
    // Shenzhen's consultant and manager see Shenzhen only.
    for (const token of [staff.liu, staff.szManager]) {
      const sz = await list(token, { pageSize: 100 });
      expect(sz.items.every((item) => item.storeId === demo.sz.id)).toBe(true);
      expect(ours(sz).map((item) => item.id)).toEqual([inv.D1]);
      const held = await list(token, { status: 'held', pageSize: 100 });
      expect(held.items.every((item) => item.storeId === demo.sz.id)).toBe(true);
      expect(held.items.map((item) => item.id)).not.toContain(inv.A2);
      // Asking for another store is refused, not answered with nothing.
      expectProblem(
        await api.get(INVITATIONS, token, { ...KIND, storeId: demo.gz.id }),
        403,
        'out_of_store_scope',
      );
    }
    const gz = await list(staff.chen, { pageSize: 100 });
    expect(gz.items.every((item) => item.storeId === demo.gz.id)).toBe(true);
    expect(ours(gz).map((item) => item.id)).not.toContain(inv.D1);
    expectProblem(
      await api.get(INVITATIONS, staff.chen, { ...KIND, storeId: demo.sz.id }),
      403,
      'out_of_store_scope',
    );
    expect((await list(staff.chen, { storeId: demo.gz.id, pageSize: 100 })).total).toBe(gz.total);

    // The admin sees both stores, or the one asked for.
    const everything = await list(staff.admin, { pageSize: 100 });
    expect(ours(everything).map((item) => item.id)).toEqual(expect.arrayContaining([...gzIds, inv.D1]));
    const szOnly = await list(staff.admin, { storeId: demo.sz.id, pageSize: 100 });
    expect(szOnly.items.every((item) => item.storeId === demo.sz.id)).toBe(true);
    expect(ours(szOnly).map((item) => item.id)).toEqual([inv.D1]);
    expect(itemOf(szOnly, inv.D1!)).toMatchObject({ storeName: demo.sz.name, consultantName: '刘洋' });
    expectProblem(await api.get(INVITATIONS, staff.admin, { ...KIND, storeId: 999_999 }), 404, 'not_found');

    // Customers and strangers get nothing.
    expectProblem(await api.get(INVITATIONS, customers.A!.token, KIND), 403, 'forbidden');
    expectProblem(await api.get(INVITATIONS, undefined, KIND), 401);
  });

  it('never sends a full mobile number', () => {
    const listed = api.bodies.filter((body) => body.includes('"mobileMasked"'));
    expect(listed.length).toBeGreaterThan(0);
    for (const customer of Object.values(customers)) {
      for (const body of listed) expect(body).not.toContain(customer.mobile);
    }
    for (const body of listed) expect(body).not.toMatch(/1760000\d{4}/);
  });

  it('refuses bad filters with a Chinese 400 problem', async () => {
    const today = todayInStore();
    const cases: Array<[Record<string, string | number>, string]> = [
      [{}, 'kind'],
      [{ kind: 'all' }, 'kind'],
      [{ ...KIND, status: 'unknown' }, 'status'],
      [{ ...KIND, status: 'HELD' }, 'status'],
      [{ ...KIND, from: '2026/01/01' }, 'from'],
      [{ ...KIND, from: '2026-02-30' }, 'from'],
      [{ ...KIND, to: 'yesterday' }, 'to'],
      [{ ...KIND, from: today, to: addDays(today, -1) }, 'from'],
      [{ ...KIND, from: addDays(today, -366), to: today }, 'from'],
      [{ ...KIND, pageSize: 1000 }, 'pageSize'],
      [{ ...KIND, pageSize: 101 }, 'pageSize'],
      [{ ...KIND, pageSize: 0 }, 'pageSize'],
      [{ ...KIND, page: 0 }, 'page'],
      [{ ...KIND, page: 'two' }, 'page'],
      [{ ...KIND, storeId: 'gz' }, 'storeId'],
      [{ ...KIND, lowOnly: 'true' }, 'lowOnly'],
      [{ ...KIND, holdReason: 'contact_budget' }, 'holdReason'],
      [{ ...KIND, surprise: 1 }, 'surprise'],
    ];
    for (const [query, field] of cases) {
      const res = await api.get(INVITATIONS, staff.admin, query);
      expectProblem(res, 400, 'validation_failed');
      expect([field, res.body.errors]).toEqual([
        field,
        expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(CHINESE) })]),
      ]);
      expect(res.body.detail).toMatch(CHINESE);
    }
    // 100 a page is the most, and 366 days in all the longest range.
    expect((await list(staff.admin, { pageSize: 100 })).pageSize).toBe(100);
    expect((await list(staff.admin, { from: addDays(today, -365), to: today })).page).toBe(1);
  });
});
