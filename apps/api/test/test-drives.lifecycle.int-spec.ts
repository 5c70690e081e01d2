import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  type BookingAction,
  type DayAvailability,
  type StoreCapacityDay,
  type TestDriveBooking,
  type TestDriveChanges,
  type TimeSlot,
  utcToZoned,
} from '@dealer-care/domain';
import {
  Api,
  bookingBody,
  bookOk,
  carsOf,
  countRows,
  DAY,
  dbTime,
  LICENCE,
  loadDemo,
  localInstant,
  MINUTE,
  moveBooking,
  nextWeekday,
  SlotPool,
  slotAt,
  todayInStore,
  type Demo,
} from './support/test-drive-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

const WEEKDAY_STARTS = ['08:30', '09:45', '11:00', '12:15', '13:30', '14:45', '16:00'];
const WEEKEND_STARTS = ['09:00', '10:15', '11:30', '12:45', '14:00', '15:15', '16:30'];

describe(`test-drive booking lifecycle (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  const staff: Record<'chen' | 'wang' | 'manager' | 'admin', string> = {
    chen: '',
    wang: '',
    manager: '',
    admin: '',
  };
  const customers = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    [staff.chen, staff.wang, staff.manager, staff.admin] = await Promise.all(
      ['gz.chen', 'gz.wang', 'gz.manager', 'admin'].map((u) => t.staffToken(u)),
    );
    demo = await loadDemo(t, staff.admin);
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const s5 = () => demo.models['YL-S5']!.id;

  async function customer(name: string): Promise<string> {
    if (!customers.has(name)) customers.set(name, await t.customerToken(`dev-lc-${name}`));
    return customers.get(name)!;
  }

  async function book(who: string, startsAt: string = pool.take().startsAt): Promise<TestDriveBooking> {
    return bookOk(api, await customer(who), bookingBody(demo, startsAt));
  }

  const staffPost = (token: string, id: number, action: string, body: unknown = {}) =>
    api.post(`/api/staff/test-drives/${id}/${action}`, token, body);
  const customerPost = (token: string, id: number, action: string, body: unknown = {}) =>
    api.post(`/api/test-drive/bookings/${id}/${action}`, token, body);

  async function heldCar(id: number): Promise<number | null> {
    const rows = (await t.dataSource.query('SELECT car_id FROM test_drive_car_holds WHERE booking_id = ?', [
      id,
    ])) as Array<{ car_id: number }>;
    return rows[0] ? Number(rows[0].car_id) : null;
  }

  async function confirm(id: number, token = staff.chen): Promise<TestDriveBooking> {
    const res = await staffPost(token, id, 'confirm', { carId: await heldCar(id) });
    expect(res.status).toBe(200);
    return res.body as TestDriveBooking;
  }

  async function staffView(id: number, token = staff.chen): Promise<TestDriveBooking> {
    const res = await api.get(`/api/staff/test-drives/${id}`, token);
    expect(res.status).toBe(200);
    return res.body as TestDriveBooking;
  }

  async function customerView(id: number, who: string): Promise<TestDriveBooking> {
    const res = await api.get(`/api/test-drive/bookings/${id}`, await customer(who));
    expect(res.status).toBe(200);
    return res.body as TestDriveBooking;
  }

  describe('availability', () => {
    it('lists slots on the store grid, with the cars of the model in service as capacity', async () => {
      const res = await api.get(`/api/stores/${demo.gz.id}/models/${s5()}/availability`);
      expect(res.status).toBe(200);
      const days = res.body as DayAvailability[];
      const today = todayInStore();
      expect(days).toHaveLength(14);
      days.forEach((day, index) => expect(day.date).toBe(addDays(today, index)));
      const earliest = Date.now() + 120 * MINUTE;
      for (const day of days) {
        const weekend = new Date(`${day.date}T00:00:00Z`).getUTCDay() % 6 === 0;
        const grid = weekend ? WEEKEND_STARTS : WEEKDAY_STARTS;
        if (demo.gz.closedDates.includes(day.date)) {
          expect(day).toMatchObject({ open: false, slots: [], remaining: 0 });
          continue;
        }
        expect(day.open).toBe(true);
        const expected = grid.filter((time) => Date.parse(localInstant(day.date, time)) >= earliest);
        expect(day.slots.map((slot) => slot.localStart)).toEqual(expected);
        if (day.date !== today) expect(day.slots).toHaveLength(7);
        for (const slot of day.slots) {
          expect(slot.startsAt).toBe(localInstant(day.date, slot.localStart));
          expect(Date.parse(slot.endsAt) - Date.parse(slot.startsAt)).toBe(60 * MINUTE);
          expect(slot.localEnd).toBe(
            `${String(Number(slot.localStart.slice(0, 2)) + 1).padStart(2, '0')}${slot.localStart.slice(2)}`,
          );
          expect(slot).toMatchObject({ capacity: 2, held: 0, remaining: 2 });
        }
        expect(day.remaining).toBe(day.slots.length * 2);
      }
    });

    it('counts a new booking as held in its slot', async () => {
      const slot = pool.take();
      const before = await slotAt(api, demo.gz.id, s5(), slot.startsAt);
      expect(before).toMatchObject({ capacity: 2, held: 0, remaining: 2 });
      await book('held', slot.startsAt);
      const after = await slotAt(api, demo.gz.id, s5(), slot.startsAt);
      expect(after).toMatchObject({ capacity: 2, held: 1, remaining: 1 });
    });

    it('has no slots on a Monday in Shenzhen, where the store is closed', async () => {
      const monday = nextWeekday(addDays(todayInStore(), 1), 1);
      const res = await api.get(`/api/stores/${demo.sz.id}/models/${s5()}/availability`, undefined, {
        from: monday,
        days: 2,
      });
      expect(res.status).toBe(200);
      const [closed, tuesday] = res.body as DayAvailability[];
      expect(closed).toEqual({ date: monday, open: false, slots: [], remaining: 0 });
      if (tuesday) {
        expect(tuesday.open).toBe(true);
        expect(tuesday.slots[0]).toMatchObject({ localStart: '09:00', capacity: 1 });
      }
    });

    it('clips the range to today … the horizon', async () => {
      const today = todayInStore();
      const url = `/api/stores/${demo.gz.id}/models/${s5()}/availability`;
      const past = (await api.get(url, undefined, { from: addDays(today, -3), days: 5 }))
        .body as DayAvailability[];
      expect(past.map((d) => d.date)).toEqual([today, addDays(today, 1)]);
      const end = (await api.get(url, undefined, { from: addDays(today, 13), days: 5 }))
        .body as DayAvailability[];
      expect(end.map((d) => d.date)).toEqual([addDays(today, 13)]);
      const beyond = await api.get(url, undefined, { from: addDays(today, 14) });
      expect(beyond.status).toBe(200);
      expect(beyond.body).toEqual([]);
    });

    it('refuses a bad from or days with 400 and an unknown store or model with 404', async () => {
      const url = `/api/stores/${demo.gz.id}/models/${s5()}/availability`;
      for (const from of ['2026-02-30', '2026-2-1', 'tomorrow', '2026-13-01', ''])
        expectProblem(await api.get(url, undefined, { from }), 400, 'validation_failed');
      for (const days of ['0', '32', 'x', '1.5', '-1'])
        expectProblem(await api.get(url, undefined, { days }), 400, 'validation_failed');
      expectProblem(await api.get(url, undefined, { extra: 'x' }), 400, 'validation_failed');
      expectProblem(await api.get(`/api/stores/999999/models/${s5()}/availability`), 404, 'not_found');
      expectProblem(await api.get(`/api/stores/${demo.gz.id}/models/999999/availability`), 404, 'not_found');
      expectProblem(await api.get(`/api/stores/abc/models/${s5()}/availability`), 400, 'validation_failed');
    });
  });

  describe('create', () => {
    it('creates a requested booking with masked mobile and licence and a first timeline entry', async () => {
      const slot = pool.take();
      const token = await customer('create');
      const res = await api.post(
        '/api/test-drive/bookings',
        token,
        bookingBody(demo, slot.startsAt, { mobile: '+86 139 1234 5678', note: '  想试试高速  ' }),
      );
      expect(res.status).toBe(201);
      const booking = res.body as TestDriveBooking;
      expect(booking).toMatchObject({
        storeId: demo.gz.id,
        storeName: '云岚汽车广州天河4S店',
        storePhone: '020-38881234',
        modelId: s5(),
        modelName: '云岚 S5',
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: 'requested',
        customerName: '张伟',
        mobileMasked: '139****5678',
        licenceMasked: '110105************',
        note: '想试试高速',
        consentVersion: demo.consentVersion,
        car: null,
        consultant: null,
        proposal: null,
        rescheduleCount: 0,
        closingReason: null,
        allowedActions: ['cancel', 'reschedule'],
      });
      expect(booking.reference).toMatch(/^TD[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      expect(booking.timeline).toEqual([
        {
          at: expect.any(String),
          actor: 'customer',
          actorName: null,
          action: 'create',
          from: null,
          to: 'requested',
          reason: null,
          startsAt: slot.startsAt,
        },
      ]);
      expect(Math.abs(Date.parse(booking.consentAcceptedAt) - Date.now())).toBeLessThan(60_000);

      const mine = (await api.get('/api/test-drive/bookings', token)).body as TestDriveBooking[];
      expect(mine.map((b) => b.id)).toEqual([booking.id]);
      expect(await customerView(booking.id, 'create')).toEqual(booking);

      const [row] = (await t.dataSource.query(
        'SELECT mobile, licence_masked, licence_hash, licence_encrypted, consent_version FROM test_drive_bookings WHERE id = ?',
        [booking.id],
      )) as Array<Record<string, string>>;
      expect(row).toMatchObject({
        mobile: '13912345678',
        licence_masked: '110105************',
        consent_version: demo.consentVersion,
      });
      expect(row!.licence_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row!.licence_encrypted).not.toContain('1949');
      expect(
        await countRows(t, 'SELECT COUNT(*) AS n FROM test_drive_car_holds WHERE booking_id = ?', [
          booking.id,
        ]),
      ).toBe(1);
    });
  });

  describe('confirm → check in → complete', () => {
    it('confirms only with a car of that model at that store, making the caller the consultant', async () => {
      const slot = pool.take();
      const first = await book('confirm-a', slot.startsAt);
      const second = await book('confirm-b', slot.startsAt);
      const [car1, car2] = carsOf(demo, demo.gz, 'YL-S5');
      expect(await heldCar(first.id)).toBe(car1!.id);
      expect(await heldCar(second.id)).toBe(car2!.id);

      const wrongCars = [
        carsOf(demo, demo.gz, 'YL-S7')[0]!.id,
        carsOf(demo, demo.sz, 'YL-S5')[0]!.id,
        carsOf(demo, demo.gz, 'YL-X7')[0]!.id,
        999_999,
      ];
      for (const carId of wrongCars) {
        const res = await staffPost(staff.chen, first.id, 'confirm', { carId });
        expectProblem(res, 400, 'validation_failed');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'carId' })]);
      }
      // The other S5 car is held by the second booking in that slot.
      const taken = await staffPost(staff.chen, first.id, 'confirm', { carId: car2!.id });
      expectProblem(taken, 409, 'conflict');
      expect(taken.body.detail).toContain(car2!.plate);

      const res = await staffPost(staff.chen, first.id, 'confirm', { carId: car1!.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'confirmed',
        car: { id: car1!.id, plate: '粤A·S5001' },
        consultant: { displayName: '陈晓明' },
        allowedActions: ['propose', 'cancel_by_store'],
      });
      const seen = await customerView(first.id, 'confirm-a');
      expect(seen).toMatchObject({
        status: 'confirmed',
        car: { plate: '粤A·S5001' },
        consultant: { displayName: '陈晓明' },
        allowedActions: ['cancel', 'reschedule'],
      });
      expect(seen.timeline.map((e) => [e.action, e.from, e.to, e.actor, e.actorName])).toEqual([
        ['create', null, 'requested', 'customer', null],
        ['confirm', 'requested', 'confirmed', 'staff', '陈晓明'],
      ]);
      // Confirmed twice is not allowed.
      expectProblem(await staffPost(staff.chen, first.id, 'confirm', { carId: car1!.id }), 409, 'conflict');

      // A consultant may switch the second booking to the car that is free then.
      expectProblem(await staffPost(staff.wang, second.id, 'confirm', { carId: car1!.id }), 409, 'conflict');
      const other = await staffPost(staff.wang, second.id, 'confirm', { carId: car2!.id });
      expect(other.body).toMatchObject({
        status: 'confirmed',
        car: { plate: '粤A·S5002' },
        consultant: { displayName: '王丽' },
      });
    });

    it('checks in within the window with the right last four and a signed consent, then completes', async () => {
      const booking = await book('path');
      await confirm(booking.id);
      const checkIn = { licenceLastFour: '002X', consentSigned: true };

      const early = await staffPost(staff.chen, booking.id, 'check-in', checkIn);
      expectProblem(early, 409, 'conflict');
      expect(early.body.detail).toContain('1小时');
      await moveBooking(t, booking.id, new Date(Date.now() + 90 * MINUTE));
      expectProblem(await staffPost(staff.chen, booking.id, 'check-in', checkIn), 409, 'conflict');

      await moveBooking(t, booking.id, new Date(Date.now() + 30 * MINUTE));
      expect((await staffView(booking.id)).allowedActions).toEqual([
        'propose',
        'check_in',
        'cancel_by_store',
      ]);
      expect((await customerView(booking.id, 'path')).allowedActions).toEqual([]);

      // A mismatch is the consultant's input to correct: 400 on the field (the lead moved it from 409).
      const wrong = await staffPost(staff.chen, booking.id, 'check-in', {
        ...checkIn,
        licenceLastFour: '1234',
      });
      expectProblem(wrong, 400, 'validation_failed');
      expect(wrong.body.detail).toContain('后四位');
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'licenceLastFour' })]);
      const unsigned = await staffPost(staff.chen, booking.id, 'check-in', {
        ...checkIn,
        consentSigned: false,
      });
      expectProblem(unsigned, 400, 'validation_failed');
      expect(unsigned.body.errors).toEqual([expect.objectContaining({ field: 'consentSigned' })]);
      expect((await staffView(booking.id)).status).toBe('confirmed');

      const ok = await staffPost(staff.chen, booking.id, 'check-in', { ...checkIn, licenceLastFour: '002x' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'checked_in', allowedActions: ['complete'] });
      expect((await customerView(booking.id, 'path')).allowedActions).toEqual([]);
      expect(await heldCar(booking.id)).not.toBeNull();

      const done = await staffPost(staff.chen, booking.id, 'complete');
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'completed', allowedActions: [] });
      expect(await heldCar(booking.id)).toBeNull();
      const timeline = (done.body as TestDriveBooking).timeline;
      expect(timeline.map((e) => [e.action, e.from, e.to])).toEqual([
        ['create', null, 'requested'],
        ['confirm', 'requested', 'confirmed'],
        ['check_in', 'confirmed', 'checked_in'],
        ['complete', 'checked_in', 'completed'],
      ]);
    });
  });

  describe('reject and proposals', () => {
    it('rejects only with a reason, and frees the car', async () => {
      const slot = pool.take();
      const booking = await book('reject', slot.startsAt);
      for (const body of [
        {},
        { reason: '' },
        { reason: '忙' },
        { reason: 'x'.repeat(201) },
        { reason: 42 },
      ]) {
        const res = await staffPost(staff.wang, booking.id, 'reject', body);
        expectProblem(res, 400, 'validation_failed');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      }
      const res = await staffPost(staff.wang, booking.id, 'reject', { reason: '该时段试驾车保养' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'rejected',
        closingReason: '该时段试驾车保养',
        allowedActions: [],
      });
      expect((await slotAt(api, demo.gz.id, s5(), slot.startsAt))?.held).toBe(0);
      const seen = await customerView(booking.id, 'reject');
      expect(seen).toMatchObject({
        status: 'rejected',
        closingReason: '该时段试驾车保养',
        allowedActions: [],
      });
      expect(seen.timeline.at(-1)).toMatchObject({
        action: 'reject',
        actorName: '王丽',
        reason: '该时段试驾车保养',
      });

      const confirmed = await book('reject');
      await confirm(confirmed.id);
      expectProblem(
        await staffPost(staff.wang, confirmed.id, 'reject', { reason: '不能再拒绝' }),
        409,
        'conflict',
      );
    });

    it('moves and confirms the booking when the customer accepts a proposal, the proposer becoming consultant', async () => {
      const [from, to] = [pool.take(), pool.take()];
      const booking = await book('accept', from.startsAt);
      const proposed = await staffPost(staff.wang, booking.id, 'propose', {
        startsAt: to.startsAt,
        note: '上午试驾车保养，建议改到这个时间',
      });
      expect(proposed.status).toBe(200);
      expect(proposed.body).toMatchObject({
        status: 'requested',
        startsAt: from.startsAt,
        proposal: { startsAt: to.startsAt, endsAt: to.endsAt, note: '上午试驾车保养，建议改到这个时间' },
        allowedActions: ['reject', 'propose', 'cancel_by_store'],
      });
      expect((await customerView(booking.id, 'accept')).allowedActions).toEqual([
        'cancel',
        'reschedule',
        'accept_proposal',
        'decline_proposal',
      ]);
      // While the customer has not answered, the store cannot confirm the old time.
      expectProblem(
        await staffPost(staff.chen, booking.id, 'confirm', { carId: await heldCar(booking.id) }),
        409,
        'conflict',
      );

      const accepted = await customerPost(await customer('accept'), booking.id, 'accept-proposal');
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'confirmed',
        startsAt: to.startsAt,
        endsAt: to.endsAt,
        proposal: null,
        rescheduleCount: 1,
        car: { id: expect.any(Number) },
      });
      expect((await slotAt(api, demo.gz.id, s5(), from.startsAt))?.held).toBe(0);
      expect((await slotAt(api, demo.gz.id, s5(), to.startsAt))?.held).toBe(1);
      const timeline = (accepted.body as TestDriveBooking).timeline;
      expect(timeline.map((e) => [e.action, e.to, e.startsAt])).toEqual([
        ['create', 'requested', from.startsAt],
        ['propose', 'requested', to.startsAt],
        ['accept_proposal', 'confirmed', to.startsAt],
      ]);
      // The consultant who proposed the time now owns the booking.
      expect((accepted.body as TestDriveBooking).consultant).toMatchObject({ displayName: '王丽' });
    });

    it('keeps the slot when the customer declines a proposal', async () => {
      const [from, to] = [pool.take(), pool.take()];
      const booking = await book('decline', from.startsAt);
      expect((await staffPost(staff.chen, booking.id, 'propose', { startsAt: to.startsAt })).status).toBe(
        200,
      );
      const declined = await customerPost(await customer('decline'), booking.id, 'decline-proposal', {
        reason: '那天没空',
      });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({
        status: 'requested',
        startsAt: from.startsAt,
        proposal: null,
        rescheduleCount: 0,
        allowedActions: ['cancel', 'reschedule'],
      });
      expect((declined.body as TestDriveBooking).timeline.at(-1)).toMatchObject({
        action: 'decline_proposal',
        actor: 'customer',
        reason: '那天没空',
      });
      expect((await slotAt(api, demo.gz.id, s5(), from.startsAt))?.held).toBe(1);
      expect((await slotAt(api, demo.gz.id, s5(), to.startsAt))?.held).toBe(0);
      expectProblem(
        await customerPost(await customer('decline'), booking.id, 'accept-proposal'),
        409,
        'conflict',
      );
      // With the proposal gone the store can confirm the original time.
      expect((await confirm(booking.id)).startsAt).toBe(from.startsAt);
    });
  });

  describe('customer changes', () => {
    it('reschedules back to awaiting confirmation, at most twice', async () => {
      const [s1, s2, s3, s4] = [pool.take(), pool.take(), pool.take(), pool.take()];
      const token = await customer('move');
      const booking = await book('move', s1.startsAt);

      const first = await customerPost(token, booking.id, 'reschedule', { startsAt: s2.startsAt });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        status: 'requested',
        startsAt: s2.startsAt,
        endsAt: s2.endsAt,
        rescheduleCount: 1,
      });
      expect((await slotAt(api, demo.gz.id, s5(), s1.startsAt))?.held).toBe(0);
      expect((await slotAt(api, demo.gz.id, s5(), s2.startsAt))?.held).toBe(1);
      expectProblem(
        await customerPost(token, booking.id, 'reschedule', { startsAt: s2.startsAt }),
        409,
        'conflict',
      );

      await confirm(booking.id);
      const second = await customerPost(token, booking.id, 'reschedule', { startsAt: s3.startsAt });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({
        status: 'requested',
        startsAt: s3.startsAt,
        rescheduleCount: 2,
        car: null,
        consultant: null,
        allowedActions: ['cancel'],
      });
      const timeline = (second.body as TestDriveBooking).timeline;
      expect(timeline.map((e) => [e.action, e.startsAt])).toEqual([
        ['create', s1.startsAt],
        ['reschedule', s2.startsAt],
        ['confirm', null],
        ['reschedule', s3.startsAt],
      ]);

      const third = await customerPost(token, booking.id, 'reschedule', { startsAt: s4.startsAt });
      expectProblem(third, 409, 'conflict');
      expect(third.body.detail).toContain('2次');
      // Accepting a store proposal would be a third move as well.
      expect((await staffPost(staff.chen, booking.id, 'propose', { startsAt: s4.startsAt })).status).toBe(
        200,
      );
      expect((await customerView(booking.id, 'move')).allowedActions).toEqual(['cancel', 'decline_proposal']);
      expectProblem(await customerPost(token, booking.id, 'accept-proposal'), 409, 'conflict');
      expect((await customerPost(token, booking.id, 'decline-proposal')).status).toBe(200);
      expect((await customerView(booking.id, 'move')).startsAt).toBe(s3.startsAt);
    });

    it('leaves the booking where it was when the new slot is full, suggesting free ones', async () => {
      const [from, full] = [pool.take(), pool.take()];
      const token = await customer('full-move');
      const booking = await book('full-move', from.startsAt);
      await book('full-1', full.startsAt);
      await book('full-2', full.startsAt);
      const res = await customerPost(token, booking.id, 'reschedule', { startsAt: full.startsAt });
      expectProblem(res, 409, 'conflict');
      const suggested = res.body.suggestedSlots as TimeSlot[];
      expect(suggested.length).toBeGreaterThan(0);
      expect(suggested.every((slot) => slot.remaining > 0 && slot.startsAt !== full.startsAt)).toBe(true);
      expect(await customerView(booking.id, 'full-move')).toMatchObject({
        status: 'requested',
        startsAt: from.startsAt,
        rescheduleCount: 0,
      });
      expect((await slotAt(api, demo.gz.id, s5(), from.startsAt))?.held).toBe(1);
      expect((await slotAt(api, demo.gz.id, s5(), full.startsAt))?.held).toBe(2);
    });

    it('keeps the booking and the proposal when the proposed slot filled up before the answer', async () => {
      const [from, proposed] = [pool.take(), pool.take()];
      const token = await customer('full-accept');
      const booking = await book('full-accept', from.startsAt);
      expect(
        (await staffPost(staff.chen, booking.id, 'propose', { startsAt: proposed.startsAt })).status,
      ).toBe(200);
      await book('full-3', proposed.startsAt);
      await book('full-4', proposed.startsAt);
      const res = await customerPost(token, booking.id, 'accept-proposal');
      expectProblem(res, 409, 'conflict');
      expect((res.body.suggestedSlots as TimeSlot[]).length).toBeGreaterThan(0);
      expect(await customerView(booking.id, 'full-accept')).toMatchObject({
        status: 'requested',
        startsAt: from.startsAt,
        proposal: { startsAt: proposed.startsAt },
        rescheduleCount: 0,
      });
      expect((await slotAt(api, demo.gz.id, s5(), from.startsAt))?.held).toBe(1);
    });

    it('cancels before the cut-off and frees the car', async () => {
      const slot = pool.take();
      const token = await customer('cancel');
      const booking = await book('cancel', slot.startsAt);
      await confirm(booking.id);
      const res = await customerPost(token, booking.id, 'cancel', { reason: '行程有变' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', closingReason: '行程有变', allowedActions: [] });
      expect((await slotAt(api, demo.gz.id, s5(), slot.startsAt))?.held).toBe(0);
      expect(await heldCar(booking.id)).toBeNull();
      expectProblem(await customerPost(token, booking.id, 'cancel'), 409, 'conflict');
    });

    it('sends the customer to the store once the cut-off has passed', async () => {
      const token = await customer('cutoff');
      const booking = await book('cutoff');
      await confirm(booking.id);
      await moveBooking(t, booking.id, new Date(Date.now() + 90 * MINUTE));

      const cancel = await customerPost(token, booking.id, 'cancel');
      expectProblem(cancel, 409, 'conflict');
      expect(cancel.body.detail).toContain('门店');
      const move = await customerPost(token, booking.id, 'reschedule', { startsAt: pool.take().startsAt });
      expectProblem(move, 409, 'conflict');
      expect(move.body.detail).toContain('门店');
      const seen = await customerView(booking.id, 'cutoff');
      expect(seen).toMatchObject({ status: 'confirmed', allowedActions: [], storePhone: '020-38881234' });

      // The store still can, with a reason the customer sees.
      expectProblem(await staffPost(staff.chen, booking.id, 'cancel', {}), 400, 'validation_failed');
      const byStore = await staffPost(staff.chen, booking.id, 'cancel', { reason: '客户来电取消' });
      expect(byStore.status).toBe(200);
      expect(byStore.body).toMatchObject({ status: 'cancelled', closingReason: '客户来电取消' });
      expect((await customerView(booking.id, 'cutoff')).timeline.at(-1)).toMatchObject({
        action: 'cancel_by_store',
        actor: 'staff',
        actorName: '陈晓明',
      });
    });
  });

  describe('telling the customer', () => {
    async function outbox(id: number) {
      const rows = (await t.dataSource.query(
        "SELECT customer_id, kind, page, data, status, attempts FROM notification_outbox WHERE subject_type = 'test_drive_booking' AND subject_id = ? ORDER BY id",
        [id],
      )) as Array<{
        customer_id: number;
        kind: string;
        page: string;
        data: string;
        status: string;
        attempts: number;
      }>;
      return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, string> }));
    }

    it('owes the customer a message for every change the store makes, none for their own', async () => {
      const [first, second] = [pool.take(), pool.take()];
      const booking = await book('told', first.startsAt);
      expect(await outbox(booking.id)).toEqual([]);

      await staffPost(staff.wang, booking.id, 'propose', { startsAt: second.startsAt, note: '上午车辆保养' });
      const declined = await customerPost(await customer('told'), booking.id, 'decline-proposal');
      expect(declined.status).toBe(200);
      await confirm(booking.id);
      expect((await staffPost(staff.wang, booking.id, 'cancel', { reason: '试驾车临时送修' })).status).toBe(
        200,
      );

      const rows = await outbox(booking.id);
      expect(rows.map((row) => row.kind)).toEqual([
        'test_drive_time_proposed',
        'test_drive_confirmed',
        'test_drive_cancelled_by_store',
      ]);
      const customerId = rows[0]!.customer_id;
      for (const row of rows) {
        expect(row).toMatchObject({
          customer_id: customerId,
          status: 'queued',
          attempts: 0,
          page: `subpackages/booking/pages/detail/index?id=${booking.id}`,
        });
        expect(row.data).toMatchObject({ subject: expect.stringContaining('试驾'), storeName: demo.gz.name });
      }
      const local = (iso: string) => {
        const { date, time } = utcToZoned(new Date(iso), 'Asia/Shanghai');
        return `${date} ${time}`;
      };
      expect(rows[0]!.data).toMatchObject({ time: local(second.startsAt), remark: '上午车辆保养' });
      expect(rows[1]!.data).toMatchObject({ time: local(first.startsAt), remark: '' });
      expect(rows[2]!.data).toMatchObject({ remark: '试驾车临时送修' });

      const rejected = await book('told');
      await staffPost(staff.wang, rejected.id, 'reject', { reason: '该车型暂停试驾' });
      expect((await outbox(rejected.id)).map((row) => [row.kind, row.data.remark])).toEqual([
        ['test_drive_rejected', '该车型暂停试驾'],
      ]);
    });

    it('writes no message when the change itself fails', async () => {
      const booking = await book('told-fail');
      await customerPost(await customer('told-fail'), booking.id, 'cancel');
      expectProblem(
        await staffPost(staff.wang, booking.id, 'reject', { reason: '已经取消的预约' }),
        409,
        'conflict',
      );
      expect(await outbox(booking.id)).toEqual([]);
    });
  });

  describe('no-show and finished bookings', () => {
    it('marks a no-show only after the slot has ended', async () => {
      const booking = await book('noshow');
      await confirm(booking.id);
      const early = await staffPost(staff.chen, booking.id, 'no-show');
      expectProblem(early, 409, 'conflict');
      expect(early.body.detail).toContain('结束后');
      await moveBooking(t, booking.id, new Date(Date.now() - 30 * MINUTE));
      expectProblem(await staffPost(staff.chen, booking.id, 'no-show'), 409, 'conflict');

      await moveBooking(t, booking.id, new Date(Date.now() - 2 * 60 * MINUTE));
      expect((await staffView(booking.id)).allowedActions).toEqual(['mark_no_show']);
      const res = await staffPost(staff.chen, booking.id, 'no-show');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'no_show', allowedActions: [] });
      expect(await heldCar(booking.id)).toBeNull();
    });

    it('allows no action at all on a completed, no-show, cancelled or rejected booking', async () => {
      const who = 'finished';
      const token = await customer(who);
      const finished: TestDriveBooking[] = [];

      const completed = await book(who);
      await confirm(completed.id);
      await moveBooking(t, completed.id, new Date(Date.now() + 20 * MINUTE + 7_000));
      expect(
        (
          await staffPost(staff.chen, completed.id, 'check-in', {
            licenceLastFour: '002X',
            consentSigned: true,
          })
        ).status,
      ).toBe(200);
      expect((await staffPost(staff.chen, completed.id, 'complete')).status).toBe(200);
      finished.push(completed);

      const noShow = await book(who);
      await moveBooking(t, noShow.id, new Date(Date.now() - 3 * 60 * MINUTE + 11_000));
      expect((await staffPost(staff.chen, noShow.id, 'no-show')).status).toBe(200);
      finished.push(noShow);

      const cancelled = await book(who);
      expect((await customerPost(token, cancelled.id, 'cancel')).status).toBe(200);
      finished.push(cancelled);

      const rejected = await book(who);
      expect((await staffPost(staff.chen, rejected.id, 'reject', { reason: '车辆维修' })).status).toBe(200);
      finished.push(rejected);

      // The customer's list holds all of them, latest slot first.
      const mine = (await api.get('/api/test-drive/bookings', token)).body as TestDriveBooking[];
      const current = await Promise.all(finished.map((b) => staffView(b.id)));
      expect(mine.map((b) => b.id)).toEqual(
        current
          .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt) || b.id - a.id)
          .map((b) => b.id),
      );
      expect(mine.map((b) => b.status).sort()).toEqual(['cancelled', 'completed', 'no_show', 'rejected']);

      const free = pool.take().startsAt;
      const car = carsOf(demo, demo.gz, 'YL-S5')[0]!.id;
      const customerActions: Array<[string, unknown]> = [
        ['cancel', {}],
        ['reschedule', { startsAt: free }],
        ['accept-proposal', {}],
        ['decline-proposal', {}],
      ];
      const staffActions: Array<[string, unknown]> = [
        ['confirm', { carId: car }],
        ['reject', { reason: '不能再拒绝' }],
        ['propose', { startsAt: free }],
        ['check-in', { licenceLastFour: '002X', consentSigned: true }],
        ['complete', {}],
        ['no-show', {}],
        ['cancel', { reason: '不能再取消' }],
      ];
      for (const booking of finished) {
        const before = await staffView(booking.id);
        expect(before.allowedActions).toEqual([]);
        expect((await customerView(booking.id, who)).allowedActions).toEqual([]);
        for (const [action, body] of customerActions) {
          const res = await customerPost(token, booking.id, action, body);
          expect([res.status, action, before.status]).toEqual([409, action, before.status]);
          expectProblem(res, 409, 'conflict');
        }
        for (const [action, body] of staffActions) {
          const res = await staffPost(staff.manager, booking.id, action, body);
          expect([res.status, action, before.status]).toEqual([409, action, before.status]);
          expectProblem(res, 409, 'conflict');
        }
        // The other side's routes are closed to each of them.
        expectProblem(await staffPost(token, booking.id, 'complete'), 403, 'forbidden');
        expectProblem(await customerPost(staff.chen, booking.id, 'cancel'), 403, 'forbidden');
        expect(await staffView(booking.id)).toEqual(before);
      }
    });
  });

  describe('staff views', () => {
    it("lists a store's day, optionally of one status", async () => {
      const day = pool.takeDay();
      const early = await book('day-1', day.slots[0]!.startsAt);
      const late = await book('day-2', day.slots.at(-1)!.startsAt);
      const middle = await book('day-1', day.slots[3]!.startsAt);
      await confirm(middle.id);
      const rejected = await book('day-3', day.slots[4]!.startsAt);
      expect(
        (await staffPost(staff.chen, rejected.id, 'reject', { reason: '该时段试驾车保养' })).status,
      ).toBe(200);
      const url = `/api/staff/stores/${demo.gz.id}/test-drives`;

      const all = await api.get(url, staff.wang, { date: day.date });
      expect(all.status).toBe(200);
      const list = all.body as TestDriveBooking[];
      expect(list.map((b) => b.id)).toEqual([early.id, middle.id, rejected.id, late.id]);
      // The list is read raw, the single booking through its entity: the same booking either way.
      for (const listed of list)
        expect((await api.get(`/api/staff/test-drives/${listed.id}`, staff.wang)).body).toEqual(listed);
      expect(list[0]).toMatchObject({
        status: 'requested',
        allowedActions: ['confirm', 'reject', 'propose', 'cancel_by_store'],
      });
      expect(list[1]).toMatchObject({ status: 'confirmed', consultant: { displayName: '陈晓明' } });

      const confirmed = (await api.get(url, staff.manager, { date: day.date, status: 'confirmed' }))
        .body as TestDriveBooking[];
      expect(confirmed.map((b) => b.id)).toEqual([middle.id]);
      const requested = (await api.get(url, staff.chen, { date: day.date, status: 'requested' }))
        .body as TestDriveBooking[];
      expect(requested.map((b) => b.id)).toEqual([early.id, late.id]);
      expect((await api.get(url, staff.chen, { date: day.date, status: 'completed' })).body).toEqual([]);
      expect((await api.get(url, staff.chen, { date: addDays(day.date, 400) })).body).toEqual([]);

      expectProblem(await api.get(url, staff.chen, { date: '2026-02-30' }), 400, 'validation_failed');
      expectProblem(await api.get(url, staff.chen, { date: 'today' }), 400, 'validation_failed');
      expectProblem(await api.get(url, staff.chen), 400, 'validation_failed');
      expectProblem(
        await api.get(url, staff.chen, { date: day.date, status: 'bogus' }),
        400,
        'validation_failed',
      );
      expectProblem(
        await api.get('/api/staff/stores/999999/test-drives', staff.admin, { date: day.date }),
        404,
        'not_found',
      );
    });

    it('shows free and held capacity per model and day', async () => {
      const day = pool.takeDay();
      await book('cap-1', day.slots[2]!.startsAt);
      await book('cap-2', day.slots[2]!.startsAt);
      await book('cap-3', day.slots[4]!.startsAt);
      const url = `/api/staff/stores/${demo.gz.id}/test-drive-capacity`;
      const res = await api.get(url, staff.chen, { from: day.date, days: 2 });
      expect(res.status).toBe(200);
      const days = res.body as StoreCapacityDay[];
      expect(days.map((d) => d.date)).toEqual([day.date, addDays(day.date, 1)]);
      const inService = ['YL-S5', 'YL-S7', 'YL-X3', 'YL-X5', 'YL-E6'].map((code) => demo.models[code]!.id);
      expect(days[0]!.models.map((m) => m.modelId).sort((a, b) => a - b)).toEqual(
        inService.sort((a, b) => a - b),
      );
      expect(days[0]!.open).toBe(true);
      expect(days[0]!.models.find((m) => m.modelId === s5())).toEqual({
        modelId: s5(),
        modelName: '云岚 S5',
        capacity: 14,
        held: 3,
        remaining: 11,
      });
      expect(days[0]!.models.find((m) => m.modelId === demo.models['YL-S7']!.id)).toMatchObject({
        capacity: 7,
        held: 0,
        remaining: 7,
      });
      // The second day agrees with the public availability of the same day.
      const next = (
        await api.get(`/api/stores/${demo.gz.id}/models/${s5()}/availability`, undefined, {
          from: days[1]!.date,
          days: 1,
        })
      ).body as DayAvailability[];
      const slots: TimeSlot[] = next[0]!.slots;
      expect(days[1]!.models.find((m) => m.modelId === s5())).toMatchObject({
        capacity: slots.reduce((sum, s) => sum + s.capacity, 0),
        held: slots.reduce((sum, s) => sum + s.held, 0),
        remaining: next[0]!.remaining,
      });

      expectProblem(await api.get(url, staff.chen, { days: 0 }), 400, 'validation_failed');
      expectProblem(await api.get(url, staff.chen, { from: 'soon' }), 400, 'validation_failed');
      expectProblem(
        await api.get(`/api/staff/stores/${demo.sz.id}/test-drive-capacity`, staff.chen),
        403,
        'out_of_store_scope',
      );
    });

    it('refuses an impossible calendar date for capacity with 400, as availability does', async () => {
      const res = await api.get(`/api/staff/stores/${demo.gz.id}/test-drive-capacity`, staff.chen, {
        from: '2026-02-30',
      });
      expectProblem(res, 400, 'validation_failed');
    });

    it("feeds customers' changes since an instant, for the portal's refresh", async () => {
      const token = await customer('changes');
      const cancelled = await book('changes');
      const staffChanged = await book('changes');
      const url = `/api/staff/stores/${demo.gz.id}/test-drive-changes`;

      const earlier = await api.get(url, staff.chen, { since: new Date(Date.now() - 60_000).toISOString() });
      expect(earlier.status).toBe(200);
      expect((earlier.body as TestDriveChanges).changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ bookingId: cancelled.id, action: 'create', customerName: '张伟' }),
        ]),
      );

      // A poll, then changes within the same second as its serverTime: they must show up in the next poll.
      while (Date.now() % 1000 > 600) await new Promise((resolve) => setTimeout(resolve, 20));
      const poll = (await api.get(url, staff.chen, { since: new Date().toISOString() }))
        .body as TestDriveChanges;
      expect((await customerPost(token, cancelled.id, 'cancel')).status).toBe(200);
      await confirm(staffChanged.id);

      const next = await api.get(url, staff.chen, { since: poll.serverTime });
      expect(next.status).toBe(200);
      const changes = (next.body as TestDriveChanges).changes;
      expect(changes).toEqual([
        {
          bookingId: cancelled.id,
          action: 'cancel',
          at: expect.any(String),
          customerName: '张伟',
          startsAt: cancelled.startsAt,
        },
      ]);
      const after = (await api.get(url, staff.chen, { since: (next.body as TestDriveChanges).serverTime }))
        .body as TestDriveChanges;
      expect(after.changes.filter((c) => c.bookingId === cancelled.id)).toEqual([]);

      expectProblem(await api.get(url, staff.chen), 400, 'validation_failed');
      expectProblem(await api.get(url, staff.chen, { since: 'yesterday' }), 400, 'validation_failed');
    });

    it('hands out every change when more than a page of them piled up since the last poll', async () => {
      const booking = await book('changes-many');
      const url = `/api/staff/stores/${demo.gz.id}/test-drive-changes`;
      const since = new Date(Date.now() - 60 * 60_000);
      // 250 customer answers in the last hour, as a portal that was offline for a while would find them.
      const base = since.getTime() + 60_000;
      for (let i = 0; i < 250; i += 50) {
        const rows = [...Array(50).keys()].map((j) => i + j);
        await t.dataSource.query(
          `INSERT INTO test_drive_booking_events (booking_id, store_id, at, actor_kind, actor_id, action, from_status, to_status)
           VALUES ${rows.map(() => "(?, ?, ?, 'customer', NULL, 'decline_proposal', 'requested', 'requested')").join(', ')}`,
          rows.flatMap((n) => [booking.id, demo.gz.id, dbTime(new Date(base + n * 2000))]),
        );
      }
      const seen = new Set<string>();
      let cursor = since.toISOString();
      for (let poll = 0; poll < 5; poll++) {
        const page = (await api.get(url, staff.chen, { since: cursor })).body as TestDriveChanges;
        for (const change of page.changes)
          // Only this booking's: other tests of this file answered proposals too.
          if (change.action === 'decline_proposal' && change.bookingId === booking.id) {
            seen.add(`${change.bookingId}@${change.at}`);
          }
        cursor = page.serverTime;
      }
      expect(seen.size).toBe(250);
    });

    it('sees the changes feed at second precision even across a slow poll', async () => {
      // Without the same-second race: a change a full second after the poll is always reported.
      const token = await customer('changes-2');
      const booking = await book('changes-2');
      const url = `/api/staff/stores/${demo.gz.id}/test-drive-changes`;
      const poll = (await api.get(url, staff.chen, { since: new Date().toISOString() }))
        .body as TestDriveChanges;
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await customerPost(token, booking.id, 'cancel')).status).toBe(200);
      const next = (await api.get(url, staff.chen, { since: poll.serverTime })).body as TestDriveChanges;
      expect(next.changes.map((c) => [c.bookingId, c.action])).toEqual([[booking.id, 'cancel']]);
    });
  });

  describe('what each viewer is offered', () => {
    it('computes allowedActions per viewer from the lifecycle', async () => {
      const who = 'offered';
      const booking = await book(who);
      const expectOffers = async (customerSees: BookingAction[], staffSees: BookingAction[]) => {
        expect((await customerView(booking.id, who)).allowedActions).toEqual(customerSees);
        expect((await staffView(booking.id, staff.wang)).allowedActions).toEqual(staffSees);
        expect((await staffView(booking.id, staff.admin)).allowedActions).toEqual(staffSees);
      };
      await expectOffers(['cancel', 'reschedule'], ['confirm', 'reject', 'propose', 'cancel_by_store']);
      await staffPost(staff.chen, booking.id, 'propose', { startsAt: pool.take().startsAt });
      await expectOffers(
        ['cancel', 'reschedule', 'accept_proposal', 'decline_proposal'],
        ['reject', 'propose', 'cancel_by_store'],
      );
      await customerPost(await customer(who), booking.id, 'decline-proposal');
      await confirm(booking.id);
      await expectOffers(['cancel', 'reschedule'], ['propose', 'cancel_by_store']);
      await moveBooking(t, booking.id, new Date(Date.now() + 30 * MINUTE + 13_000));
      await expectOffers([], ['propose', 'check_in', 'cancel_by_store']);
      await moveBooking(t, booking.id, new Date(Date.now() - DAY + 13_000));
      await expectOffers([], ['mark_no_show']);
    });
  });

  it('never returns the licence number, and keeps it nowhere in plain text', async () => {
    expect(api.bodies.length).toBeGreaterThan(50);
    const leaked = api.bodies.filter((body) => body.includes(LICENCE) || body.includes('19491231'));
    expect(leaked).toEqual([]);
    for (const table of ['test_drive_bookings', 'test_drive_booking_events', 'idempotency_keys']) {
      const rows = JSON.stringify(await t.dataSource.query(`SELECT * FROM ${table}`));
      expect(rows).not.toContain(LICENCE);
      expect(rows).not.toContain('19491231');
    }
  });
});
