import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  BOOKING_POLICY_CUTOFF_MESSAGE,
  bookingPolicyRangeMessage,
  bookingPolicyStepMessage,
  DEFAULT_BOOKING_POLICY,
  type BookingPolicy,
  type DayAvailability,
  type StoreBookingPolicy,
} from '@dealer-care/domain';
import {
  Api,
  bookingBody,
  bookOk,
  countRows,
  loadDemo,
  SlotPool,
  todayInStore,
  type Demo,
} from './support/test-drive-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

/** A store's booking rules: seen by its staff, set by its manager (or an admin), used by availability. */
describe(`test-drive booking policy (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    const usernames = ['gz.chen', 'gz.manager', 'sz.liu', 'sz.manager', 'admin'];
    const tokens = await Promise.all(usernames.map((u) => t.staffToken(u)));
    usernames.forEach((u, i) => (token[u] = tokens[i]!));
    token.customer = await t.customerToken('dev-policy-customer');
    demo = await loadDemo(t, token.admin!);
  });
  afterAll(async () => {
    await t.close();
  });

  const path = (storeId: number) => `/api/staff/stores/${storeId}/test-drive-policy`;
  const put = async (who: string | undefined, storeId: number, body: unknown) => {
    let req = t.http.put(path(storeId)).set('content-type', 'application/json');
    if (who) req = req.set('authorization', `Bearer ${token[who]}`);
    return req.send(JSON.stringify(body));
  };
  const policyRows = (storeId: number) =>
    countRows(t, 'SELECT COUNT(*) AS n FROM test_drive_policies WHERE store_id = ?', [storeId]);

  /** A day from 2 days ahead on that the store is open under the default rules, and its slot count. */
  async function openDay(storeId: number): Promise<DayAvailability> {
    const res = await api.get(
      `/api/stores/${storeId}/models/${demo.models['YL-S5']!.id}/availability`,
      undefined,
      {
        from: addDays(todayInStore(), 2),
        days: 7,
      },
    );
    expect(res.status).toBe(200);
    const day = (res.body as DayAvailability[]).find((d) => d.open && d.slots.length > 0);
    if (!day) throw new Error('No open day in the coming week');
    return day;
  }

  const SHORT_SLOTS: BookingPolicy = {
    slotMinutes: 30,
    bufferMinutes: 0,
    minNoticeMinutes: 60,
    horizonDays: 7,
    customerCutoffMinutes: 240,
    maxReschedules: 1,
    maxActivePerCustomer: 3,
    minDriverAge: 21,
  };

  describe('reading', () => {
    it('gives the defaults, marked as such, while a store has set none', async () => {
      for (const who of ['gz.chen', 'gz.manager', 'admin']) {
        const res = await api.get(path(demo.gz.id), token[who]);
        expect([who, res.status]).toEqual([who, 200]);
        expect(res.body).toEqual({ ...DEFAULT_BOOKING_POLICY, isDefault: true });
      }
      expect(await policyRows(demo.gz.id)).toBe(0);
    });

    it("keeps other stores' staff out (403), answers 404 for a store that does not exist", async () => {
      for (const who of ['sz.liu', 'sz.manager'])
        expectProblem(await api.get(path(demo.gz.id), token[who]), 403, 'out_of_store_scope');
      expectProblem(await api.get(path(999_999), token.admin), 404, 'not_found');
      expectProblem(await api.get('/api/staff/stores/abc/test-drive-policy', token.admin), 400);
    });

    it('is for staff only: 401 without a token, 403 for a customer', async () => {
      expectProblem(await api.get(path(demo.gz.id)), 401, 'unauthenticated');
      expectProblem(await api.get(path(demo.gz.id), token.customer), 403, 'forbidden');
    });
  });

  describe('saving', () => {
    it('lets the manager set the rules; reading and availability follow them', async () => {
      const before = await openDay(demo.gz.id);

      const saved = await put('gz.manager', demo.gz.id, SHORT_SLOTS);
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ ...SHORT_SLOTS, isDefault: false });
      expect(await policyRows(demo.gz.id)).toBe(1);

      // Staff of the store read what the manager set; the other store keeps the defaults.
      expect((await api.get(path(demo.gz.id), token['gz.chen'])).body).toEqual({
        ...SHORT_SLOTS,
        isDefault: false,
      });
      expect((await api.get(path(demo.sz.id), token['sz.liu'])).body).toEqual({
        ...DEFAULT_BOOKING_POLICY,
        isDefault: true,
      });

      // 30-minute slots back to back: more slots in the same opening hours, each 30 minutes long.
      const after = await api.get(
        `/api/stores/${demo.gz.id}/models/${demo.models['YL-S5']!.id}/availability`,
        undefined,
        { from: before.date, days: 1 },
      );
      expect(after.status).toBe(200);
      const [day] = after.body as DayAvailability[];
      expect(day!.slots.length).toBeGreaterThan(before.slots.length);
      for (const [index, slot] of day!.slots.entries()) {
        expect(Date.parse(slot.endsAt) - Date.parse(slot.startsAt)).toBe(30 * 60_000);
        if (index > 0) expect(slot.startsAt).toBe(day!.slots[index - 1]!.endsAt);
      }
      // The horizon is a week now.
      const all = await api.get(`/api/stores/${demo.gz.id}/models/${demo.models['YL-S5']!.id}/availability`);
      expect((all.body as DayAvailability[]).map((d) => d.date)).toEqual(
        Array.from({ length: 7 }, (_, i) => addDays(todayInStore(), i)),
      );
    });

    it('updates the one row of the store when saved again, and lets an admin save any store', async () => {
      const again = { ...SHORT_SLOTS, slotMinutes: 45, bufferMinutes: 15 };
      const res = await put('admin', demo.gz.id, again);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...again, isDefault: false });
      expect(await policyRows(demo.gz.id)).toBe(1);

      const sz = await put('admin', demo.sz.id, DEFAULT_BOOKING_POLICY);
      expect(sz.status).toBe(200);
      // Saved explicitly, the same values are the store's own rules now.
      expect(sz.body).toEqual({ ...DEFAULT_BOOKING_POLICY, isDefault: false });
      expect(await policyRows(demo.sz.id)).toBe(1);
      expectProblem(await put('admin', 999_999, DEFAULT_BOOKING_POLICY), 404, 'not_found');
    });

    it('refuses consultants (403) and other stores’ managers (403), changing nothing', async () => {
      const before = (await api.get(path(demo.gz.id), token['gz.manager'])).body as StoreBookingPolicy;
      const changed = { ...DEFAULT_BOOKING_POLICY, slotMinutes: 90 };
      const consultant = await put('gz.chen', demo.gz.id, changed);
      expectProblem(consultant, 403, 'forbidden');
      expect((consultant.body as { detail: string }).detail).toBe('您的角色无权执行此操作');
      expectProblem(await put('sz.manager', demo.gz.id, changed), 403, 'out_of_store_scope');
      expectProblem(await put(undefined, demo.gz.id, changed), 401, 'unauthenticated');
      expectProblem(await put('customer', demo.gz.id, changed), 403, 'forbidden');
      expect((await api.get(path(demo.gz.id), token['gz.manager'])).body).toEqual(before);
    });
  });

  describe('bad input', () => {
    type Case = [label: string, body: unknown, field: string, message: string | RegExp];
    const valid = { ...DEFAULT_BOOKING_POLICY };
    const { minDriverAge: _dropped, ...missingAge } = valid;
    const cases: Case[] = [
      [
        'slot too short',
        { ...valid, slotMinutes: 10 },
        'slotMinutes',
        bookingPolicyRangeMessage('slotMinutes'),
      ],
      [
        'slot too long',
        { ...valid, slotMinutes: 245 },
        'slotMinutes',
        bookingPolicyRangeMessage('slotMinutes'),
      ],
      [
        'slot off the 5-minute step',
        { ...valid, slotMinutes: 32 },
        'slotMinutes',
        bookingPolicyStepMessage('slotMinutes'),
      ],
      [
        'negative buffer',
        { ...valid, bufferMinutes: -5 },
        'bufferMinutes',
        bookingPolicyRangeMessage('bufferMinutes'),
      ],
      [
        'fractional notice',
        { ...valid, minNoticeMinutes: 1.5 },
        'minNoticeMinutes',
        bookingPolicyRangeMessage('minNoticeMinutes'),
      ],
      [
        'horizon as text',
        { ...valid, horizonDays: '14' },
        'horizonDays',
        bookingPolicyRangeMessage('horizonDays'),
      ],
      [
        'horizon too far',
        { ...valid, horizonDays: 91 },
        'horizonDays',
        bookingPolicyRangeMessage('horizonDays'),
      ],
      ['null reschedules', { ...valid, maxReschedules: null }, 'maxReschedules', /^请填写/],
      [
        'no active bookings allowed',
        { ...valid, maxActivePerCustomer: 0 },
        'maxActivePerCustomer',
        bookingPolicyRangeMessage('maxActivePerCustomer'),
      ],
      [
        'driver under 18',
        { ...valid, minDriverAge: 16 },
        'minDriverAge',
        bookingPolicyRangeMessage('minDriverAge'),
      ],
      ['missing field', missingAge, 'minDriverAge', '请填写试驾人最低年龄'],
      ['unknown field', { ...valid, maxCars: 3 }, 'maxCars', '不支持此字段'],
      [
        'cut-off beyond the horizon',
        { ...valid, horizonDays: 2, customerCutoffMinutes: 2880 },
        'customerCutoffMinutes',
        BOOKING_POLICY_CUTOFF_MESSAGE,
      ],
    ];

    it.each(cases)(
      'refuses %s with 400 and a Chinese message on the field',
      async (_label, body, field, message) => {
        const before = (await api.get(path(demo.gz.id), token['gz.manager'])).body as StoreBookingPolicy;
        const res = await put('gz.manager', demo.gz.id, body);
        expectProblem(res, 400, 'validation_failed');
        const problem = res.body as { detail: string; errors: Array<{ field: string; message: string }> };
        expect(problem.errors).toEqual([
          { field, message: typeof message === 'string' ? message : expect.stringMatching(message) },
        ]);
        expect(problem.detail).toMatch(/[\u4e00-\u9fff]/);
        expect((await api.get(path(demo.gz.id), token['gz.manager'])).body).toEqual(before);
      },
    );

    it('refuses an empty or non-object body', async () => {
      const empty = await put('gz.manager', demo.gz.id, {});
      expectProblem(empty, 400, 'validation_failed');
      expect((empty.body as { errors: unknown[] }).errors).toHaveLength(8);
      for (const body of [[], 'text', 42]) expectProblem(await put('gz.manager', demo.gz.id, body), 400);
    });
  });

  describe('while bookings hold cars', () => {
    it('refuses a new slot length or gap (the held slots would straddle the new grid), allows the rest', async () => {
      const store = demo.sz.id;
      const { isDefault: _isDefault, ...current } = (await api.get(path(store), token['sz.manager']))
        .body as StoreBookingPolicy;
      const pool = await SlotPool.load(t, store, demo.models['YL-S5']!.id);
      const customer = await t.customerToken('dev-policy-booker');
      await bookOk(api, customer, bookingBody(demo, pool.take().startsAt, { storeId: store }));

      for (const change of [{ slotMinutes: 30 }, { bufferMinutes: 0 }]) {
        const res = await put('sz.manager', store, { ...current, ...change });
        expectProblem(res, 409, 'conflict');
        expect(res.body.detail).toContain('未结束的试驾预约');
      }
      expect((await api.get(path(store), token['sz.manager'])).body).toMatchObject(current);
      const other = await put('sz.manager', store, { ...current, maxReschedules: 3, horizonDays: 10 });
      expect(other.status).toBe(200);
      expect(other.body).toMatchObject({ slotMinutes: current.slotMinutes, maxReschedules: 3 });
    });
  });
});
