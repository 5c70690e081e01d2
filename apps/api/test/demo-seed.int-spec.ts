import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { localDateIn } from '@dealer-care/domain';
import { DEMO_MODELS, DEMO_STAFF, DEMO_STORES } from '../src/database/seed/demo-data.js';
import { seedDemoFollowUps } from '../src/database/seed/seed-demo-follow-ups.js';
import type { DemoIds } from '../src/database/seed/seed-demo-orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The demo seed's follow-up side, read straight from the database: every consultant opens the
 * portal on a working inbox, whatever the hour the demo was started.
 */

interface TaskRow {
  id: number;
  store_id: number;
  prospect_id: number | null;
  kind: string;
  assignee_role: string;
  assignee_id: number | null;
  source_type: string;
  source_id: number;
  status: string;
  due_at: Date | string;
  escalated_at: Date | string | null;
  outcome: string | null;
  completed_at: Date | string | null;
}

const CONSULTANTS = DEMO_STAFF.filter((s) => s.role === 'consultant');
const instant = (value: Date | string) =>
  new Date(typeof value === 'string' && !value.endsWith('Z') ? `${value.replace(' ', 'T')}Z` : value);

/** Rollback marker for the timing run. */
class Rollback extends Error {}

describe(`demo seed: follow-ups (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let tasks: TaskRow[];
  let staffIds: Map<string, number>;
  let storeIds: Map<string, number>;

  beforeAll(async () => {
    t = await startTestApp();
    tasks = await t.dataSource.query('SELECT * FROM follow_up_tasks');
    const staff: Array<{ id: number; username: string }> = await t.dataSource.query(
      'SELECT id, username FROM staff_users',
    );
    staffIds = new Map(staff.map((s) => [s.username, Number(s.id)]));
    const stores: Array<{ id: number; code: string }> = await t.dataSource.query(
      'SELECT id, code FROM stores',
    );
    storeIds = new Map(stores.map((s) => [s.code, Number(s.id)]));
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(CONSULTANTS.map((c) => [c.username, c.storeCode!] as const))(
    "gives %s an inbox with overdue, today's and upcoming tasks, and tasks done on time and late",
    (username, storeCode) => {
      const now = new Date();
      const timeZone = DEMO_STORES.find((s) => s.code === storeCode)!.timeZone;
      const today = localDateIn(timeZone, now);
      const mine = tasks.filter((task) => Number(task.assignee_id) === staffIds.get(username));
      const pending = mine.filter((task) => task.status === 'pending');
      const overdue = pending.filter((task) => instant(task.due_at) < now);
      const dueToday = pending.filter(
        (task) => instant(task.due_at) >= now && localDateIn(timeZone, instant(task.due_at)) === today,
      );
      const upcoming = pending.filter((task) => localDateIn(timeZone, instant(task.due_at)) > today);
      expect(overdue.length).toBeGreaterThan(0);
      expect(dueToday.length).toBeGreaterThan(0);
      expect(upcoming.length).toBeGreaterThan(0);
      // Overdue tasks are already escalated, as the escalation job would have done.
      expect(overdue.every((task) => task.escalated_at !== null)).toBe(true);

      const done = mine.filter((task) => task.status === 'done');
      expect(done.some((task) => instant(task.completed_at!) <= instant(task.due_at))).toBe(true);
      expect(done.some((task) => instant(task.completed_at!) > instant(task.due_at))).toBe(true);
      expect(done.every((task) => instant(task.completed_at!) <= now)).toBe(true);
      expect(mine.some((task) => task.kind === 'message_fallback_call')).toBe(true);
    },
  );

  it.each(DEMO_STORES.map((s) => [s.code] as const))(
    'gives %s an escalated complaint, a lost prospect with its manager callback and a refused message replaced by a call',
    async (code) => {
      const storeId = storeIds.get(code)!;
      const ofStore = tasks.filter((task) => Number(task.store_id) === storeId);

      const complaint = ofStore.find((task) => task.outcome === 'complaint_escalated');
      expect(complaint).toBeDefined();
      expect(complaint!.escalated_at).not.toBeNull();
      const callback = ofStore.find(
        (task) => task.kind === 'complaint_callback' && Number(task.source_id) === Number(complaint!.id),
      );
      expect(callback).toMatchObject({
        status: 'pending',
        assignee_role: 'manager',
        source_type: 'follow_up_task',
      });

      const lost: Array<{ id: number; lost_category: string | null }> = await t.dataSource.query(
        "SELECT id, lost_category FROM prospects WHERE store_id = ? AND status = 'lost'",
        [storeId],
      );
      expect(lost.length).toBeGreaterThan(0);
      for (const prospect of lost) {
        expect(prospect.lost_category).not.toBeNull();
        const theirs = ofStore.filter((task) => Number(task.prospect_id) === Number(prospect.id));
        expect(
          theirs.some((task) => task.kind === 'lost_customer_callback' && task.status === 'pending'),
        ).toBe(true);
        expect(theirs.some((task) => task.kind === 'prospect_follow_up' && task.status === 'pending')).toBe(
          false,
        );
      }

      const refused: Array<{
        id: number;
        status: string;
        fallback_task_id: number | null;
        last_error: string;
      }> = await t.dataSource.query('SELECT * FROM notification_outbox WHERE store_id = ?', [storeId]);
      expect(refused.length).toBeGreaterThan(0);
      for (const message of refused) {
        expect(message.status).toBe('refused');
        const fallback = ofStore.find((task) => Number(task.id) === Number(message.fallback_task_id));
        expect(fallback).toMatchObject({
          kind: 'message_fallback_call',
          source_type: 'notification',
          status: 'pending',
        });
        expect(Number(fallback!.source_id)).toBe(Number(message.id));
      }
    },
  );

  it('points every task at a row that exists, and gives every prospect contacts and an intent history', async () => {
    const ids = async (table: string) =>
      new Set(
        ((await t.dataSource.query(`SELECT id FROM ${table}`)) as Array<{ id: number }>).map((r) =>
          Number(r.id),
        ),
      );
    const sources: Record<string, Set<number>> = {
      test_drive: await ids('test_drive_bookings'),
      delivery: await ids('sales_orders'),
      prospect: await ids('prospects'),
      notification: await ids('notification_outbox'),
      follow_up_task: await ids('follow_up_tasks'),
    };
    const dangling = tasks.filter((task) => !sources[task.source_type]?.has(Number(task.source_id)));
    expect(dangling).toEqual([]);

    const prospects: Array<{ id: number; customer_id: number | null; phone: string; status: string }> =
      await t.dataSource.query('SELECT id, customer_id, phone, status FROM prospects');
    const contacts: Array<{ prospect_id: number }> = await t.dataSource.query(
      'SELECT prospect_id FROM contact_logs',
    );
    const intents: Array<{ prospect_id: number }> = await t.dataSource.query(
      'SELECT prospect_id FROM intent_changes',
    );
    for (const prospect of prospects) {
      expect(contacts.some((c) => Number(c.prospect_id) === Number(prospect.id))).toBe(true);
      expect(intents.some((c) => Number(c.prospect_id) === Number(prospect.id))).toBe(true);
    }
    // The buyers of the demo orders, and WeChat customers who booked test drives, linked to the card.
    expect(
      prospects
        .filter((p) => p.phone.startsWith('13800138'))
        .map((p) => p.status)
        .sort(),
    ).toEqual(expect.arrayContaining(['lost', 'won']));
    expect(prospects.filter((p) => p.customer_id !== null).length).toBeGreaterThanOrEqual(
      CONSULTANTS.length * 4,
    );
  });

  it('is idempotent, and fast enough to run on every first start', async () => {
    const demoIds = async (): Promise<DemoIds> => {
      const models: Array<{ id: number; code: string }> = await t.dataSource.query(
        'SELECT id, code FROM vehicle_models',
      );
      const staff: Array<{ id: number; username: string; display_name: string }> = await t.dataSource.query(
        'SELECT id, username, display_name FROM staff_users',
      );
      return {
        stores: storeIds,
        models: new Map(
          models.filter((m) => DEMO_MODELS.some((d) => d.code === m.code)).map((m) => [m.code, Number(m.id)]),
        ),
        staff: new Map(staff.map((s) => [s.username, { id: Number(s.id), name: s.display_name }])),
      };
    };
    const ids = await demoIds();
    // A second run finds the prospects and writes nothing.
    expect(await seedDemoFollowUps(t.dataSource.manager, ids, new Date())).toEqual({
      prospects: 0,
      tasks: 0,
      contacts: 0,
    });
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM follow_up_tasks')).toEqual([
      { n: expect.anything() },
    ]);

    // Timed on a fresh slate, then rolled back.
    let elapsed = 0;
    let counts = { prospects: 0, tasks: 0, contacts: 0 };
    await expect(
      t.dataSource.transaction(async (manager) => {
        for (const table of [
          'contact_logs',
          'intent_changes',
          'follow_up_tasks',
          'notification_outbox',
          'prospects',
        ]) {
          await manager.query(`DELETE FROM ${table}`);
        }
        await manager.query(
          "DELETE FROM test_drive_booking_events WHERE booking_id IN (SELECT id FROM test_drive_bookings WHERE customer_id IN (SELECT id FROM customers WHERE openid LIKE 'dev:demo-%'))",
        );
        await manager.query(
          "DELETE FROM test_drive_bookings WHERE customer_id IN (SELECT id FROM customers WHERE openid LIKE 'dev:demo-%')",
        );
        await manager.query("DELETE FROM customers WHERE openid LIKE 'dev:demo-%'");
        const started = performance.now();
        counts = await seedDemoFollowUps(manager, ids, new Date());
        elapsed = performance.now() - started;
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(counts.tasks).toBe(tasks.length);
    expect(elapsed).toBeLessThan(500);
  });
});
