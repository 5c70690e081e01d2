import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  localDateIn,
  zonedToUtc,
  type FollowUpInbox,
  type FollowUpStats,
  type FollowUpTaskView,
  type TestDriveBooking,
} from '@dealer-care/domain';
import { FollowUpEscalator } from '../src/modules/follow-ups/follow-up-escalation.js';
import {
  completeTestDrive,
  deliverOrder,
  GOOD_TEST_DRIVE_ANSWERS,
  instant,
  newCustomer,
  pending,
  type SurveyCustomer,
} from './support/survey-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';
import {
  Api,
  bookingBody,
  bookOk,
  countRows,
  dbTime,
  loadDemo,
  SlotPool,
  TZ,
  type Demo,
} from './support/test-drive-fixtures.js';

const CHINESE = /[\u4e00-\u9fff]/;

interface TaskRow {
  id: number;
  kind: string;
  status: string;
  assignee_id: number | null;
  assignee_role: string;
  prospect_id: number | null;
  due_at: Date;
}

describe(`follow-up tasks (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  const ids: Record<string, number> = {};
  const tokens: Record<string, string> = {};

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
  afterEach(async () => {
    await t.http.delete('/api/dev/clock');
  });
  afterAll(async () => {
    await t.close();
  });

  async function tasksOf(sourceType: string, sourceId: number): Promise<TaskRow[]> {
    const rows = (await t.dataSource.query(
      'SELECT id, kind, status, assignee_id, assignee_role, prospect_id, due_at FROM follow_up_tasks WHERE source_type = ? AND source_id = ? ORDER BY id',
      [sourceType, sourceId],
    )) as Array<Record<string, unknown>>;
    return rows.map((row) => ({
      id: Number(row.id),
      kind: String(row.kind),
      status: String(row.status),
      assignee_id: row.assignee_id === null ? null : Number(row.assignee_id),
      assignee_role: String(row.assignee_role),
      prospect_id: row.prospect_id === null ? null : Number(row.prospect_id),
      due_at: instant(row.due_at)!,
    }));
  }
  const byKind = (rows: TaskRow[], kind: string) => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) throw new Error(`no ${kind} in ${rows.map((r) => r.kind).join(', ')}`);
    return row;
  };
  const staffPost = (id: number, action: string, body: unknown = {}) =>
    api.post(`/api/staff/test-drives/${id}/${action}`, tokens['gz.chen'], body);
  const outcome = (id: number, body: unknown, user = 'gz.chen') =>
    api.post(`/api/staff/follow-ups/${id}/outcome`, tokens[user], body);
  const inbox = async (user: string, query: Record<string, string | number> = {}) => {
    const res = await api.get('/api/staff/follow-ups', tokens[user], query);
    expect(res.status).toBe(200);
    return res.body as FollowUpInbox;
  };
  const setClock = async (at: Date) => {
    const res = await api.put('/api/dev/clock', undefined, { at: at.toISOString() });
    expect(res.status).toBe(200);
  };

  /** A completed drive of a new customer with Chen: its next-day call and 72 h callback. */
  async function completedDrive(
    name: string,
  ): Promise<{ customer: SurveyCustomer; booking: TestDriveBooking; tasks: TaskRow[] }> {
    const customer = await newCustomer(t, api, name);
    const booking = await completeTestDrive(t, api, demo, pool, customer, tokens['gz.chen']!);
    return { customer, booking, tasks: await tasksOf('test_drive', booking.id) };
  }

  describe('hooks', () => {
    it('a new customer’s booking creates the prospect and a first contact in the pool; confirming gives it to the consultant', async () => {
      const customer = await newCustomer(t, api, 'first');
      const booking = await bookOk(
        api,
        customer.token,
        bookingBody(demo, pool.take().startsAt, { mobile: customer.mobile, customerName: '周新' }),
      );
      const [first] = await tasksOf('test_drive', booking.id);
      expect(first).toMatchObject({
        kind: 'first_contact',
        status: 'pending',
        assignee_id: null,
        assignee_role: 'consultant',
      });
      expect(first!.due_at.getTime()).toBeLessThanOrEqual(Date.now() + 4 * 24 * 3_600_000);
      const [prospect] = (await t.dataSource.query(
        'SELECT id, customer_id, name, phone, status FROM prospects WHERE id = ?',
        [first!.prospect_id],
      )) as Array<Record<string, unknown>>;
      expect(prospect).toMatchObject({ name: '周新', phone: customer.mobile, status: 'active' });
      expect(Number(prospect!.customer_id)).toBe(customer.id);

      // The pool is in every GZ consultant's inbox, not in Shenzhen's.
      expect((await inbox('gz.wang')).items.map((task) => task.id)).toContain(first!.id);
      // Staff get the masked number; the full one only through the logged reveal.
      expect(JSON.stringify(await inbox('gz.wang'))).not.toContain(customer.mobile);
      expect((await inbox('sz.liu')).items.map((task) => task.id)).not.toContain(first!.id);

      // A second booking of the same customer is no new customer: no second first contact.
      const again = await bookOk(
        api,
        customer.token,
        bookingBody(demo, pool.take().startsAt, { mobile: customer.mobile }),
      );
      expect(await tasksOf('test_drive', again.id)).toEqual([]);

      const [hold] = (await t.dataSource.query(
        'SELECT car_id FROM test_drive_car_holds WHERE booking_id = ?',
        [booking.id],
      )) as Array<{
        car_id: number;
      }>;
      expect((await staffPost(booking.id, 'confirm', { carId: Number(hold!.car_id) })).status).toBe(200);
      expect((await tasksOf('test_drive', booking.id))[0]).toMatchObject({ assignee_id: ids['gz.chen'] });
      expect((await inbox('gz.wang')).items.map((task) => task.id)).not.toContain(first!.id);

      // Cancelling the booking cancels its pending calls.
      expect(
        (
          await api.post(`/api/test-drive/bookings/${booking.id}/cancel`, customer.token, {
            reason: '临时有事',
          })
        ).status,
      ).toBe(200);
      expect((await tasksOf('test_drive', booking.id)).map((row) => row.status)).toEqual(['cancelled']);
    });

    it('a completed drive plans the next-day call and the 72 h callback for its consultant; an order cancels the callback and wins the prospect', async () => {
      const { customer, booking, tasks } = await completedDrive('drive');
      expect(tasks.map((row) => [row.kind, row.status])).toEqual([
        ['first_contact', 'cancelled'],
        ['test_drive_next_day_call', 'pending'],
        ['test_drive_no_order_callback', 'pending'],
      ]);
      const call = byKind(tasks, 'test_drive_next_day_call');
      expect(call.assignee_id).toBe(ids['gz.chen']);
      const today = localDateIn(TZ);
      expect(localDateIn(TZ, call.due_at) > today).toBe(true);
      expect(byKind(tasks, 'test_drive_no_order_callback').due_at.getTime()).toBeGreaterThanOrEqual(
        Date.now() + 71 * 3_600_000,
      );

      const order = await deliverOrder(api, demo, customer, tokens['gz.chen']!);
      const after = await tasksOf('test_drive', booking.id);
      expect(byKind(after, 'test_drive_no_order_callback').status).toBe('cancelled');
      expect(byKind(after, 'test_drive_next_day_call').status).toBe('pending');
      const [prospect] = (await t.dataSource.query('SELECT status FROM prospects WHERE id = ?', [
        call.prospect_id,
      ])) as Array<{
        status: string;
      }>;
      expect(prospect!.status).toBe('won');

      // The chosen date planned T-3 and T-1; the handover cancelled them and planned the after-sales calls.
      const delivery = await tasksOf('delivery', order.id);
      expect(delivery.map((row) => [row.kind, row.status, row.assignee_role])).toEqual([
        ['delivery_t3_call', 'cancelled', 'consultant'],
        ['delivery_t1_call', 'cancelled', 'consultant'],
        ['delivery_thank_you', 'pending', 'consultant'],
        ['service_advisor_call', 'pending', 'service_advisor'],
        ['first_maintenance_reminder', 'pending', 'service_advisor'],
      ]);
      expect(byKind(delivery, 'delivery_thank_you').assignee_id).toBe(ids['gz.chen']);
      expect(byKind(delivery, 'service_advisor_call').assignee_id).toBeNull();
      expect(new Set(delivery.map((row) => row.prospect_id))).toEqual(new Set([call.prospect_id]));
    });

    it('a low score gives its case owner the callback; resolving the case closes it', async () => {
      const { customer } = await completedDrive('low');
      const [survey] = await pending(api, customer.token);
      const submitted = await api.post(
        `/api/surveys/${encodeURIComponent(survey!.token)}/submit`,
        customer.token,
        {
          answers: { ...GOOD_TEST_DRIVE_ANSWERS, td_route: 1, td_safety: 2, comment: '路线太短' },
        },
      );
      expect(submitted.status).toBe(200);
      const [row] = (await t.dataSource.query(
        'SELECT c.id, c.response_id FROM low_score_cases c JOIN survey_responses r ON r.id = c.response_id WHERE r.customer_id = ?',
        [customer.id],
      )) as Array<{ id: number; response_id: number }>;
      const [callback] = await tasksOf('survey_response', Number(row!.response_id));
      expect(callback).toMatchObject({
        kind: 'low_score_callback',
        status: 'pending',
        assignee_role: 'manager',
        assignee_id: ids['gz.chen'],
      });
      expect(callback!.prospect_id).not.toBeNull();
      expect(
        (
          await api.post(`/api/staff/satisfaction/cases/${row!.id}/owner`, tokens['gz.manager'], {
            ownerId: ids['gz.wang'],
          })
        ).status,
      ).toBe(200);
      expect((await tasksOf('survey_response', Number(row!.response_id)))[0]!.assignee_id).toBe(
        ids['gz.wang'],
      );
      expect(
        (
          await api.post(`/api/staff/satisfaction/cases/${row!.id}/progress`, tokens['gz.manager'], {
            status: 'resolved',
            note: '已致歉并安排再次试驾',
          })
        ).status,
      ).toBe(200);
      const view = (await api.get(`/api/staff/follow-ups/${callback!.id}`, tokens['gz.manager']))
        .body as FollowUpTaskView;
      expect(view).toMatchObject({
        status: 'done',
        outcome: 'reached_confirmed',
        completedBy: { id: ids['gz.manager'] },
      });
    });
  });

  describe('outcomes', () => {
    it('validates in Chinese, records attempts and history, applies the intent and answers 409 once done', async () => {
      const { tasks } = await completedDrive('outcome');
      const call = byKind(tasks, 'test_drive_next_day_call');
      for (const [body, field] of [
        [{}, 'outcome'],
        [{ outcome: 'done' }, 'outcome'],
        [{ outcome: 'complaint_escalated' }, 'note'],
        [{ outcome: 'complaint_escalated', note: '   ' }, 'note'],
        [{ outcome: 'call_back_at' }, 'callBackAt'],
        [{ outcome: 'call_back_at', callBackAt: '2020-01-01T00:00:00Z' }, 'callBackAt'],
        [{ outcome: 'call_back_at', callBackAt: '明天下午' }, 'callBackAt'],
        [{ outcome: 'reached_confirmed', intentLevel: 'D' }, 'intentLevel'],
        [{ outcome: 'reached_confirmed', note: '好'.repeat(501) }, 'note'],
        [{ outcome: 'reached_confirmed', extra: 1 }, 'extra'],
      ] as Array<[Record<string, unknown>, string]>) {
        const res = await outcome(call.id, body);
        expectProblem(res, 400, 'validation_failed');
        const errors = (res.body as { errors: Array<{ field: string; message: string }> }).errors;
        expect(errors.map((e) => e.field)).toEqual([field]);
        expect(errors[0]!.message).toMatch(CHINESE);
      }
      // Another consultant's task: 403; another store: 404; a missing one: 404.
      expectProblem(await outcome(call.id, { outcome: 'reached_confirmed' }, 'gz.wang'), 403, 'forbidden');
      expectProblem(await outcome(call.id, { outcome: 'reached_confirmed' }, 'sz.manager'), 404, 'not_found');
      expectProblem(await api.get(`/api/staff/follow-ups/${call.id}`, tokens['sz.liu']), 404);
      expectProblem(await outcome(999_999, { outcome: 'reached_confirmed' }), 404);

      const missed = await outcome(call.id, { outcome: 'not_reached' });
      expect(missed.status).toBe(200);
      expect(missed.body).toMatchObject({ status: 'pending', attempts: 1, outcome: null });
      const reached = await outcome(call.id, {
        outcome: 'reached_confirmed',
        note: '客户很满意，下周来谈价格',
        intentLevel: 'A',
      });
      expect(reached.status).toBe(200);
      const view = reached.body as FollowUpTaskView;
      expect(view).toMatchObject({
        status: 'done',
        outcome: 'reached_confirmed',
        attempts: 2,
        onTime: true,
        bucket: 'closed',
        completedBy: { id: ids['gz.chen'], name: '陈晓明' },
        customer: { intentLevel: 'A' },
      });
      expect(view.history.map((h) => h.outcome)).toEqual(['not_reached', 'reached_confirmed']);
      expect(view.source.summary).toMatch(/^试驾 /);
      // The intent planned the A-level follow-up (3 days) for Chen.
      const followUps = await tasksOf('prospect', view.customer.prospectId!);
      expect(followUps.map((row) => [row.kind, row.status, row.assignee_id])).toEqual([
        ['prospect_follow_up', 'pending', ids['gz.chen']],
      ]);
      expect(localDateIn(TZ, followUps[0]!.due_at) >= addDays(localDateIn(TZ), 3)).toBe(true);

      const again = await outcome(call.id, { outcome: 'reached_confirmed' });
      expectProblem(again, 409, 'conflict');
      expect((again.body as { detail: string }).detail).toBe('该任务已处理');
    });

    it('a complaint closes the call and gives the store’s managers a complaint callback within a day', async () => {
      const { tasks } = await completedDrive('complaint');
      const call = byKind(tasks, 'test_drive_next_day_call');
      const res = await outcome(call.id, { outcome: 'complaint_escalated', note: '试驾车内有异味' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'done',
        outcome: 'complaint_escalated',
        escalatedAt: expect.any(String),
      });
      const [complaint] = await tasksOf('follow_up_task', call.id);
      expect(complaint).toMatchObject({
        kind: 'complaint_callback',
        status: 'pending',
        assignee_role: 'manager',
        assignee_id: null,
      });
      expect(complaint!.due_at.getTime()).toBeLessThanOrEqual(Date.now() + 4 * 24 * 3_600_000);
      // A consultant may not work the manager's pool; the manager may.
      expectProblem(await outcome(complaint!.id, { outcome: 'reached_confirmed' }), 403);
      const escalated = await inbox('gz.manager', { escalatedOnly: 'true' });
      expect(escalated.items.map((task) => task.id)).toContain(complaint!.id);
      expect(escalated.items.find((task) => task.id === complaint!.id)!.source.summary).toContain(
        '试驾次日回访',
      );
      expect(
        (await outcome(complaint!.id, { outcome: 'reached_confirmed', note: '已致歉' }, 'gz.manager')).status,
      ).toBe(200);
    });

    it('call_back_at moves the task; a manager reassigns within the store only', async () => {
      const { tasks } = await completedDrive('callback');
      const call = byKind(tasks, 'test_drive_no_order_callback');
      // Whole minutes, as the portal's picker sends them (MariaDB keeps no milliseconds).
      const at = new Date(Math.floor((Date.now() + 5 * 24 * 3_600_000) / 60_000) * 60_000);
      const res = await outcome(call.id, { outcome: 'call_back_at', callBackAt: at.toISOString() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'pending',
        windowStart: at.toISOString(),
        bucket: 'upcoming',
      });

      const assign = (user: string, staffId: number | string) =>
        api.post(`/api/staff/follow-ups/${call.id}/assignee`, tokens[user], { staffId });
      expectProblem(await assign('gz.chen', ids['gz.wang']!), 403, 'forbidden');
      expectProblem(await assign('gz.manager', ids['sz.liu']!), 400, 'validation_failed');
      expectProblem(await assign('gz.manager', 'x'), 400);
      expectProblem(await assign('sz.manager', ids['sz.liu']!), 404);
      const moved = await assign('gz.manager', ids['gz.wang']!);
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ assignee: { id: ids['gz.wang'], name: '王丽' } });
      expectProblem(await outcome(call.id, { outcome: 'reached_confirmed' }), 403);
    });
  });

  describe('inbox', () => {
    it('buckets by the store-local day of the dev clock, counts the tabs and escalates overdue tasks once', async () => {
      const { tasks } = await completedDrive('inbox');
      const call = byKind(tasks, 'test_drive_next_day_call');
      const callDay = localDateIn(TZ, call.due_at);
      const bucketOf = async (id: number, user = 'gz.chen') =>
        ((await api.get(`/api/staff/follow-ups/${id}`, tokens[user])).body as FollowUpTaskView).bucket;

      expect(await bucketOf(call.id)).toBe('upcoming');
      await setClock(zonedToUtc(callDay, '08:00', TZ));
      expect(await bucketOf(call.id)).toBe('today');
      const today = await inbox('gz.chen', { bucket: 'today' });
      expect(today.items.map((task) => task.id)).toContain(call.id);
      expect(today.counts.today).toBeGreaterThanOrEqual(1);
      expect(today.total).toBe(today.counts.today);
      expect((await inbox('gz.chen', { bucket: 'upcoming' })).items.map((task) => task.id)).not.toContain(
        call.id,
      );

      const later = new Date(call.due_at.getTime() + 60_000);
      await setClock(later);
      expect(await bucketOf(call.id)).toBe('overdue');
      const overdue = await inbox('gz.chen', { bucket: 'overdue' });
      expect(overdue.items.find((task) => task.id === call.id)).toMatchObject({
        overdue: true,
        escalatedAt: null,
      });

      const escalator = t.app.get(FollowUpEscalator);
      expect(await escalator.escalateOverdue(later)).toBeGreaterThanOrEqual(1);
      expect(await escalator.escalateOverdue(later)).toBe(0);
      // The runner owns the every-minute escalation as one recurring job row.
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM jobs WHERE unique_key = ? AND interval_ms = 60000', [
          'recurring:follow-ups.escalate',
        ]),
      ).toBe(1);
      const managers = await inbox('gz.manager', { escalatedOnly: 'true', bucket: 'overdue' });
      expect(managers.items.map((task) => task.id)).toContain(call.id);
      expect(managers.counts.escalated).toBeGreaterThanOrEqual(1);
      // Consultants only filter on themselves.
      expectProblem(
        await api.get('/api/staff/follow-ups', tokens['gz.chen'], { assigneeId: ids['gz.wang']! }),
        403,
      );
      expectProblem(
        await api.get('/api/staff/follow-ups', tokens['sz.manager'], { storeId: demo.gz.id }),
        403,
        'out_of_store_scope',
      );
      expectProblem(await api.get('/api/staff/follow-ups', tokens['gz.chen'], { bucket: 'late' }), 400);
      const closed = await inbox('gz.chen', { bucket: 'closed', pageSize: 5 });
      expect(closed.items.every((task) => task.bucket === 'closed')).toBe(true);
      expect(closed.pageSize).toBe(5);
    });

    it('the dev clock validates its input and goes back to real time', async () => {
      expectProblem(await api.put('/api/dev/clock', undefined, { at: 'tomorrow' }), 400, 'validation_failed');
      await setClock(new Date('2031-05-01T02:00:00Z'));
      const shifted = (await api.get('/api/dev/clock')).body as { now: string; shifted: boolean };
      expect(shifted.shifted).toBe(true);
      expect(shifted.now.startsWith('2031-05-01')).toBe(true);
      const reset = (await t.http.delete('/api/dev/clock').expect(200)).body as { shifted: boolean };
      expect(reset.shifted).toBe(false);
    });
  });

  describe('stats', () => {
    it('counts due dates of the range in the store’s zone, per assignee and per rule (hand-checked)', async () => {
      const insert = (fields: {
        kind: string;
        assignee: number | null;
        status: string;
        due: Date;
        completed?: Date;
      }) =>
        t.dataSource.query(
          `INSERT INTO follow_up_tasks (store_id, kind, assignee_role, assignee_id, source_type, source_id, status, due_at, attempts, completed_at, created_at, updated_at)
           VALUES (?, ?, 'consultant', ?, 'prospect', 1, ?, ?, 0, ?, ?, ?)`,
          [
            demo.sz.id,
            fields.kind,
            fields.assignee,
            fields.status,
            dbTime(fields.due),
            fields.completed ? dbTime(fields.completed) : null,
            dbTime(new Date()),
            dbTime(new Date()),
          ],
        );
      const sh = (date: string, time: string) => zonedToUtc(date, time, TZ);
      const liu = ids['sz.liu']!;
      await insert({
        kind: 'prospect_follow_up',
        assignee: liu,
        status: 'done',
        due: sh('2020-03-10', '18:00'),
        completed: sh('2020-03-10', '11:00'),
      });
      await insert({
        kind: 'prospect_follow_up',
        assignee: liu,
        status: 'done',
        due: sh('2020-03-10', '18:00'),
        completed: sh('2020-03-11', '09:00'),
      });
      await insert({
        kind: 'first_contact',
        assignee: liu,
        status: 'cancelled',
        due: sh('2020-03-11', '23:30'),
      });
      await insert({
        kind: 'first_contact',
        assignee: null,
        status: 'pending',
        due: sh('2020-03-10', '10:00'),
      });
      // Outside the range: 00:30 on the 12th in Shanghai is still the 11th in UTC.
      await insert({
        kind: 'first_contact',
        assignee: liu,
        status: 'done',
        due: sh('2020-03-12', '00:30'),
        completed: sh('2020-03-12', '00:10'),
      });
      await insert({
        kind: 'first_contact',
        assignee: liu,
        status: 'done',
        due: sh('2020-03-09', '23:59'),
        completed: sh('2020-03-09', '20:00'),
      });

      const res = await api.get('/api/staff/follow-ups/stats', tokens['sz.manager'], {
        from: '2020-03-10',
        to: '2020-03-11',
      });
      expect(res.status).toBe(200);
      const stats = res.body as FollowUpStats;
      expect(stats).toMatchObject({ from: '2020-03-10', to: '2020-03-11' });
      expect(stats.overall).toEqual({
        total: 4,
        done: 2,
        onTime: 1,
        overdueOpen: 1,
        cancelled: 1,
        completionRate: 2 / 3,
        onTimeRate: 0.5,
      });
      expect(stats.byAssignee).toEqual([
        {
          staffId: liu,
          name: '刘洋',
          total: 3,
          done: 2,
          onTime: 1,
          overdueOpen: 0,
          cancelled: 1,
          completionRate: 1,
          onTimeRate: 0.5,
        },
        {
          staffId: null,
          name: '未分配',
          total: 1,
          done: 0,
          onTime: 0,
          overdueOpen: 1,
          cancelled: 0,
          completionRate: 0,
          onTimeRate: null,
        },
      ]);
      expect(stats.byKind).toEqual([
        {
          kind: 'first_contact',
          total: 2,
          done: 0,
          onTime: 0,
          overdueOpen: 1,
          cancelled: 1,
          completionRate: 0,
          onTimeRate: null,
        },
        {
          kind: 'prospect_follow_up',
          total: 2,
          done: 2,
          onTime: 1,
          overdueOpen: 0,
          cancelled: 0,
          completionRate: 1,
          onTimeRate: 0.5,
        },
      ]);

      // The GZ manager sees none of Shenzhen's; consultants have no stats; bad ranges are 400.
      expectProblem(
        await api.get('/api/staff/follow-ups/stats', tokens['gz.manager'], { storeId: demo.sz.id }),
        403,
      );
      expectProblem(await api.get('/api/staff/follow-ups/stats', tokens['sz.liu']), 403, 'forbidden');
      expectProblem(
        await api.get('/api/staff/follow-ups/stats', tokens['sz.manager'], {
          from: '2020-03-12',
          to: '2020-03-10',
        }),
        400,
      );
      expectProblem(
        await api.get('/api/staff/follow-ups/stats', tokens['sz.manager'], { from: '2020-02-30' }),
        400,
      );
    });
  });
});
