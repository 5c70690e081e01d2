import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, type TestDriveBooking } from '@dealer-care/domain';
import {
  Api,
  bookingBody,
  bookOk,
  carsOf,
  countRows,
  loadDemo,
  localInstant,
  SlotPool,
  todayInStore,
  type Demo,
} from './support/test-drive-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

/** Who may see and act on which booking: other customers, other stores' staff, the wrong kind of token, none. */
describe(`test-drive access (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let gzPool: SlotPool;
  let szPool: SlotPool;
  const token: Record<string, string> = {};
  let alice: TestDriveBooking;
  let szBooking: TestDriveBooking;

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    const usernames = ['gz.chen', 'gz.manager', 'sz.liu', 'sz.manager', 'admin'];
    const tokens = await Promise.all(usernames.map((u) => t.staffToken(u)));
    usernames.forEach((u, i) => (token[u] = tokens[i]!));
    for (const name of ['alice', 'bob', 'carol']) token[name] = await t.customerToken(`dev-access-${name}`);
    demo = await loadDemo(t, token.admin!);
    gzPool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
    szPool = await SlotPool.load(t, demo.sz.id, demo.models['YL-S5']!.id);
    alice = await bookOk(api, token.alice!, bookingBody(demo, gzPool.take().startsAt));
    szBooking = await bookOk(
      api,
      token.carol!,
      bookingBody(demo, szPool.take().startsAt, { storeId: demo.sz.id }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const customerPost = (who: string, id: number, action: string, body: unknown = {}) =>
    api.post(`/api/test-drive/bookings/${id}/${action}`, token[who], body);
  const staffPost = (who: string, id: number, action: string, body: unknown = {}) =>
    api.post(`/api/staff/test-drives/${id}/${action}`, token[who], body);

  async function snapshot(id: number) {
    const [row] = (await t.dataSource.query(
      'SELECT status, starts_at, car_id, consultant_id, reschedule_count, proposal_starts_at FROM test_drive_bookings WHERE id = ?',
      [id],
    )) as Array<Record<string, unknown>>;
    return JSON.stringify(row);
  }

  describe("another customer's booking", () => {
    it('is not found for reading, listing, cancelling, moving or answering a proposal', async () => {
      const before = await snapshot(alice.id);
      const missing = await api.get('/api/test-drive/bookings/999999', token.bob);
      expectProblem(missing, 404, 'not_found');

      const read = await api.get(`/api/test-drive/bookings/${alice.id}`, token.bob);
      expectProblem(read, 404, 'not_found');
      // Indistinguishable from a booking that does not exist.
      expect(read.body.detail).toBe(missing.body.detail);
      expect(JSON.stringify(read.body)).not.toContain(alice.reference);

      const mine = await api.get('/api/test-drive/bookings', token.bob);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual([]);

      const actions: Array<[string, unknown]> = [
        ['cancel', {}],
        ['cancel', { reason: '替她取消' }],
        ['reschedule', { startsAt: gzPool.take().startsAt }],
        ['decline-proposal', {}],
        ['accept-proposal', {}],
      ];
      const answers: Array<[string, number]> = [];
      for (const [action, body] of actions) {
        const res = await customerPost('bob', alice.id, action, body);
        answers.push([action, res.status]);
        if (res.status === 404)
          expect(res.body).toEqual({
            ...missing.body,
            instance: expect.any(String),
            requestId: expect.any(String),
          });
      }
      expect(await snapshot(alice.id)).toBe(before);
      expect(answers).toEqual(actions.map(([action]) => [action, 404]));
      expect((await api.get(`/api/test-drive/bookings/${alice.id}`, token.alice)).body).toMatchObject({
        status: 'requested',
        timeline: [expect.objectContaining({ action: 'create' })],
      });
    });

    it('answers 404, not 400, even when the move is to an impossible time (no existence oracle)', async () => {
      const offGrid = localInstant(addDays(todayInStore(), 3), '08:31');
      const none = await customerPost('bob', 999_999, 'reschedule', { startsAt: offGrid });
      const other = await customerPost('bob', alice.id, 'reschedule', { startsAt: offGrid });
      // The same for another store's staff proposing an impossible time.
      const otherStore = await staffPost('sz.liu', alice.id, 'propose', { startsAt: offGrid });
      expect([none.status, other.status, otherStore.status]).toEqual([404, 404, 404]);
      for (const res of [none, other, otherStore]) expectProblem(res, 404, 'not_found');
    });
  });

  describe("another store's staff", () => {
    it('cannot read or act on a Guangzhou booking: 404', async () => {
      const before = await snapshot(alice.id);
      const free = gzPool.take().startsAt;
      const gzCar = carsOf(demo, demo.gz, 'YL-S5')[0]!.id;
      const answers: Array<[string, number]> = [];
      for (const who of ['sz.liu', 'sz.manager']) {
        expectProblem(await api.get(`/api/staff/test-drives/${alice.id}`, token[who]), 404, 'not_found');
        const actions: Array<[string, unknown]> = [
          ['confirm', { carId: gzCar }],
          ['reject', { reason: '不是本店的预约' }],
          ['propose', { startsAt: free }],
          ['check-in', { licenceLastFour: '002X', consentSigned: true }],
          ['complete', {}],
          ['no-show', {}],
          ['cancel', { reason: '不是本店的预约' }],
        ];
        for (const [action, body] of actions)
          answers.push([`${who} ${action}`, (await staffPost(who, alice.id, action, body)).status]);
      }
      expect(await snapshot(alice.id)).toBe(before);
      expect(answers).toEqual(answers.map(([label]) => [label, 404]));
      // And the other way round.
      expectProblem(
        await api.get(`/api/staff/test-drives/${szBooking.id}`, token['gz.chen']),
        404,
        'not_found',
      );
      expectProblem(
        await staffPost('gz.manager', szBooking.id, 'reject', { reason: '不是本店的预约' }),
        404,
        'not_found',
      );
    });

    it("cannot list another store's day, capacity or changes: 403", async () => {
      const date = addDays(todayInStore(), 2);
      const since = new Date(Date.now() - 60_000).toISOString();
      for (const who of ['sz.liu', 'sz.manager']) {
        expectProblem(
          await api.get(`/api/staff/stores/${demo.gz.id}/test-drives`, token[who], { date }),
          403,
          'out_of_store_scope',
        );
        expectProblem(
          await api.get(`/api/staff/stores/${demo.gz.id}/test-drive-capacity`, token[who]),
          403,
          'out_of_store_scope',
        );
        expectProblem(
          await api.get(`/api/staff/stores/${demo.gz.id}/test-drive-changes`, token[who], { since }),
          403,
          'out_of_store_scope',
        );
        // Their own store is fine.
        const own = await api.get(`/api/staff/stores/${demo.sz.id}/test-drives`, token[who], { date });
        expect(own.status).toBe(200);
      }
    });

    it('staff of the store act on any booking of it, whoever confirmed it', async () => {
      const booking = await bookOk(api, token.bob!, bookingBody(demo, gzPool.take().startsAt));
      const [hold] = (await t.dataSource.query(
        'SELECT car_id FROM test_drive_car_holds WHERE booking_id = ?',
        [booking.id],
      )) as Array<{ car_id: number }>;
      const confirmed = await staffPost('gz.chen', booking.id, 'confirm', { carId: Number(hold!.car_id) });
      expect(confirmed.status).toBe(200);
      const cancelled = await staffPost('gz.manager', booking.id, 'cancel', { reason: '门店临时停业' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', closingReason: '门店临时停业' });
    });
  });

  describe('the wrong kind of token, or none', () => {
    it('keeps customers out of staff routes: 403', async () => {
      const date = addDays(todayInStore(), 2);
      const routes: Array<['get' | 'post', string, unknown?]> = [
        ['get', `/api/staff/stores/${demo.gz.id}/test-drives?date=${date}`],
        ['get', `/api/staff/stores/${demo.gz.id}/test-drive-capacity`],
        ['get', `/api/staff/stores/${demo.gz.id}/test-drive-changes?since=${new Date().toISOString()}`],
        ['get', `/api/staff/test-drives/${alice.id}`],
        [
          'post',
          `/api/staff/test-drives/${alice.id}/confirm`,
          { carId: carsOf(demo, demo.gz, 'YL-S5')[0]!.id },
        ],
        ['post', `/api/staff/test-drives/${alice.id}/reject`, { reason: '客户自己拒绝' }],
        ['post', `/api/staff/test-drives/${alice.id}/cancel`, { reason: '客户自己取消' }],
        ['post', `/api/staff/test-drives/${alice.id}/complete`, {}],
      ];
      for (const [method, path, body] of routes) {
        const res =
          method === 'get' ? await api.get(path, token.alice) : await api.post(path, token.alice, body);
        expect([path, res.status]).toEqual([path, 403]);
        expectProblem(res, 403, 'forbidden');
      }
    });

    it('keeps staff out of customer routes: 403', async () => {
      const body = bookingBody(demo, gzPool.take().startsAt);
      const routes: Array<['get' | 'post', string, unknown?]> = [
        ['get', '/api/test-drive/bookings'],
        ['get', `/api/test-drive/bookings/${alice.id}`],
        ['post', '/api/test-drive/bookings', body],
        ['post', `/api/test-drive/bookings/${alice.id}/cancel`, {}],
        ['post', `/api/test-drive/bookings/${alice.id}/reschedule`, { startsAt: gzPool.take().startsAt }],
        ['post', `/api/test-drive/bookings/${alice.id}/accept-proposal`, {}],
        ['post', `/api/test-drive/bookings/${alice.id}/decline-proposal`, {}],
      ];
      const bookings = await countRows(t, 'SELECT COUNT(*) AS n FROM test_drive_bookings');
      for (const who of ['gz.chen', 'admin']) {
        for (const [method, path, payload] of routes) {
          const res =
            method === 'get' ? await api.get(path, token[who]) : await api.post(path, token[who], payload);
          expect([who, path, res.status]).toEqual([who, path, 403]);
          expectProblem(res, 403, 'forbidden');
        }
      }
      expect(await countRows(t, 'SELECT COUNT(*) AS n FROM test_drive_bookings')).toBe(bookings);
    });

    it('asks for a login without a token: 401; the consent and availability are public', async () => {
      const date = addDays(todayInStore(), 2);
      const routes: Array<['get' | 'post', string]> = [
        ['get', '/api/test-drive/bookings'],
        ['get', `/api/test-drive/bookings/${alice.id}`],
        ['post', '/api/test-drive/bookings'],
        ['post', `/api/test-drive/bookings/${alice.id}/cancel`],
        ['post', `/api/test-drive/bookings/${alice.id}/reschedule`],
        ['post', `/api/test-drive/bookings/${alice.id}/accept-proposal`],
        ['post', `/api/test-drive/bookings/${alice.id}/decline-proposal`],
        ['get', `/api/staff/stores/${demo.gz.id}/test-drives?date=${date}`],
        ['get', `/api/staff/stores/${demo.gz.id}/test-drive-capacity`],
        ['get', `/api/staff/stores/${demo.gz.id}/test-drive-changes?since=${new Date().toISOString()}`],
        ['get', `/api/staff/test-drives/${alice.id}`],
        ...['confirm', 'reject', 'propose', 'check-in', 'complete', 'no-show', 'cancel'].map(
          (action) => ['post', `/api/staff/test-drives/${alice.id}/${action}`] as ['post', string],
        ),
      ];
      for (const [method, path] of routes) {
        const res = method === 'get' ? await api.get(path) : await api.post(path, undefined, {});
        expect([path, res.status]).toEqual([path, 401]);
        expectProblem(res, 401, 'unauthenticated');
      }
      expect((await api.get('/api/test-drive/consent')).status).toBe(200);
      expect(
        (await api.get(`/api/stores/${demo.gz.id}/models/${demo.models['YL-S5']!.id}/availability`)).status,
      ).toBe(200);
    });
  });

  describe('admin', () => {
    it('sees and acts on every store', async () => {
      const date = addDays(todayInStore(), 2);
      for (const store of [demo.gz, demo.sz]) {
        expect(
          (await api.get(`/api/staff/stores/${store.id}/test-drives`, token.admin, { date })).status,
        ).toBe(200);
        expect((await api.get(`/api/staff/stores/${store.id}/test-drive-capacity`, token.admin)).status).toBe(
          200,
        );
        expect(
          (
            await api.get(`/api/staff/stores/${store.id}/test-drive-changes`, token.admin, {
              since: new Date(Date.now() - 60_000).toISOString(),
            })
          ).status,
        ).toBe(200);
      }
      const gzView = await api.get(`/api/staff/test-drives/${alice.id}`, token.admin);
      expect(gzView.body).toMatchObject({
        id: alice.id,
        allowedActions: ['confirm', 'reject', 'propose', 'cancel_by_store'],
      });

      const szCar = carsOf(demo, demo.sz, 'YL-S5')[0]!;
      const confirmed = await staffPost('admin', szBooking.id, 'confirm', { carId: szCar.id });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({
        status: 'confirmed',
        car: { plate: szCar.plate },
        consultant: { displayName: '集团管理员' },
      });
      const rejected = await staffPost('admin', alice.id, 'reject', { reason: '集团统一调整' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected' });
      expect((await api.get(`/api/test-drive/bookings/${alice.id}`, token.alice)).body).toMatchObject({
        status: 'rejected',
        closingReason: '集团统一调整',
      });
    });
  });
});
