import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SalesOrder } from '@dealer-care/domain';
import { createSurveyInvitation } from '../src/modules/surveys/create-survey-invitation.js';
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
});
