import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SalesOrder } from '@dealer-care/domain';
import { StoreEntity } from '../src/modules/stores/store.entity.js';
import { createSurveyInvitation } from '../src/modules/surveys/create-survey-invitation.js';
import { RETRY_AFTER_FAILURE_MS } from '../src/modules/surveys/survey-dispatcher.js';
import {
  completeTestDrive,
  DAY_MS,
  deliverOrder,
  GOOD_TEST_DRIVE_ANSWERS,
  invitationOf,
  invitations,
  newCustomer,
  nextMobile,
  outboxOf,
  pending,
  runDue,
  type SurveyCustomer,
} from './support/survey-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  Api,
  dbTime,
  loadDemo,
  MINUTE,
  SlotPool,
  todayInStore,
  TZ,
  type Demo,
} from './support/test-drive-fixtures.js';

describe(`surveys: the dispatcher (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  const staff: Record<'chen' | 'admin', string> = { chen: '', admin: '' };

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    [staff.chen, staff.admin] = await Promise.all(['gz.chen', 'admin'].map((u) => t.staffToken(u)));
    demo = await loadDemo(t, staff.admin);
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const completed = (customer: SurveyCustomer) => completeTestDrive(t, api, demo, pool, customer, staff.chen);
  const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
  const statusOf = async (id: number) => (await invitations(t, 'id = ?', [id]))[0]!;

  /** An order for `mobile` that no WeChat customer is linked to, delivered per the hook's event. */
  async function unlinkedDelivery(mobile: string, at: Date): Promise<number> {
    const created = await api.post(`/api/staff/stores/${demo.gz.id}/sales-orders`, staff.chen, {
      customerName: '王芳',
      customerMobile: mobile,
      modelId: demo.models['YL-X5']!.id,
      trim: '两驱标准版',
      colour: '珍珠白',
      promisedFrom: todayInStore(),
      promisedTo: todayInStore(),
    });
    expect(created.status).toBe(201);
    const order = created.body as SalesOrder;
    expect(order.customerLinked).toBe(false);
    await t.dataSource.transaction((manager) =>
      createSurveyInvitation(manager, {
        type: 'order_delivered',
        id: order.id,
        at,
        store: { id: demo.gz.id, name: demo.gz.name, timeZone: TZ },
        consultantId: null,
        customerId: null,
        customerName: '王芳',
        customerMobile: mobile,
        what: '交车 云岚 X5',
      }),
    );
    return (await invitationOf(t, 'order_delivered', order.id)).id;
  }

  /** Moves an invitation's clock behind the API's back, as if `ms` had passed. */
  async function age(id: number, ms: number): Promise<void> {
    const row = await statusOf(id);
    await t.dataSource.query('UPDATE survey_invitations SET send_at = ?, next_check_at = ? WHERE id = ?', [
      dbTime(new Date(row.send_at.getTime() - ms)),
      dbTime(new Date(Date.now() - MINUTE)),
      id,
    ]);
  }

  it('holds a second survey within the contact budget, whatever its kind, and sends it when the budget allows', async () => {
    const customer = await newCustomer(t, api, 'budget');
    await completed(customer);
    const [first] = await pending(api, customer.token);
    const firstSentAt = new Date(first!.sentAt);

    const order = await deliverOrder(api, demo, customer, staff.chen);
    const second = await invitationOf(t, 'order_delivered', order.id);
    const due = later(second.send_at, MINUTE);
    expect(await runDue(t, due, customer.id)).toMatchObject({ sent: 0, held: 1 });
    const held = await statusOf(second.id);
    expect(held).toMatchObject({ status: 'held', hold_reason: 'contact_budget' });
    // Retried when the 7-day gap since the first survey ends.
    expect(held.next_check_at!.getTime()).toBe(firstSentAt.getTime() + 7 * DAY_MS);
    expect(await outboxOf(t, second.id)).toEqual([]);

    expect(await runDue(t, later(firstSentAt, 7 * DAY_MS - MINUTE), customer.id)).toMatchObject({ sent: 0 });
    expect((await statusOf(second.id)).status).toBe('held');
    const release = later(firstSentAt, 7 * DAY_MS + MINUTE);
    expect(await runDue(t, release, customer.id)).toMatchObject({ sent: 1 });
    const sent = await statusOf(second.id);
    expect(sent).toMatchObject({ status: 'sent', hold_reason: null });
    // MariaDB keeps whole seconds.
    expect(Math.abs(sent.sent_at!.getTime() - release.getTime())).toBeLessThan(1000);
    expect(await outboxOf(t, second.id)).toEqual([
      expect.objectContaining({ kind: 'survey_invited', customer_id: customer.id }),
    ]);
  });

  it('holds surveys while a complaint of the customer is open, and sends once it is resolved', async () => {
    const customer = await newCustomer(t, api, 'complaint');
    await completed(customer);
    const [first] = await pending(api, customer.token);
    const res = await api.post(`/api/surveys/${encodeURIComponent(first!.token)}/submit`, customer.token, {
      answers: { ...GOOD_TEST_DRIVE_ANSWERS, overall: 1, problems: ['waiting'], nps: 2 },
    });
    expect(res.status).toBe(200);
    const [row] = (await t.dataSource.query('SELECT id FROM low_score_cases WHERE customer_id = ?', [
      customer.id,
    ])) as Array<{ id: number }>;
    const complaint = { id: Number(row!.id) };

    const booking = await completed(customer);
    const next = await invitationOf(t, 'test_drive_completed', booking.id);
    // Past the contact gap, only the complaint holds it.
    const at = later(new Date(first!.sentAt), 8 * DAY_MS);
    expect(await runDue(t, at, customer.id)).toMatchObject({ held: 1, sent: 0 });
    const held = await statusOf(next.id);
    expect(held).toMatchObject({ status: 'held', hold_reason: 'open_complaint' });
    expect(held.next_check_at!.getTime()).toBe(at.getTime() + DAY_MS);

    // Contacted is not resolved: still held.
    const note = { status: 'contacted', note: '已电话致歉，约定再次试驾' };
    expect(
      (await api.post(`/api/staff/satisfaction/cases/${complaint.id}/progress`, staff.chen, note)).status,
    ).toBe(200);
    expect(await runDue(t, later(at, DAY_MS + MINUTE), customer.id)).toMatchObject({ held: 1 });
    const resolved = { status: 'resolved', note: '客户再次试驾后表示满意' };
    expect(
      (await api.post(`/api/staff/satisfaction/cases/${complaint.id}/progress`, staff.chen, resolved)).status,
    ).toBe(200);
    expect(await runDue(t, later(at, 2 * DAY_MS + 2 * MINUTE), customer.id)).toMatchObject({ sent: 1 });
    expect(await statusOf(next.id)).toMatchObject({ status: 'sent', hold_reason: null });
  });

  it('holds a delivery survey until its customer is on WeChat, then sends it the moment they show up', async () => {
    const mobile = nextMobile();
    const id = await unlinkedDelivery(mobile, new Date(Date.now() - 2 * DAY_MS));
    await runDue(t, new Date());
    const held = await statusOf(id);
    expect(held).toMatchObject({ status: 'held', hold_reason: 'no_wechat_customer', customer_id: null });
    expect(held.next_check_at!.getTime()).toBeGreaterThan(Date.now() + DAY_MS - 5 * MINUTE);

    // The customer logs in with the order's phone and looks at their deliveries (which links the order).
    const token = await t.customerToken('dev-sv-late-wechat', mobile);
    expect((await api.get('/api/deliveries', token)).status).toBe(200);
    // It goes out at once, not at the hold's next daily check.
    const list = await pending(api, token);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'sales_csi', subject: expect.stringContaining('交车 云岚 X5') });
    const sent = await statusOf(id);
    expect(sent.status).toBe('sent');
    expect(sent.customer_id).not.toBeNull();
    expect(await outboxOf(t, id)).toEqual([
      expect.objectContaining({ kind: 'survey_invited', customer_id: sent.customer_id }),
    ]);
  });

  it('finds the customer by the order’s bound phone when the order itself is not linked yet', async () => {
    const mobile = nextMobile();
    const id = await unlinkedDelivery(mobile, new Date(Date.now() - 2 * DAY_MS));
    const customer = await t.customerToken('dev-sv-phone-only', mobile);
    // The pending list sends what is due for this customer, including unlinked surveys under their phone.
    const list = await pending(api, customer);
    expect(list).toHaveLength(1);
    expect((await statusOf(id)).status).toBe('sent');
  });

  it('leaves a survey held for a phone two customers share alone until its next check, then still holds it', async () => {
    const mobile = nextMobile();
    const id = await unlinkedDelivery(mobile, new Date(Date.now() - 2 * DAY_MS));
    await runDue(t, new Date());
    expect(await statusOf(id)).toMatchObject({ status: 'held', hold_reason: 'no_wechat_customer' });
    const nextCheck = new Date(Date.now() + 5 * 60 * MINUTE);
    await t.dataSource.query('UPDATE survey_invitations SET next_check_at = ? WHERE id = ?', [
      dbTime(nextCheck),
      id,
    ]);

    // Two WeChat customers bound the order's phone: whose survey it is cannot be told.
    const first = await t.customerToken('dev-sv-shared-1', mobile);
    await t.customerToken('dev-sv-shared-2', mobile);
    for (let view = 0; view < 3; view++) expect(await pending(api, first)).toEqual([]);
    // Not held again on every page view: untouched until its next check.
    const untouched = await statusOf(id);
    expect(untouched).toMatchObject({ status: 'held', hold_reason: 'no_wechat_customer', customer_id: null });
    expect(untouched.next_check_at!.getTime()).toBe(Math.floor(nextCheck.getTime() / 1000) * 1000);

    // At that check it is looked at again, and held again for the same reason.
    expect(await runDue(t, later(nextCheck, MINUTE))).toMatchObject({ sent: 0 });
    const again = await statusOf(id);
    expect(again).toMatchObject({ status: 'held', hold_reason: 'no_wechat_customer' });
    expect(again.next_check_at!.getTime()).toBeGreaterThan(nextCheck.getTime() + DAY_MS - 5 * MINUTE);
    expect(await outboxOf(t, id)).toEqual([]);
  });

  it('drops a survey it could not send within the hold limit, with the reason, and never sends it', async () => {
    const id = await unlinkedDelivery(nextMobile(), new Date(Date.now() - 2 * DAY_MS));
    await runDue(t, new Date());
    expect((await statusOf(id)).status).toBe('held');
    await age(id, 14 * DAY_MS);
    await runDue(t, new Date());
    expect(await statusOf(id)).toMatchObject({
      status: 'dropped',
      hold_reason: 'held_too_long',
      next_check_at: null,
    });
    await runDue(t, later(new Date(), 30 * DAY_MS));
    expect((await statusOf(id)).status).toBe('dropped');
    expect(await outboxOf(t, id)).toEqual([]);
  });

  it('reminds once (even with two dispatchers at once) and expires what was not completed', async () => {
    const customer = await newCustomer(t, api, 'remind');
    const booking = await completed(customer);
    const [survey] = await pending(api, customer.token);
    const sentAt = new Date(survey!.sentAt);
    const row = await invitationOf(t, 'test_drive_completed', booking.id);
    expect(row.next_check_at!.getTime()).toBe(sentAt.getTime() + 3 * DAY_MS);

    expect(await runDue(t, later(sentAt, 3 * DAY_MS - MINUTE), customer.id)).toMatchObject({ reminded: 0 });
    const at = later(sentAt, 3 * DAY_MS + MINUTE);
    const runs = await Promise.all([
      runDue(t, at, customer.id),
      runDue(t, at, customer.id),
      runDue(t, at, customer.id),
    ]);
    expect(runs.reduce((sum, run) => sum + run.reminded, 0)).toBe(1);
    expect(await runDue(t, later(at, DAY_MS), customer.id)).toMatchObject({ reminded: 0 });
    const messages = await outboxOf(t, row.id);
    expect(messages.map((message) => message.kind)).toEqual(['survey_invited', 'survey_reminder']);
    expect(messages[1]!.page).toBe(messages[0]!.page);
    const reminded = await statusOf(row.id);
    expect(reminded.reminded_at).not.toBeNull();
    expect(reminded.next_check_at!.getTime()).toBe(new Date(survey!.expiresAt).getTime());

    expect(await runDue(t, later(sentAt, 14 * DAY_MS - MINUTE), customer.id)).toMatchObject({ expired: 0 });
    expect(await runDue(t, later(sentAt, 14 * DAY_MS), customer.id)).toMatchObject({ expired: 1 });
    expect(await statusOf(row.id)).toMatchObject({ status: 'expired', next_check_at: null });
    expect(await runDue(t, later(sentAt, 20 * DAY_MS), customer.id)).toMatchObject({
      expired: 0,
      reminded: 0,
    });
  });

  it('sends no reminder for a completed survey', async () => {
    const customer = await newCustomer(t, api, 'done');
    await completed(customer);
    const [survey] = await pending(api, customer.token);
    const res = await api.post(`/api/surveys/${encodeURIComponent(survey!.token)}/submit`, customer.token, {
      answers: GOOD_TEST_DRIVE_ANSWERS,
    });
    expect(res.status).toBe(200);
    const result = await runDue(t, later(new Date(survey!.sentAt), 4 * DAY_MS), customer.id);
    expect(result).toMatchObject({ reminded: 0, expired: 0 });
  });

  it('two dispatchers at once send one message, and one of two due surveys of a customer', async () => {
    const single = await newCustomer(t, api, 'race-one');
    const booking = await completed(single);
    const at = later(new Date(), MINUTE);
    const runs = await Promise.all([runDue(t, at, single.id), runDue(t, at, single.id), runDue(t, at)]);
    const row = await invitationOf(t, 'test_drive_completed', booking.id);
    expect(row.status).toBe('sent');
    expect((await outboxOf(t, row.id)).filter((message) => message.kind === 'survey_invited')).toHaveLength(
      1,
    );
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBeGreaterThanOrEqual(1);

    // Two surveys of one customer due together: the contact budget lets one out, whichever process runs.
    const pair = await newCustomer(t, api, 'race-two');
    const firstDrive = await completed(pair);
    const secondDrive = await completed(pair);
    const both = later(new Date(), 2 * MINUTE);
    await Promise.all([runDue(t, both, pair.id), runDue(t, both, pair.id)]);
    const rows = [
      await invitationOf(t, 'test_drive_completed', firstDrive.id),
      await invitationOf(t, 'test_drive_completed', secondDrive.id),
    ];
    expect(rows.map((entry) => entry.status).sort()).toEqual(['held', 'sent']);
    expect(rows.find((entry) => entry.status === 'held')!.hold_reason).toBe('contact_budget');
  });

  it('puts a survey whose step fails back for a while, so it does not block the others', async () => {
    const customer = await newCustomer(t, api, 'stuck');
    // A store no message can be written for (its time zone is unknown): sending its surveys fails.
    const broken = await t.dataSource.getRepository(StoreEntity).save({
      code: 'SV-BROKEN',
      name: '时区错误的门店',
      city: '广州',
      address: '天河路 1 号',
      phone: '020-12345678',
      latitude: 23.13,
      longitude: 113.32,
      timeZone: 'Nowhere/Unknown',
    });
    const now = new Date();
    const owe = async (eventId: number, storeId: number, dueAt: Date) => {
      await t.dataSource.transaction((manager) =>
        createSurveyInvitation(manager, {
          type: 'test_drive_completed',
          id: eventId,
          at: new Date(now.getTime() - DAY_MS),
          store: { id: storeId, name: '门店', timeZone: TZ },
          consultantId: null,
          customerId: customer.id,
          customerName: '李雷',
          customerMobile: customer.mobile,
          what: '试驾 云岚 S5',
        }),
      );
      const row = await invitationOf(t, 'test_drive_completed', eventId);
      await t.dataSource.query('UPDATE survey_invitations SET next_check_at = ? WHERE id = ?', [
        dbTime(dueAt),
        row.id,
      ]);
      return row.id;
    };
    // More failing ones than a customer's run takes at once, all due before the good one.
    const failing: number[] = [];
    for (let i = 0; i < 21; i++) {
      failing.push(await owe(9_000_000 + i, broken.id, new Date(now.getTime() - 120 * MINUTE + i * 1000)));
    }
    const good = await owe(9_000_100, demo.gz.id, new Date(now.getTime() - 60 * MINUTE));

    // MariaDB keeps whole seconds.
    const retriesAfter = (at: Date, row: { next_check_at: Date | null }) =>
      Math.abs(row.next_check_at!.getTime() - (at.getTime() + RETRY_AFTER_FAILURE_MS)) < 1000;
    expect(await runDue(t, now, customer.id)).toMatchObject({ sent: 0 });
    for (const id of failing.slice(0, 20)) {
      const row = await statusOf(id);
      expect(row.status).toBe('scheduled');
      expect(retriesAfter(now, row)).toBe(true);
    }
    // The next run gets past them: the good survey goes out.
    expect(await runDue(t, now, customer.id)).toMatchObject({ sent: 1 });
    expect(await statusOf(good)).toMatchObject({ status: 'sent' });
    expect(await outboxOf(t, good)).toEqual([
      expect.objectContaining({ kind: 'survey_invited', customer_id: customer.id }),
    ]);

    // Not looked at again before their time, by any run.
    await runDue(t, now);
    for (const id of failing) expect(retriesAfter(now, await statusOf(id))).toBe(true);
    // Then tried again: the customer has just had a survey, so the budget now holds them.
    await runDue(t, later(now, RETRY_AFTER_FAILURE_MS + MINUTE));
    for (const id of failing) {
      expect(await statusOf(id)).toMatchObject({ status: 'held', hold_reason: 'contact_budget' });
      expect(await outboxOf(t, id)).toEqual([]);
    }
  });
});
