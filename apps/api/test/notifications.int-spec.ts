import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  messageFallbackDueAt,
  type CustomerProfile,
  type NotificationListItem,
  type Page,
  type TestDriveBooking,
} from '@dealer-care/domain';
import { FollowUpTaskEntity } from '../src/modules/follow-ups/entities/follow-up-task.entity.js';
import { JobRunner } from '../src/modules/jobs/job-runner.js';
import { JobEntity } from '../src/modules/jobs/job.entity.js';
import { enqueueNotification } from '../src/modules/notifications/enqueue-notification.js';
import { NotificationOutboxEntity } from '../src/modules/notifications/notification-outbox.entity.js';
import { WechatSubscriptionEntity } from '../src/modules/notifications/wechat-subscription.entity.js';
import { TestDriveBookingEntity } from '../src/modules/test-drives/entities/test-drive-booking.entity.js';
import { ProspectEntity } from '../src/modules/prospects/entities/prospect.entity.js';
import { StaffUserEntity } from '../src/modules/staff/staff-user.entity.js';
import { StoreEntity } from '../src/modules/stores/store.entity.js';
import { toStoreSchedule } from '../src/modules/stores/store-schedule.js';
import { WECHAT_PATHS } from './support/fake-wechat-server.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import { Api, bookingBody, bookOk, loadDemo, SlotPool, type Demo } from './support/test-drive-fixtures.js';

const MINUTE = 60_000;
const RESULT_TEMPLATE = 'tmpl_test_drive_result';

/** MariaDB DATETIME keeps whole seconds, SQLite milliseconds. */
function expectSameSecond(actual: Date | string, expected: Date): void {
  expect(Math.abs(new Date(actual).getTime() - expected.getTime())).toBeLessThan(1000);
}

/**
 * The sender against the fake WeChat server: one message per grant, refusals and dead letters
 * turned into calls by the consultant, and what staff see and may retry.
 */
