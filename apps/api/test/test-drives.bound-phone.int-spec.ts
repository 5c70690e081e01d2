import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CustomerSession,
  DayAvailability,
  TestDriveBooking,
  TestDriveConsent,
} from '@dealer-care/domain';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

describe(`booking with the phone bound through WeChat (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let consent: TestDriveConsent;
  let slots: string[];

  beforeAll(async () => {
    t = await startTestApp();
    consent = (await t.http.get('/api/test-drive/consent').expect(200)).body as TestDriveConsent;
    const days = (await t.http.get('/api/stores/1/models/1/availability').expect(200))
      .body as DayAvailability[];
    slots = days.flatMap((day) =>
      day.slots.filter((slot) => slot.remaining > 0).map((slot) => slot.startsAt),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const booking = (startsAt: string) => ({
    storeId: 1,
    modelId: 1,
    startsAt,
    customerName: '王芳',
    licenceNumber: '11010519491231002X',
    consentVersion: consent.version,
    licenceConsent: true,
  });

  it('uses the bound phone when the request has no mobile', async () => {
    const login = (await t.http.post('/api/auth/dev/login').send({ devUser: 'dev-bound-phone' }).expect(200))
      .body as CustomerSession;
    await t.dataSource.query('UPDATE customers SET phone = ? WHERE id = ?', [
      '13912345678',
      login.customer.id,
    ]);
    const res = await t.http
      .post('/api/test-drive/bookings')
      .set('authorization', `Bearer ${login.accessToken}`)
      .send(booking(slots[0]!));
    expect(res.status).toBe(201);
    expect((res.body as TestDriveBooking).mobileMasked).toBe('139****5678');
  });

  it('asks for a mobile when none is given and none is bound', async () => {
    const token = await t.customerToken('dev-no-phone');
    const res = await t.http
      .post('/api/test-drive/bookings')
      .set('authorization', `Bearer ${token}`)
      .send(booking(slots[1]!));
    expectProblem(res, 400, 'validation_failed');
    expect((res.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain('mobile');
  });
});
