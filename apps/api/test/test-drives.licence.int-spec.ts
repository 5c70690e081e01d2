import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestDriveBooking } from '@dealer-care/domain';
import { JobRunner, recurringKey } from '../src/modules/jobs/job-runner.js';
import {
  LICENCE_PURGE_JOB,
  TestDriveBookingsService,
} from '../src/modules/test-drives/test-drive-bookings.service.js';
import {
  Api,
  bookingBody,
  bookOk,
  DAY,
  loadDemo,
  MINUTE,
  moveBooking,
  SlotPool,
  type Demo,
} from './support/test-drive-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

interface LicenceRow {
  licence_masked: string;
  licence_hash: string | null;
  licence_encrypted: string | null;
  licence_purged_at: Date | string | null;
}

/** A datetime column as both drivers return it: a Date (MariaDB) or a UTC string (SQLite). */
const instant = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}${/[zZ]$/.test(value) ? '' : 'Z'}`);

describe(`test-drive licence retention (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;
  let consultant: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    consultant = await t.staffToken('gz.chen');
    demo = await loadDemo(t, await t.staffToken('admin'));
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
  });
  afterAll(async () => {
    await t.close();
  });

  async function licenceRow(id: number): Promise<LicenceRow> {
    const [row] = (await t.dataSource.query(
      'SELECT licence_masked, licence_hash, licence_encrypted, licence_purged_at FROM test_drive_bookings WHERE id = ?',
      [id],
    )) as LicenceRow[];
    return row!;
  }

  it('forgets the number 30 days after the drive, keeps the masked value, and check-in then fails', async () => {
    expect(t.config.licence.retentionDays).toBe(30);
    const service = t.app.get(TestDriveBookingsService);

    const driven = await bookOk(
      api,
      await t.customerToken('dev-purge-a'),
      bookingBody(demo, pool.take().startsAt),
    );
    const later = await bookOk(
      api,
      await t.customerToken('dev-purge-b'),
      bookingBody(demo, pool.take().startsAt),
    );
    const [hold] = (await t.dataSource.query('SELECT car_id FROM test_drive_car_holds WHERE booking_id = ?', [
      driven.id,
    ])) as Array<{ car_id: number }>;
    const confirm = await api.post(`/api/staff/test-drives/${driven.id}/confirm`, consultant, {
      carId: Number(hold!.car_id),
    });
    expect(confirm.status).toBe(200);
    // The drive is about to start: check-in is open.
    await moveBooking(t, driven.id, new Date(Date.now() + 30 * MINUTE));
    const view = (await api.get(`/api/staff/test-drives/${driven.id}`, consultant)).body as TestDriveBooking;
    expect(view.allowedActions).toContain('check_in');
    const endsAt = Date.parse(view.endsAt);

    const before = await licenceRow(driven.id);
    expect(before.licence_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(before.licence_encrypted).toEqual(expect.any(String));
    expect(before.licence_purged_at).toBeNull();

    // 29 days after the end: kept.
    expect(await service.purgeExpiredLicences(new Date(endsAt + 29 * DAY))).toBe(0);
    expect(await licenceRow(driven.id)).toEqual(before);

    // Just past 30 days the hourly job (one row, whichever process claims it) forgets it: the masked
    // display value is kept; the later drive is untouched.
    const [job] = (await t.dataSource.query('SELECT interval_ms FROM jobs WHERE unique_key = ?', [
      recurringKey(LICENCE_PURGE_JOB),
    ])) as Array<{ interval_ms: number }>;
    expect(Number(job?.interval_ms)).toBe(60 * MINUTE);
    const now = new Date(endsAt + 30 * DAY + MINUTE);
    await t.app.get(JobRunner).runDue(now);
    const after = await licenceRow(driven.id);
    expect(after).toMatchObject({
      licence_masked: '110105************',
      licence_hash: null,
      licence_encrypted: null,
    });
    expect(after.licence_purged_at).not.toBeNull();
    expect(Math.abs(instant(after.licence_purged_at!).getTime() - now.getTime())).toBeLessThan(1000);
    const untouched = await licenceRow(later.id);
    expect(untouched.licence_encrypted).not.toBeNull();
    expect(untouched.licence_hash).not.toBeNull();

    // Idempotent: nothing left to purge.
    expect(await service.purgeExpiredLicences(now)).toBe(0);

    const purgedView = (await api.get(`/api/staff/test-drives/${driven.id}`, consultant))
      .body as TestDriveBooking;
    expect(purgedView).toMatchObject({ licenceMasked: '110105************', status: 'confirmed' });

    const checkIn = await api.post(`/api/staff/test-drives/${driven.id}/check-in`, consultant, {
      licenceLastFour: '002X',
      consentSigned: true,
    });
    expectProblem(checkIn, 409, 'conflict');
    expect(checkIn.body.detail).toContain('删除');
    expect((await api.get(`/api/staff/test-drives/${driven.id}`, consultant)).body).toMatchObject({
      status: 'confirmed',
    });
  });
});
