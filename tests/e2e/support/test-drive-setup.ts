import { expect, type APIRequestContext } from '@playwright/test';
import mysql from 'mysql2/promise';

/**
 * Brings a test drive to "checked in" through the real API, for journeys that start after the
 * drive. Check-in only opens shortly before the slot, and the store is closed at night when CI may
 * run, so the booking is made on the first free slot and then moved to half an hour from now in the
 * database, the way the API's integration tests move bookings. Needs E2E_DATABASE_URL (set by
 * `pnpm test`) pointing at the database the API under test uses.
 */
export const STORE = '云岚汽车广州天河4S店';
const LICENCE = '11010519491231002X';

export interface CheckedInDrive {
  bookingId: number;
  storeId: number;
  /** Store-local date of the moved slot, to open the portal's day list on. */
  localDate: string;
  customerToken: string;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function customerLoginToken(request: APIRequestContext, devUser: string): Promise<string> {
  const session = await json<{ accessToken: string }>(
    await request.post('/api/auth/dev/login', { data: { devUser } }),
  );
  return session.accessToken;
}

/** Staff logins are rate-limited per address, so each member of staff logs in once per test run. */
const staffTokens = new Map<string, Promise<string>>();

export function staffLoginToken(request: APIRequestContext, username: string): Promise<string> {
  let token = staffTokens.get(username);
  if (!token) {
    token = request
      .post('/api/auth/staff/login', { data: { username, password: 'Demo@2026' } })
      .then((response) => json<{ accessToken: string }>(response))
      .then((session) => session.accessToken);
    staffTokens.set(username, token);
    token.catch(() => staffTokens.delete(username));
  }
  return token;
}

function dbTime(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000).toISOString().slice(0, 23).replace('T', ' ');
}

function shanghaiDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant);
}

export async function checkedInTestDrive(
  request: APIRequestContext,
  devUser: string,
  customerName: string,
): Promise<CheckedInDrive> {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl)
    throw new Error('E2E_DATABASE_URL is needed to move the booking to now (see run-all.mjs)');

  const customerToken = await customerLoginToken(request, devUser);
  const stores = await json<Array<{ id: number; name: string }>>(await request.get('/api/stores'));
  const models = await json<Array<{ id: number; name: string }>>(await request.get('/api/vehicle-models'));
  const storeId = stores.find((s) => s.name === STORE)!.id;
  const modelId = models.find((m) => m.name === 'S5')!.id;
  const days = await json<Array<{ slots: Array<{ startsAt: string; remaining: number }> }>>(
    await request.get(`/api/stores/${storeId}/models/${modelId}/availability`),
  );
  const slot = days.flatMap((day) => day.slots).find((s) => s.remaining > 0)!;
  const consent = await json<{ version: string }>(await request.get('/api/test-drive/consent'));
  const booking = await json<{ id: number }>(
    await request.post('/api/test-drive/bookings', {
      headers: { ...bearer(customerToken), 'idempotency-key': `e2e-${devUser}` },
      data: {
        storeId,
        modelId,
        startsAt: slot.startsAt,
        customerName,
        mobile: '13800138000',
        licenceNumber: LICENCE,
        consentVersion: consent.version,
        licenceConsent: true,
      },
    }),
  );

  const staffToken = await staffLoginToken(request, 'gz.chen');
  const store = await json<{ cars: Array<{ id: number; modelId: number; inService: boolean }> }>(
    await request.get(`/api/staff/stores/${storeId}`, { headers: bearer(staffToken) }),
  );
  // Any car of the model that is free in that slot (another booking may already hold the first).
  const cars = store.cars.filter((c) => c.modelId === modelId && c.inService);
  let confirmed = false;
  for (const car of cars) {
    const res = await request.post(`/api/staff/test-drives/${booking.id}/confirm`, {
      headers: bearer(staffToken),
      data: { carId: car.id },
    });
    if (res.ok()) {
      confirmed = true;
      break;
    }
    expect(res.status(), await res.text()).toBe(409);
  }
  expect(confirmed, 'no free car to confirm the booking with').toBe(true);

  // Half an hour from now, a few seconds off the minute so it never meets another hold of the car.
  const startsAt = new Date(Date.now() + 30 * 60_000 + (booking.id % 50) * 1000);
  const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
  const db = await mysql.createConnection(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  try {
    await db.query('UPDATE test_drive_bookings SET starts_at = ?, ends_at = ? WHERE id = ?', [
      dbTime(startsAt),
      dbTime(endsAt),
      booking.id,
    ]);
    await db.query('UPDATE test_drive_car_holds SET slot_start = ? WHERE booking_id = ?', [
      dbTime(startsAt),
      booking.id,
    ]);
  } finally {
    await db.end();
  }

  await json(
    await request.post(`/api/staff/test-drives/${booking.id}/check-in`, {
      headers: bearer(staffToken),
      data: { licenceLastFour: LICENCE.slice(-4), consentSigned: true },
    }),
  );
  return { bookingId: booking.id, storeId, localDate: shanghaiDateOf(startsAt), customerToken };
}
