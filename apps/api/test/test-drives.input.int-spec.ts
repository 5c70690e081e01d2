import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { addDays, localDateIn, type TestDriveBooking, type TimeSlot } from '@dealer-care/domain';
import {
  Api,
  bookingBody,
  bookOk,
  carsOf,
  countRows,
  createBooking,
  licenceBornOn,
  loadDemo,
  localInstant,
  nextWeekday,
  SlotPool,
  slotAt,
  todayInStore,
  TZ,
  yearsBefore,
  type Demo,
} from './support/test-drive-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

/** The grid start of a store-local date at Guangzhou (weekdays 08:30, weekends 09:00), plus `slots` steps of 75 min. */
function gzGridTime(date: string, slots = 1): string {
  const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const minutes = (weekend ? 9 * 60 : 8 * 60 + 30) + slots * 75;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

type Case = { label: string; body: Record<string, unknown>; field: string };

describe(`test-drive bad input, idempotency and limits (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  let closedDate: string;
  const staff: Record<string, string> = {};
  const customers = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    for (const username of ['gz.chen', 'admin']) staff[username] = await t.staffToken(username);
    demo = await loadDemoAndCloseADay();
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
  });
  afterAll(async () => {
    await t.close();
  });

  async function loadDemoAndCloseADay(): Promise<Demo> {
    const loaded = await loadDemo(t, staff.admin!);
    closedDate = addDays(todayInStore(), 5);
    await t.dataSource.query('INSERT INTO store_closed_dates (store_id, date, reason) VALUES (?, ?, ?)', [
      loaded.gz.id,
      closedDate,
      '盘点',
    ]);
    return loaded;
  }

  async function customer(name: string): Promise<string> {
    if (!customers.has(name)) customers.set(name, await t.customerToken(`dev-in-${name}`));
    return customers.get(name)!;
  }

  async function customerId(name: string): Promise<number> {
    const [row] = (await t.dataSource.query('SELECT id FROM customers WHERE openid = ?', [
      `dev:dev-in-${name}`,
    ])) as Array<{ id: number }>;
    return Number(row!.id);
  }

  const bookingsOf = async (name: string) =>
    countRows(t, 'SELECT COUNT(*) AS n FROM test_drive_bookings WHERE customer_id = ?', [
      await customerId(name),
    ]);

  const problemFields = (res: Response) =>
    ((res.body as { errors?: Array<{ field?: string }> }).errors ?? []).map((e) => e.field);

  /** Sends every case and lists those not refused with 400 and an error on the field, so one report shows them all. */
  async function notRefused(send: (c: Case) => Promise<Response>, cases: Case[]): Promise<string[]> {
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await send(c);
      const problem = /^application\/problem\+json/.test(res.headers['content-type'] ?? '');
      if (
        res.status !== 400 ||
        !problem ||
        res.body.code !== 'validation_failed' ||
        !problemFields(res).includes(c.field)
      ) {
        wrong.push(`${c.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      }
    }
    return wrong;
  }

  async function expectAllRefused(send: (c: Case) => Promise<Response>, cases: Case[]): Promise<void> {
    expect(await notRefused(send, cases)).toEqual([]);
  }

  describe('create', () => {
    it('refuses every field wrong, missing, extra or too long with 400 and a field error, creating nothing', async () => {
      const slot = pool.take();
      const token = await customer('fields');
      const wrongValues: Record<string, unknown[]> = {
        storeId: ['1', 1.5, 0, -1, null, true, 2_147_483_648, [1], {}],
        modelId: ['1', 1.5, 0, -1, null, false, 2_147_483_648, [1]],
        startsAt: [123, null, '', 'not-a-date', '2026-13-01T00:00:00Z', true, []],
        customerName: [
          123,
          null,
          '',
          '王'.repeat(51),
          ['张伟'],
          '张',
          '张伟123',
          '<script>',
          '王'.repeat(21),
        ],
        mobile: [
          13_800_138_000,
          null,
          '',
          '1'.repeat(21),
          'abc',
          '12345678901',
          '1380013800',
          '138001380001',
        ],
        licenceNumber: [
          11010519491231,
          null,
          '',
          '1'.repeat(33),
          '110105491231002', // the old 15-digit number
          '110105194912310021', // wrong check digit
          '991105194912310020', // no such province
          `110105${'19490230'}123${'X'}`, // 30 February
          licenceBornOn('2099-01-01'), // born in the future
          '11010519491231002Y',
        ],
        consentVersion: [1, null, '', 'v'.repeat(33), '2025-01-v0', ' '],
        licenceConsent: [false, 'true', 1, null, 'yes'],
        note: [1, 'x'.repeat(201), ['想试驾'], { text: 'x' }],
      };
      const cases: Case[] = [];
      for (const [field, values] of Object.entries(wrongValues)) {
        for (const value of values) {
          cases.push({
            label: `${field}=${JSON.stringify(value).slice(0, 40)}`,
            body: bookingBody(demo, slot.startsAt, { [field]: value }),
            field,
          });
        }
        if (field !== 'note') {
          const body = bookingBody(demo, slot.startsAt);
          delete body[field];
          cases.push({ label: `${field} missing`, body, field });
        }
      }
      for (const extra of ['status', 'customerId', 'carId', 'hacker']) {
        cases.push({
          label: `extra ${extra}`,
          body: { ...bookingBody(demo, slot.startsAt), [extra]: 1 },
          field: extra,
        });
      }
      await expectAllRefused((c) => createBooking(api, token, c.body), cases);
      expect(await bookingsOf('fields')).toBe(0);
      expect((await slotAt(api, demo.gz.id, demo.models['YL-S5']!.id, slot.startsAt))?.held).toBe(0);
      // The same body, valid, goes through.
      expect((await createBooking(api, token, bookingBody(demo, slot.startsAt))).status).toBe(201);
    });

    it('refuses a slot off the grid, in the past, beyond the horizon or on a closed date', async () => {
      const token = await customer('slots');
      const today = todayInStore();
      const free = pool.take();
      const monday = nextWeekday(addDays(today, 1), 1);
      const cases: Case[] = [
        {
          label: 'off the grid',
          body: bookingBody(demo, localInstant(addDays(today, 3), '08:35')),
          field: 'startsAt',
        },
        {
          label: 'a second after a slot',
          body: bookingBody(demo, new Date(Date.parse(free.startsAt) + 1000).toISOString()),
          field: 'startsAt',
        },
        {
          label: 'yesterday',
          body: bookingBody(demo, localInstant(addDays(today, -1), gzGridTime(addDays(today, -1)))),
          field: 'startsAt',
        },
        {
          label: 'a year ago',
          body: bookingBody(demo, localInstant(addDays(today, -365), gzGridTime(addDays(today, -365)))),
          field: 'startsAt',
        },
        {
          label: 'beyond the 14-day horizon',
          body: bookingBody(demo, localInstant(addDays(today, 14), gzGridTime(addDays(today, 14)))),
          field: 'startsAt',
        },
        {
          label: 'closed date',
          body: bookingBody(demo, localInstant(closedDate, gzGridTime(closedDate))),
          field: 'startsAt',
        },
        {
          label: 'Shenzhen on a Monday',
          body: bookingBody(demo, localInstant(monday, '10:15'), { storeId: demo.sz.id }),
          field: 'startsAt',
        },
        {
          label: 'after closing',
          body: bookingBody(demo, localInstant(addDays(today, 3), '17:15')),
          field: 'startsAt',
        },
      ];
      await expectAllRefused((c) => createBooking(api, token, c.body), cases);
      expect(await bookingsOf('slots')).toBe(0);

      const closed = await api.get(
        `/api/stores/${demo.gz.id}/models/${demo.models['YL-S5']!.id}/availability`,
        undefined,
        {
          from: closedDate,
          days: 1,
        },
      );
      expect(closed.body).toEqual([{ date: closedDate, open: false, slots: [], remaining: 0 }]);
    });

    it('takes the last day of the horizon and the last slot of a day', async () => {
      const lastDay = addDays(todayInStore(), 13);
      // Keep the edge bookable even in the weeks a demo holiday falls on it.
      await t.dataSource.query('DELETE FROM store_closed_dates WHERE store_id = ? AND date = ?', [
        demo.gz.id,
        lastDay,
      ]);
      const token = await customer('edges');
      const late = await createBooking(
        api,
        token,
        bookingBody(demo, localInstant(lastDay, gzGridTime(lastDay, 6))),
      );
      expect(late.status).toBe(201);
      expect(late.body).toMatchObject({ startsAt: localInstant(lastDay, gzGridTime(lastDay, 6)) });
    });

    it('answers an unknown store or model with 404 and a model without cars there with 409', async () => {
      const token = await customer('unknown');
      const slot = pool.take();
      expectProblem(
        await createBooking(api, token, bookingBody(demo, slot.startsAt, { storeId: 999_999 })),
        404,
        'not_found',
      );
      expectProblem(
        await createBooking(api, token, bookingBody(demo, slot.startsAt, { modelId: 999_999 })),
        404,
        'not_found',
      );
      for (const code of ['YL-E3', 'YL-X7']) {
        // No E3 at Guangzhou at all; its only X7 is out of service.
        const res = await createBooking(
          api,
          token,
          bookingBody(demo, slot.startsAt, { modelId: demo.models[code]!.id }),
        );
        expectProblem(res, 409, 'conflict');
      }
      expect(await bookingsOf('unknown')).toBe(0);
    });

    it('refuses a driver under 18 on the drive date and accepts one who turns 18 that very day', async () => {
      const slot = pool.take();
      const driveDate = localDateIn(TZ, new Date(slot.startsAt));
      const token = await customer('age');
      const tooYoung = licenceBornOn(yearsBefore(addDays(driveDate, 1), 18));
      const res = await createBooking(
        api,
        token,
        bookingBody(demo, slot.startsAt, { licenceNumber: tooYoung }),
      );
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([{ field: 'licenceNumber', message: '试驾人须年满18周岁' }]);
      expect(await bookingsOf('age')).toBe(0);

      // Seventeen today, eighteen on the day of the drive.
      const birthday = licenceBornOn(yearsBefore(driveDate, 18));
      const ok = await createBooking(
        api,
        token,
        bookingBody(demo, slot.startsAt, { licenceNumber: birthday }),
      );
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ licenceMasked: '440106************' });
      expect(JSON.stringify(ok.body)).not.toContain(birthday.slice(6, 14));
    });
  });

  describe('action bodies', () => {
    it('refuses bad bodies of every staff and customer action, changing nothing', async () => {
      const token = await customer('actions');
      const booking = await bookOk(api, token, bookingBody(demo, pool.take().startsAt));
      const snapshot = async () =>
        JSON.stringify(
          await t.dataSource.query(
            'SELECT status, starts_at, car_id, consultant_id, reschedule_count, proposal_starts_at, closing_reason FROM test_drive_bookings WHERE id = ?',
            [booking.id],
          ),
        );
      const before = await snapshot();
      const today = todayInStore();
      const free = pool.take().startsAt;
      const badTimes: Array<[string, unknown]> = [
        ['not a time', 'tomorrow'],
        ['a number', 5],
        ['null', null],
        ['off the grid', localInstant(addDays(today, 3), '08:35')],
        ['in the past', localInstant(addDays(today, -1), gzGridTime(addDays(today, -1)))],
        ['beyond the horizon', localInstant(addDays(today, 14), gzGridTime(addDays(today, 14)))],
        ['closed date', localInstant(closedDate, gzGridTime(closedDate))],
      ];
      const szCar = carsOf(demo, demo.sz, 'YL-S5')[0]!.id;
      const gzCar = carsOf(demo, demo.gz, 'YL-S5')[0]!.id;
      const staffCases: Array<Case & { action: string }> = [
        ...[
          {},
          { carId: String(gzCar) },
          { carId: 0 },
          { carId: 1.5 },
          { carId: null },
          { carId: -3 },
          { carId: szCar },
        ].map((body) => ({
          action: 'confirm',
          label: `confirm ${JSON.stringify(body)}`,
          body,
          field: 'carId',
        })),
        {
          action: 'confirm',
          label: 'confirm extra',
          body: { carId: gzCar, consultantId: 1 },
          field: 'consultantId',
        },
        ...[
          {},
          { reason: '' },
          { reason: '忙' },
          { reason: 'x'.repeat(201) },
          { reason: 5 },
          { reason: null },
        ].map((body) => ({
          action: 'reject',
          label: `reject ${JSON.stringify(body).slice(0, 40)}`,
          body,
          field: 'reason',
        })),
        {
          action: 'reject',
          label: 'reject extra',
          body: { reason: '车辆保养', status: 'rejected' },
          field: 'status',
        },
        { action: 'propose', label: 'propose {}', body: {}, field: 'startsAt' },
        ...badTimes.map(([label, startsAt]) => ({
          action: 'propose',
          label: `propose ${label}`,
          body: { startsAt },
          field: 'startsAt',
        })),
        {
          action: 'propose',
          label: 'propose long note',
          body: { startsAt: free, note: 'x'.repeat(201) },
          field: 'note',
        },
        { action: 'propose', label: 'propose note number', body: { startsAt: free, note: 5 }, field: 'note' },
        {
          action: 'propose',
          label: 'propose extra',
          body: { startsAt: free, endsAt: free },
          field: 'endsAt',
        },
        ...[
          {},
          { licenceLastFour: '12345' },
          { licenceLastFour: '12a4' },
          { licenceLastFour: 1234 },
          { licenceLastFour: '' },
          { licenceLastFour: '002' },
        ].map((body) => ({
          action: 'check-in',
          label: `check-in ${JSON.stringify(body)}`,
          body: { consentSigned: true, ...body },
          field: 'licenceLastFour',
        })),
        ...[
          {},
          { consentSigned: false },
          { consentSigned: 'true' },
          { consentSigned: 1 },
          { consentSigned: null },
        ].map((body) => ({
          action: 'check-in',
          label: `check-in ${JSON.stringify(body)}`,
          body: { licenceLastFour: '002X', ...body },
          field: 'consentSigned',
        })),
        {
          action: 'check-in',
          label: 'check-in extra',
          body: { licenceLastFour: '002X', consentSigned: true, licenceNumber: 'x' },
          field: 'licenceNumber',
        },
        ...[{}, { reason: 'a' }, { reason: 'x'.repeat(201) }, { reason: 7 }].map((body) => ({
          action: 'cancel',
          label: `store cancel ${JSON.stringify(body).slice(0, 40)}`,
          body,
          field: 'reason',
        })),
        { action: 'complete', label: 'complete extra', body: { rating: 5 }, field: 'rating' },
        { action: 'no-show', label: 'no-show extra', body: { reason: '没来' }, field: 'reason' },
      ];
      const wrongStaff = await notRefused(
        (c) =>
          api.post(
            `/api/staff/test-drives/${booking.id}/${(c as Case & { action: string }).action}`,
            staff['gz.chen'],
            c.body,
          ),
        staffCases,
      );

      const customerCases: Array<Case & { action: string }> = [
        { action: 'cancel', label: 'cancel long reason', body: { reason: 'x'.repeat(201) }, field: 'reason' },
        { action: 'cancel', label: 'cancel reason number', body: { reason: 7 }, field: 'reason' },
        { action: 'cancel', label: 'cancel extra', body: { status: 'cancelled' }, field: 'status' },
        { action: 'reschedule', label: 'reschedule {}', body: {}, field: 'startsAt' },
        ...badTimes.map(([label, startsAt]) => ({
          action: 'reschedule',
          label: `reschedule ${label}`,
          body: { startsAt },
          field: 'startsAt',
        })),
        {
          action: 'reschedule',
          label: 'reschedule extra',
          body: { startsAt: free, carId: gzCar },
          field: 'carId',
        },
        {
          action: 'decline-proposal',
          label: 'decline long reason',
          body: { reason: 'x'.repeat(201) },
          field: 'reason',
        },
        { action: 'decline-proposal', label: 'decline extra', body: { startsAt: free }, field: 'startsAt' },
        { action: 'accept-proposal', label: 'accept extra', body: { startsAt: free }, field: 'startsAt' },
      ];
      const wrongCustomer = await notRefused(
        (c) =>
          api.post(
            `/api/test-drive/bookings/${booking.id}/${(c as Case & { action: string }).action}`,
            token,
            c.body,
          ),
        customerCases,
      );
      expect(await snapshot()).toBe(before);
      expect([...wrongStaff, ...wrongCustomer]).toEqual([]);
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM test_drive_booking_events WHERE booking_id = ?', [
          booking.id,
        ]),
      ).toBe(1);
    });

    it('does not take blank space for the reason a store must give', async () => {
      const token = await customer('blank');
      const booking = await bookOk(api, token, bookingBody(demo, pool.take().startsAt));
      const answers: Array<[string, number]> = [];
      for (const action of ['reject', 'cancel']) {
        for (const reason of ['   ', '\t\n ', '\u3000\u3000']) {
          const res = await api.post(`/api/staff/test-drives/${booking.id}/${action}`, staff['gz.chen'], {
            reason,
          });
          answers.push([`${action} ${JSON.stringify(reason)}`, res.status]);
        }
      }
      const [row] = (await t.dataSource.query(
        'SELECT status, closing_reason FROM test_drive_bookings WHERE id = ?',
        [booking.id],
      )) as Array<{ status: string; closing_reason: string | null }>;
      expect(row).toEqual({ status: 'requested', closing_reason: null });
      expect(answers).toEqual(answers.map(([label]) => [label, 400]));
    });

    it('takes an empty body, or none, for the actions that need nothing', async () => {
      const token = await customer('empty');
      const booking = await bookOk(api, token, bookingBody(demo, pool.take().startsAt));
      // Nothing to accept yet: the lifecycle answers (409), not the body validation (400).
      const noBody = await t.http
        .post(`/api/test-drive/bookings/${booking.id}/accept-proposal`)
        .set('authorization', `Bearer ${token}`);
      expectProblem(noBody, 409, 'conflict');
      expectProblem(
        await api.post(`/api/test-drive/bookings/${booking.id}/accept-proposal`, token, {}),
        409,
        'conflict',
      );
      // Too early to complete or mark as no-show: again the lifecycle decides.
      for (const action of ['complete', 'no-show']) {
        expectProblem(
          await api.post(`/api/staff/test-drives/${booking.id}/${action}`, staff['gz.chen'], {}),
          409,
          'conflict',
        );
      }
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer for the same key and body, once per customer', async () => {
      const token = await customer('idem');
      const slot = pool.take();
      const body = bookingBody(demo, slot.startsAt, { note: '周末带家人来' });
      const key = 'wx-submit-0001';
      const first = await createBooking(api, token, body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();

      // The same fields in another order are the same body.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await createBooking(api, token, reordered, { 'Idempotency-Key': key });
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((again.body as TestDriveBooking).id).toBe((first.body as TestDriveBooking).id);
      expect((again.body as TestDriveBooking).reference).toBe((first.body as TestDriveBooking).reference);
      expect(await bookingsOf('idem')).toBe(1);
      expect((await slotAt(api, demo.gz.id, demo.models['YL-S5']!.id, slot.startsAt))?.held).toBe(1);

      const changed = await createBooking(
        api,
        token,
        { ...body, note: '改了备注' },
        { 'idempotency-key': key },
      );
      expectProblem(changed, 422, 'idempotency_key_reused');
      expect(await bookingsOf('idem')).toBe(1);

      // Another customer's key space is their own.
      const other = await createBooking(api, await customer('idem-other'), body, { 'idempotency-key': key });
      expect(other.status).toBe(201);
      expect(other.headers['idempotent-replayed']).toBeUndefined();
      expect((other.body as TestDriveBooking).id).not.toBe((first.body as TestDriveBooking).id);
    });

    it('creates one booking when retries with the same key arrive together', async () => {
      const token = await customer('idem-burst');
      const body = bookingBody(demo, pool.take().startsAt);
      const answers = await Promise.all(
        [...Array(5).keys()].map(() =>
          createBooking(api, token, body, { 'idempotency-key': 'burst-key-0001' }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      expect(statuses).toContain(201);
      const ids = new Set(
        answers.filter((a) => a.status === 201).map((a) => (a.body as TestDriveBooking).id),
      );
      expect(ids.size).toBe(1);
      expect(await bookingsOf('idem-burst')).toBe(1);
    });

    it('refuses a malformed key with 400, creating nothing', async () => {
      const token = await customer('idem-bad');
      const body = bookingBody(demo, pool.take().startsAt);
      for (const key of [
        'short',
        'has spaces in it',
        'k'.repeat(129),
        'semi;colon;key',
        'slash/in/the/key',
      ]) {
        const res = await createBooking(api, token, body, { 'idempotency-key': key });
        expectProblem(res, 400, 'validation_failed');
        expect(problemFields(res)).toEqual(['Idempotency-Key']);
      }
      expect(await bookingsOf('idem-bad')).toBe(0);
      expect((await createBooking(api, token, body)).status).toBe(201);
    });

    it('replays a stored 409 and a stored 400 as they were', async () => {
      const name = 'idem-409';
      const token = await customer(name);
      const [a, b, c] = [pool.take(), pool.take(), pool.take()];
      const firstBooking = await bookOk(api, token, bookingBody(demo, a.startsAt));
      await bookOk(api, token, bookingBody(demo, b.startsAt));
      const third = bookingBody(demo, c.startsAt);
      const refused = await createBooking(api, token, third, { 'idempotency-key': 'third-booking-1' });
      expectProblem(refused, 409, 'conflict');

      // Room again, but the key still answers what it answered first.
      expect((await api.post(`/api/test-drive/bookings/${firstBooking.id}/cancel`, token, {})).status).toBe(
        200,
      );
      const replayed = await createBooking(api, token, third, { 'idempotency-key': 'third-booking-1' });
      expectProblem(replayed, 409, 'conflict');
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.body.detail).toBe(refused.body.detail);
      expect(await bookingsOf(name)).toBe(2);

      const offGrid = bookingBody(demo, localInstant(addDays(todayInStore(), 3), '08:35'));
      const bad = await createBooking(api, token, offGrid, { 'idempotency-key': 'off-grid-0001' });
      expectProblem(bad, 400, 'validation_failed');
      const badAgain = await createBooking(api, token, offGrid, { 'idempotency-key': 'off-grid-0001' });
      expectProblem(badAgain, 400, 'validation_failed');
      expect(badAgain.headers['idempotent-replayed']).toBe('true');

      // A new key (or none) runs the request again.
      const fresh = await createBooking(api, token, third, { 'idempotency-key': 'third-booking-2' });
      expect(fresh.status).toBe(201);
      expect(await bookingsOf(name)).toBe(3);
    });
  });

  describe("a customer's own limits", () => {
    it('refuses a third active booking', async () => {
      const name = 'limit';
      const token = await customer(name);
      const first = await bookOk(api, token, bookingBody(demo, pool.take().startsAt));
      await bookOk(api, token, bookingBody(demo, pool.take().startsAt));
      const third = await createBooking(api, token, bookingBody(demo, pool.take().startsAt));
      expectProblem(third, 409, 'conflict');
      expect(third.body.detail).toContain('2个');
      expect(await bookingsOf(name)).toBe(2);
      await api.post(`/api/test-drive/bookings/${first.id}/cancel`, token, {});
      expect((await createBooking(api, token, bookingBody(demo, pool.take().startsAt))).status).toBe(201);
    });

    it('refuses two overlapping bookings, whatever the model or store', async () => {
      const name = 'overlap';
      const token = await customer(name);
      const day = pool.takeDay();
      const [s1, s2, s3] = [day.slots[2]!, day.slots[3]!, day.slots[5]!];
      await bookOk(api, token, bookingBody(demo, s1.startsAt));
      const sameTime = await createBooking(
        api,
        token,
        bookingBody(demo, s1.startsAt, { modelId: demo.models['YL-S7']!.id }),
      );
      expectProblem(sameTime, 409, 'conflict');
      expect(sameTime.body.detail).toContain('该时段');
      expect(await bookingsOf(name)).toBe(1);

      // The next slot does not overlap (the buffer lies between them).
      const next = await bookOk(
        api,
        token,
        bookingBody(demo, s2.startsAt, { modelId: demo.models['YL-S7']!.id }),
      );
      // Moving it onto the first one's time would overlap.
      const moved = await api.post(`/api/test-drive/bookings/${next.id}/reschedule`, token, {
        startsAt: s1.startsAt,
      });
      expectProblem(moved, 409, 'conflict');
      expect(moved.body.detail).toContain('该时段');
      expect((await api.get(`/api/test-drive/bookings/${next.id}`, token)).body).toMatchObject({
        startsAt: s2.startsAt,
        rescheduleCount: 0,
      });
      expect(
        (await api.post(`/api/test-drive/bookings/${next.id}/reschedule`, token, { startsAt: s3.startsAt }))
          .status,
      ).toBe(200);
    });
  });

  describe("a customer's own limits under concurrency", () => {
    it('holds the limit and the overlap rule when one customer submits several at once', async () => {
      const name = 'limit-burst';
      const token = await customer(name);
      const slots = [pool.take(), pool.take(), pool.take(), pool.take()];
      const answers = await Promise.all(
        slots.map((slot) => createBooking(api, token, bookingBody(demo, slot.startsAt))),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 409, 409]);
      expect(await bookingsOf(name)).toBe(2);

      const other = 'overlap-burst';
      const otherToken = await customer(other);
      const slot = pool.take();
      const models = ['YL-S5', 'YL-S7', 'YL-X3'].map((code) => demo.models[code]!.id);
      const sameTime = await Promise.all(
        models.map((modelId) =>
          createBooking(api, otherToken, bookingBody(demo, slot.startsAt, { modelId })),
        ),
      );
      expect(sameTime.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      expect(await bookingsOf(other)).toBe(1);
    });
  });

  describe('racing for the last car', () => {
    it('gives the last car to one of two racing customers and the other a 409 with the nearest free slots', async () => {
      const day = pool.takeDay();
      const target: TimeSlot = day.slots[3]!;
      await bookOk(api, await customer('race-0'), bookingBody(demo, target.startsAt));
      const racers = ['race-1', 'race-2'];
      const tokens = await Promise.all(racers.map((r) => customer(r)));
      const answers = await Promise.all(
        tokens.map((tk) => createBooking(api, tk, bookingBody(demo, target.startsAt))),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);

      const lost = answers.find((a) => a.status === 409)!;
      expectProblem(lost, 409, 'conflict');
      expect(lost.body.detail).toContain('约满');
      const suggested = lost.body.suggestedSlots as TimeSlot[];
      // The neighbours on both sides first (75 minutes away, earlier first), then the next nearest.
      expect(suggested.map((s) => s.startsAt)).toEqual([
        day.slots[2]!.startsAt,
        day.slots[4]!.startsAt,
        day.slots[1]!.startsAt,
      ]);
      for (const slot of suggested) {
        expect(slot.remaining).toBeGreaterThan(0);
        expect(
          (await slotAt(api, demo.gz.id, demo.models['YL-S5']!.id, slot.startsAt))?.remaining,
        ).toBeGreaterThan(0);
      }
      const loser = racers[answers.indexOf(lost)]!;
      expect(await bookingsOf(loser)).toBe(0);
      expect(await slotAt(api, demo.gz.id, demo.models['YL-S5']!.id, target.startsAt)).toMatchObject({
        held: 2,
        remaining: 0,
      });
      const winner = answers.find((a) => a.status === 201)!.body as TestDriveBooking;
      const holdsInSlot = await countRows(
        t,
        `SELECT COUNT(*) AS n FROM test_drive_car_holds h JOIN test_drive_bookings b ON b.id = h.booking_id
         WHERE b.starts_at = (SELECT starts_at FROM test_drive_bookings WHERE id = ?)`,
        [winner.id],
      );
      expect(holdsInSlot).toBe(2);

      // A latecomer is refused the same way, and can take a suggestion.
      const late = await createBooking(api, await customer('race-3'), bookingBody(demo, target.startsAt));
      expectProblem(late, 409, 'conflict');
      const suggestion = (late.body.suggestedSlots as TimeSlot[])[0]!;
      expect(
        (await createBooking(api, await customer('race-3'), bookingBody(demo, suggestion.startsAt))).status,
      ).toBe(201);
    });

    it('lets exactly as many of eight racing customers win as there are cars', async () => {
      const day = pool.takeDay();
      const target = day.slots[1]!;
      const tokens = await Promise.all([...Array(8).keys()].map((i) => customer(`race8-${i}`)));
      const answers = await Promise.all(
        tokens.map((tk) => createBooking(api, tk, bookingBody(demo, target.startsAt))),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 409, 409, 409, 409, 409, 409]);
      expect(
        await countRows(
          t,
          'SELECT COUNT(*) AS n FROM test_drive_bookings WHERE starts_at = (SELECT starts_at FROM test_drive_bookings WHERE id = ?)',
          [(answers.find((a) => a.status === 201)!.body as TestDriveBooking).id],
        ),
      ).toBe(2);
    });
  });
});
