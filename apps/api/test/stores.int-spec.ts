import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StaffUser, StoreListItem, StoreOverview, VehicleModel } from '@dealer-care/domain';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

describe(`stores, models and store scope (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let gz: StoreListItem;
  let sz: StoreListItem;
  beforeAll(async () => {
    t = await startTestApp();
    const stores = (await t.http.get('/api/stores').expect(200)).body as StoreListItem[];
    gz = stores.find((s) => s.code === 'GZ-TH')!;
    sz = stores.find((s) => s.code === 'SZ-NS')!;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('public catalogue', () => {
    it('lists stores with hours, time zone and upcoming closed dates', () => {
      expect(gz).toMatchObject({ city: '广州', timeZone: 'Asia/Shanghai' });
      expect(sz.city).toBe('深圳');
      expect(gz.openingHours).toHaveLength(7);
      expect(sz.openingHours.map((p) => p.weekday)).toEqual([2, 3, 4, 5, 6, 7]);
      expect(gz.closedDates).toEqual(['2027-02-06', '2027-02-07']);
      expect(gz.distanceKm).toBeUndefined();
    });

    it('orders stores nearest first when a location is given', async () => {
      const nearShenzhen = (await t.http.get('/api/stores?latitude=22.53&longitude=113.95').expect(200))
        .body as StoreListItem[];
      expect(nearShenzhen.map((s) => s.code)).toEqual(['SZ-NS', 'GZ-TH']);
      expect(nearShenzhen[0]!.distanceKm).toBeLessThan(5);
      expect(nearShenzhen[1]!.distanceKm).toBeGreaterThan(90);
    });

    it('refuses half or impossible coordinates', async () => {
      expectProblem(await t.http.get('/api/stores?latitude=22.5'), 400, 'validation_failed');
      expectProblem(await t.http.get('/api/stores?latitude=95&longitude=113'), 400, 'validation_failed');
      expectProblem(await t.http.get('/api/stores?latitude=abc&longitude=113'), 400, 'validation_failed');
      expectProblem(await t.http.get('/api/stores?city=广州'), 400, 'validation_failed');
    });

    it('shows one store and 404s an unknown one', async () => {
      const res = await t.http.get(`/api/stores/${gz.id}`).expect(200);
      expect(res.body).toMatchObject({ code: 'GZ-TH', phone: '020-38881234' });
      expect(res.body).not.toHaveProperty('cars');
      expectProblem(await t.http.get('/api/stores/999999'), 404, 'not_found');
      expectProblem(await t.http.get('/api/stores/0'), 400, 'validation_failed');
      expectProblem(await t.http.get('/api/stores/1e3'), 400, 'validation_failed');
      expectProblem(await t.http.get('/api/stores/99999999999'), 400, 'validation_failed');
    });

    it('lists the active models in display order', async () => {
      await t.dataSource.query(`UPDATE vehicle_models SET active = 0 WHERE code = 'YL-M8'`);
      const models = (await t.http.get('/api/vehicle-models').expect(200)).body as VehicleModel[];
      expect(models.length).toBeGreaterThanOrEqual(6);
      expect(models.map((m) => m.code)).not.toContain('YL-M8');
      expect(models[0]).toMatchObject({
        code: 'YL-S5',
        brand: '云岚',
        priceFromFen: 12_980_000,
        active: true,
      });
    });
  });

  describe('staff store scope', () => {
    it('shows a consultant only their own store, with its cars', async () => {
      const token = await t.staffToken('gz.chen');
      const stores = (
        await t.http.get('/api/staff/stores').set('authorization', `Bearer ${token}`).expect(200)
      ).body as StoreOverview[];
      expect(stores.map((s) => s.code)).toEqual(['GZ-TH']);
      expect(stores[0]!.cars.length).toBe(7);
      expect(stores[0]!.carsInService).toBe(6);
      expect(stores[0]!.cars.every((car) => car.storeId === gz.id && car.plate.startsWith('粤A'))).toBe(true);
      expect(stores[0]!.cars[0]!.modelName).toMatch(/^云岚 /);
    });

    it("refuses another store's staff view to consultants and managers", async () => {
      for (const username of ['gz.chen', 'gz.manager']) {
        const token = await t.staffToken(username);
        expectProblem(
          await t.http.get(`/api/staff/stores/${sz.id}`).set('authorization', `Bearer ${token}`),
          403,
          'out_of_store_scope',
        );
        await t.http.get(`/api/staff/stores/${gz.id}`).set('authorization', `Bearer ${token}`).expect(200);
      }
    });

    it('lets an admin see every store', async () => {
      const token = await t.staffToken('admin');
      const stores = (
        await t.http.get('/api/staff/stores').set('authorization', `Bearer ${token}`).expect(200)
      ).body as StoreOverview[];
      expect(stores.map((s) => s.code).sort()).toEqual(['GZ-TH', 'SZ-NS']);
      await t.http.get(`/api/staff/stores/${sz.id}`).set('authorization', `Bearer ${token}`).expect(200);
      expectProblem(
        await t.http.get('/api/staff/stores/424242').set('authorization', `Bearer ${token}`),
        404,
        'not_found',
      );
    });

    it("lists staff of the manager's store only, and not to consultants", async () => {
      const manager = await t.staffToken('sz.manager');
      const staff = (
        await t.http.get('/api/staff/users').set('authorization', `Bearer ${manager}`).expect(200)
      ).body as StaffUser[];
      expect(staff.length).toBeGreaterThan(0);
      expect(staff.every((user) => user.storeId === sz.id)).toBe(true);
      expect(JSON.stringify(staff)).not.toMatch(/password/i);

      const consultant = await t.staffToken('sz.liu');
      expectProblem(
        await t.http.get('/api/staff/users').set('authorization', `Bearer ${consultant}`),
        403,
        'forbidden',
      );
      expectProblem(await t.http.get('/api/staff/users'), 401, 'unauthenticated');
    });
  });
});