describe(`notifications: the WeChat sender (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  let runner: JobRunner;
  let chenId: number;
  const staff = { chen: '', gzManager: '', szManager: '', admin: '' };

  interface Sent {
    booking: TestDriveBooking;
    customerId: number;
    customerToken: string;
    openid: string;
    outbox: NotificationOutboxEntity;
  }

  const outboxRow = (id: number) =>
    t.dataSource.getRepository(NotificationOutboxEntity).findOneByOrFail({ id });
  const grants = async (customerId: number) =>
    (
      await t.dataSource
        .getRepository(WechatSubscriptionEntity)
        .findOneBy({ customerId, templateId: RESULT_TEMPLATE })
    )?.remaining ?? 0;
  const sendsTo = (openid: string) => t.wechat.sentMessages().filter((m) => m.touser === openid);

  /** A new WeChat customer books a test drive, accepts `accepts` booking messages, and the store confirms it. */
  async function confirmedBooking(name: string, accepts: number): Promise<Sent> {
    const devUser = `dev-nt-${name}`;
    const openid = `dev:${devUser}`;
    t.wechat.registerOpenid(openid);
    const customerToken = await t.customerToken(devUser);
    const me = (await api.get('/api/me', customerToken)).body as CustomerProfile;
    for (let i = 0; i < accepts; i++) {
      const res = await api.post('/api/notifications/subscriptions', customerToken, {
        moment: 'booking',
        choices: { [RESULT_TEMPLATE]: 'accept', tmpl_test_drive_time_change: 'reject' },
      });
      expect(res.status).toBe(204);
    }
    const booking = await bookOk(
      api,
      customerToken,
      bookingBody(demo, pool.take().startsAt, { customerName: '周杰' }),
    );
    const [hold] = (await t.dataSource.query('SELECT car_id FROM test_drive_car_holds WHERE booking_id = ?', [
      booking.id,
    ])) as Array<{ car_id: number }>;
    const confirmed = await api.post(`/api/staff/test-drives/${booking.id}/confirm`, staff.chen, {
      carId: Number(hold!.car_id),
    });
    expect(confirmed.status).toBe(200);
    const outbox = await t.dataSource.getRepository(NotificationOutboxEntity).findOneByOrFail({
      subjectType: 'test_drive_booking',
      subjectId: booking.id,
    });
    return { booking, customerId: me.id, customerToken, openid, outbox };
  }

  async function expectFallbackTask(sent: Sent, failedAt: Date): Promise<FollowUpTaskEntity> {
    const row = await outboxRow(sent.outbox.id);
    expect(row.fallbackTaskId).not.toBeNull();
    const task = await t.dataSource
      .getRepository(FollowUpTaskEntity)
      .findOneByOrFail({ id: row.fallbackTaskId! });
    const store = await t.dataSource
      .getRepository(StoreEntity)
      .findOneOrFail({ where: { id: demo.gz.id }, relations: { openingPeriods: true, closedDates: true } });
    // The call is made from the customer card: the store's prospect for the booking's phone.
    const booking = await t.dataSource
      .getRepository(TestDriveBookingEntity)
      .findOneByOrFail({ id: row.subjectId });
    const prospect = await t.dataSource
      .getRepository(ProspectEntity)
      .findOneByOrFail({ storeId: demo.gz.id, phone: booking.mobile });
    expect(task).toMatchObject({
      kind: 'message_fallback_call',
      status: 'pending',
      storeId: demo.gz.id,
      customerId: sent.customerId,
      prospectId: prospect.id,
      assigneeRole: 'consultant',
      assigneeId: chenId,
      sourceType: 'notification',
      sourceId: sent.outbox.id,
    });
    expectSameSecond(task.dueAt, messageFallbackDueAt(toStoreSchedule(store), failedAt));
    return task;
  }

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    staff.chen = await t.staffToken('gz.chen');
    staff.gzManager = await t.staffToken('gz.manager');
    staff.szManager = await t.staffToken('sz.manager');
    staff.admin = await t.staffToken('admin');
    demo = await loadDemo(t, staff.admin);
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
    runner = t.app.get(JobRunner);
    chenId = (await t.dataSource.getRepository(StaffUserEntity).findOneByOrFail({ username: 'gz.chen' })).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sends a message once with one grant, formatted for the template, and records it', async () => {
    const sent = await confirmedBooking('sent', 1);
    expect(sent.outbox).toMatchObject({
      status: 'queued',
      storeId: demo.gz.id,
      kind: 'test_drive_confirmed',
    });
    const job = await t.dataSource
      .getRepository(JobEntity)
      .findOneByOrFail({ uniqueKey: `notification:${sent.outbox.id}` });
    expect(job).toMatchObject({
      kind: 'notification.send',
      status: 'queued',
      payload: { notificationId: sent.outbox.id },
    });

    const now = new Date();
    await runner.runDue(now);
    const [message, ...more] = sendsTo(sent.openid);
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      templateId: RESULT_TEMPLATE,
      page: `subpackages/booking/pages/detail/index?id=${sent.booking.id}`,
      miniprogramState: 'developer',
    });
    expect(message!.data.thing4).toEqual({ value: '试驾预约已确认' });
    expect(message!.data.thing2).toEqual({ value: sent.outbox.data.storeName });
    expect(message!.data.time3!.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await outboxRow(sent.outbox.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect((await outboxRow(sent.outbox.id)).sentAt).not.toBeNull();
    expect(await grants(sent.customerId)).toBe(0);
    expect(await t.dataSource.getRepository(JobEntity).findOneByOrFail({ id: job.id })).toMatchObject({
      status: 'done',
      attempts: 1,
      uniqueKey: null,
    });
  });

  it('without a grant: refused without calling WeChat, and the consultant is asked to call', async () => {
    const sent = await confirmedBooking('no-grant', 0);
    const now = new Date();
    await runner.runDue(now);
    expect(
      t.wechat
        .requestsTo(WECHAT_PATHS.subscribeSend)
        .filter((r) => (r.body as { touser?: string }).touser === sent.openid),
    ).toEqual([]);
    expect(await outboxRow(sent.outbox.id)).toMatchObject({
      status: 'refused',
      lastError: '客户未订阅该消息或订阅次数已用完',
    });
    await expectFallbackTask(sent, now);
  });

  it('43101 from WeChat: refused for good, no grant left, and a call', async () => {
    const sent = await confirmedBooking('refused', 2);
    t.wechat.refuse(sent.openid);
    const now = new Date();
    await runner.runDue(now);
    expect(sendsTo(sent.openid)).toEqual([]);
    const row = await outboxRow(sent.outbox.id);
    expect(row).toMatchObject({ status: 'refused', attempts: 1 });
    expect(row.lastError).toContain('43101');
    expect(await grants(sent.customerId)).toBe(0);
    await expectFallbackTask(sent, now);
  });

  it('WeChat busy, then fine: retried after the backoff, sent once, one grant used', async () => {
    const sent = await confirmedBooking('busy-once', 2);
    t.wechat.failNext(WECHAT_PATHS.subscribeSend, -1);
    const now = new Date();
    await runner.runDue(now);
    let row = await outboxRow(sent.outbox.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toContain('微信系统繁忙');
    expectSameSecond(row.nextAttemptAt, new Date(now.getTime() + MINUTE));
    // The grant was given back while the message waits.
    expect(await grants(sent.customerId)).toBe(2);

    await runner.runDue(new Date(now.getTime() + MINUTE - 1000));
    expect(sendsTo(sent.openid)).toEqual([]);
    await runner.runDue(new Date(now.getTime() + MINUTE));
    expect(sendsTo(sent.openid)).toHaveLength(1);
    row = await outboxRow(sent.outbox.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null, fallbackTaskId: null });
    expect(await grants(sent.customerId)).toBe(1);
  });

  /** What a process killed between taking the grant and recording WeChat's answer leaves behind. */
  async function interruptedSend(sent: Sent): Promise<void> {
    await t.dataSource
      .getRepository(WechatSubscriptionEntity)
      .decrement({ customerId: sent.customerId, templateId: RESULT_TEMPLATE }, 'remaining', 1);
    await t.dataSource
      .getRepository(NotificationOutboxEntity)
      .update({ id: sent.outbox.id }, { grantTakenAt: new Date() });
  }

  it('a send cut off by a crash goes again on the grant it already took, not a second one', async () => {
    const sent = await confirmedBooking('resumed', 2);
    await interruptedSend(sent);
    expect(await grants(sent.customerId)).toBe(1);
    await runner.runDue(new Date());
    expect(sendsTo(sent.openid)).toHaveLength(1);
    expect(await outboxRow(sent.outbox.id)).toMatchObject({
      status: 'sent',
      lastError: null,
      grantTakenAt: null,
      fallbackTaskId: null,
    });
    expect(await grants(sent.customerId)).toBe(1);
  });

  it('a send cut off by a crash that WeChat had delivered (43101 on the retry) counts as sent, no call', async () => {
    const sent = await confirmedBooking('resumed-delivered', 1);
    await interruptedSend(sent);
    t.wechat.failNext(WECHAT_PATHS.subscribeSend, 43101);
    await runner.runDue(new Date());
    expect(sendsTo(sent.openid)).toEqual([]);
    const row = await outboxRow(sent.outbox.id);
    expect(row).toMatchObject({ status: 'sent', grantTakenAt: null, fallbackTaskId: null });
    expect(row.lastError).toContain('上次发送中断');
    expect(await grants(sent.customerId)).toBe(0);
  });

  it('a message holds no grant once its send is answered, whatever the answer', async () => {
    const sent = await confirmedBooking('busy-mark', 1);
    t.wechat.failNext(WECHAT_PATHS.subscribeSend, -1);
    await runner.runDue(new Date());
    expect(await outboxRow(sent.outbox.id)).toMatchObject({ status: 'queued', grantTakenAt: null });
    expect(await grants(sent.customerId)).toBe(1);
  });

  it('WeChat busy for good: failed after the last attempt, a call, listed for staff and retried by a manager', async () => {
    const sent = await confirmedBooking('busy-always', 1);
    t.wechat.failAlways(WECHAT_PATHS.subscribeSend, 45011);
    let now = new Date();
    for (let attempt = 1; attempt <= 8; attempt++) {
      await runner.runDue(now);
      const row = await outboxRow(sent.outbox.id);
      expect([attempt, row.attempts]).toEqual([attempt, attempt]);
      if (attempt < 8) {
        expect(row.status).toBe('queued');
        now = new Date(row.nextAttemptAt);
      }
    }
    const failed = await outboxRow(sent.outbox.id);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('45011');
    expect(await grants(sent.customerId)).toBe(1);
    const jobs = (await t.dataSource.getRepository(JobEntity).findBy({ kind: 'notification.send' })).filter(
      (job) => job.payload.notificationId === sent.outbox.id,
    );
    expect(jobs).toMatchObject([{ status: 'dead', attempts: 8, uniqueKey: null }]);
    await expectFallbackTask(sent, now);

    // Listed for the store's staff with its fate.
    const list = await api.get('/api/staff/notifications', staff.chen, { status: 'failed' });
    expect(list.status).toBe(200);
    const item = (list.body as Page<NotificationListItem>).items.find((i) => i.id === sent.outbox.id);
    expect(item).toMatchObject({
      status: 'failed',
      storeId: demo.gz.id,
      customerName: '周杰',
      mobileMasked: '138****8000',
      attempts: 8,
      nextAttemptAt: null,
      fallbackTaskId: failed.fallbackTaskId,
    });

    // A consultant may not retry; a manager of the store may, once WeChat is back.
    const byConsultant = await api.post(`/api/staff/notifications/${sent.outbox.id}/retry`, staff.chen);
    expectProblem(byConsultant, 403);
    t.wechat.clearFailures();
    const retried = await api.post(`/api/staff/notifications/${sent.outbox.id}/retry`, staff.gzManager);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: sent.outbox.id, status: 'queued', attempts: 0 });
    await runner.runDue(new Date());
    expect(sendsTo(sent.openid)).toHaveLength(1);
    expect(await outboxRow(sent.outbox.id)).toMatchObject({ status: 'sent', attempts: 1 });

    const again = await api.post(`/api/staff/notifications/${sent.outbox.id}/retry`, staff.gzManager);
    expectProblem(again, 409, 'conflict');
    expect((again.body as { detail: string }).detail).toBe('只有发送失败的消息可以重试');
  });

  it('refreshes an expired access token once and sends', async () => {
    // A first message gets the token cached.
    const sent = await confirmedBooking('token', 1);
    await runner.runDue(new Date());
    const tokensBefore = t.wechat.tokenRequestCount();
    t.wechat.revokeAccessToken();
    t.wechat.failNext(WECHAT_PATHS.subscribeSend, 42001);
    const other = await confirmedBooking('token-2', 1);
    await runner.runDue(new Date());
    expect(sendsTo(other.openid)).toHaveLength(1);
    expect(await outboxRow(other.outbox.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(t.wechat.tokenRequestCount()).toBe(tokensBefore + 1);
    const tokensUsed = t.wechat
      .requestsTo(WECHAT_PATHS.subscribeSend)
      .filter((r) => (r.body as { touser?: string }).touser === other.openid)
      .map((r) => r.query.access_token);
    expect(tokensUsed).toHaveLength(2);
    expect(tokensUsed[0]).not.toBe(tokensUsed[1]);
    expect(sendsTo(sent.openid)).toHaveLength(1);
  });

  it('a survey invitation nobody can receive stays visible, with no call', async () => {
    const customer = (await api.get('/api/me', await t.customerToken('dev-nt-survey')))
      .body as CustomerProfile;
    await t.dataSource.transaction((manager) =>
      enqueueNotification(manager, {
        kind: 'survey_invited',
        customerId: customer.id,
        storeId: demo.gz.id,
        subjectType: 'survey_invitation',
        subjectId: 999_999,
        page: 'subpackages/survey/pages/answer/index?token=x',
        data: { subject: '试乘试驾意见表', storeName: demo.gz.name, time: '2030-01-01 10:00', remark: '' },
      }),
    );
    await runner.runDue(new Date());
    const row = await t.dataSource
      .getRepository(NotificationOutboxEntity)
      .findOneByOrFail({ subjectType: 'survey_invitation', subjectId: 999_999 });
    expect(row).toMatchObject({ status: 'refused', fallbackTaskId: null });
  });

  describe('access', () => {
    it('another store’s manager neither lists nor retries this store’s messages', async () => {
      expectProblem(await api.get('/api/staff/notifications', staff.szManager, { storeId: demo.gz.id }), 403);
      const own = (await api.get('/api/staff/notifications', staff.szManager))
        .body as Page<NotificationListItem>;
      expect(own.items.every((i) => i.storeId === demo.sz.id)).toBe(true);
      const gz = (await api.get('/api/staff/notifications', staff.gzManager, { pageSize: 100 }))
        .body as Page<NotificationListItem>;
      expect(gz.total).toBeGreaterThan(0);
      expect(gz.items.every((i) => i.storeId === demo.gz.id)).toBe(true);
      const stamps = gz.items.map((i) => i.createdAt);
      expect([...stamps].sort().reverse()).toEqual(stamps);
      expectProblem(
        await api.post(`/api/staff/notifications/${gz.items[0]!.id}/retry`, staff.szManager),
        403,
      );
      expectProblem(await api.post('/api/staff/notifications/99999999/retry', staff.admin), 404);
    });

    it('validates the list query and the customer endpoints (problem+json, Chinese)', async () => {
      const bad = await api.get('/api/staff/notifications', staff.chen, { status: 'lost', pageSize: 500 });
      expectProblem(bad, 400, 'validation_failed');
      expect(JSON.stringify(bad.body)).toContain('每页条数');

      const customer = await t.customerToken('dev-nt-access');
      const templates = await api.get('/api/notifications/subscriptions', customer, { moment: 'booking' });
      expect(templates.status).toBe(200);
      expect(templates.body).toEqual({
        moment: 'booking',
        templateIds: [RESULT_TEMPLATE, 'tmpl_test_drive_time_change'],
      });
      expectProblem(await api.get('/api/notifications/subscriptions', customer), 400, 'validation_failed');
      expectProblem(await api.get('/api/notifications/subscriptions', customer, { moment: 'later' }), 400);
      expectProblem(
        await api.get('/api/notifications/subscriptions', staff.chen, { moment: 'booking' }),
        403,
      );

      const unknown = await api.post('/api/notifications/subscriptions', customer, {
        moment: 'booking',
        choices: { tmpl_nope: 'accept' },
      });
      expectProblem(unknown, 400, 'validation_failed');
      expect(JSON.stringify(unknown.body)).toContain('未知的模板：tmpl_nope');
      expectProblem(
        await api.post('/api/notifications/subscriptions', customer, {
          moment: 'booking',
          choices: { [RESULT_TEMPLATE]: 'yes' },
        }),
        400,
      );
      expectProblem(
        await api.post('/api/notifications/subscriptions', customer, { moment: 'booking', choices: {} }),
        400,
      );
    });

    it('accept adds one grant up to 20, reject and ban take them all', async () => {
      const token = await t.customerToken('dev-nt-grants');
      const me = (await api.get('/api/me', token)).body as CustomerProfile;
      const choose = async (choice: string) =>
        expect(
          (
            await api.post('/api/notifications/subscriptions', token, {
              moment: 'booking',
              choices: { [RESULT_TEMPLATE]: choice },
            })
          ).status,
        ).toBe(204);
      for (let i = 0; i < 22; i++) await choose('accept');
      expect(await grants(me.id)).toBe(20);
      await choose('filter');
      expect(await grants(me.id)).toBe(20);
      await choose('reject');
      expect(await grants(me.id)).toBe(0);
      await choose('accept');
      await choose('ban');
      expect(await grants(me.id)).toBe(0);
    });
  });
});
