import { expect } from '@jest/globals';
import type { Response } from 'supertest';
import {
  addDays,
  localDateIn,
  residentIdCheckCharacter,
  weekdayOf,
  zonedToUtc,
  type CreateBookingRequest,
  type DayAvailability,
  type StoreListItem,
  type StoreOverview,
  type TestDriveBooking,
  type TestDriveCar,
  type TimeSlot,
  type VehicleModel,
} from '@dealer-care/domain';
import type { TestApp } from './test-app.js';

/** Shared helpers of the test-drive integration specs (test-drives*.int-spec.ts). */

/** A valid resident ID / licence number (born 1949-12-31); its last four are 002X. */
export const LICENCE = '11010519491231002X';
export const LICENCE_LAST_FOUR = '002X';
/** Both demo stores are in this zone. */
export const TZ = 'Asia/Shanghai';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** A valid licence number for someone born on `birthDate` (YYYY-MM-DD). */
export function licenceBornOn(birthDate: string, region = '440106', sequence = '123'): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${sequence}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

/** The same calendar day `years` years earlier (no 29 Feb handling needed for these tests). */
export function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

export const todayInStore = (): string => localDateIn(TZ);

/** The UTC instant (ISO) of a store-local wall time. */
export const localInstant = (date: string, time: string): string => zonedToUtc(date, time, TZ).toISOString();

/** A datetime literal both SQLite (as TypeORM writes it) and MariaDB accept for a UTC instant. */
export function dbTime(instant: Date | string): string {
  const ms = Math.floor(new Date(instant).getTime() / 1000) * 1000;
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}

/** The next date (from `from` on) with the given ISO weekday (1 = Monday). */
export function nextWeekday(from: string, weekday: number): string {
  let date = from;
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

export interface Demo {
  gz: StoreListItem;
  sz: StoreListItem;
  models: Record<string, VehicleModel>;
  cars: TestDriveCar[];
  consentVersion: string;
}

export async function loadDemo(t: TestApp, adminToken: string): Promise<Demo> {
  const stores = (await t.http.get('/api/stores').expect(200)).body as StoreListItem[];
  const models = (await t.http.get('/api/vehicle-models').expect(200)).body as VehicleModel[];
  const overviews = (
    await t.http.get('/api/staff/stores').set('authorization', `Bearer ${adminToken}`).expect(200)
  ).body as StoreOverview[];
  const consent = (await t.http.get('/api/test-drive/consent').expect(200)).body as { version: string };
  return {
    gz: stores.find((s) => s.code === 'GZ-TH')!,
    sz: stores.find((s) => s.code === 'SZ-NS')!,
    models: Object.fromEntries(models.map((m) => [m.code, m])),
    cars: overviews.flatMap((o) => o.cars),
    consentVersion: consent.version,
  };
}

/** The cars of a model at a store, in id order (the order the API tries them in). */
export function carsOf(demo: Demo, store: StoreListItem, modelCode: string): TestDriveCar[] {
  return demo.cars
    .filter((car) => car.storeId === store.id && car.modelId === demo.models[modelCode]!.id)
    .sort((a, b) => a.id - b.id);
}

/**
 * Hands out untouched slots of one store and model so that tests sharing an app never collide:
 * each slot (or each whole day) is given out once. Days 1–12 ahead only, clear of "today" and of
 * the horizon's last day, so the wall-clock time the suite runs at does not matter.
 */
export class SlotPool {
  private constructor(
    private readonly days: DayAvailability[],
    private readonly used = new Set<string>(),
  ) {}

  static async load(
    t: TestApp,
    storeId: number,
    modelId: number,
    options: { excludeDates?: string[] } = {},
  ): Promise<SlotPool> {
    const today = todayInStore();
    const res = await t.http
      .get(`/api/stores/${storeId}/models/${modelId}/availability`)
      .query({ from: addDays(today, 1), days: 12 });
    expect(res.status).toBe(200);
    const days = (res.body as DayAvailability[]).filter(
      (day) => day.open && day.slots.length > 0 && !(options.excludeDates ?? []).includes(day.date),
    );
    return new SlotPool(days);
  }

  /** The next untouched slot, days and slots in order; `middle` skips first and last slots of a day. */
  take(options: { weekend?: boolean } = {}): TimeSlot {
    for (const day of this.days) {
      if (options.weekend !== undefined && weekdayOf(day.date) >= 6 !== options.weekend) continue;
      for (const slot of day.slots) {
        if (this.used.has(day.date) || this.used.has(slot.startsAt)) continue;
        if (slot.held > 0) continue;
        this.used.add(slot.startsAt);
        return slot;
      }
    }
    throw new Error('SlotPool exhausted');
  }

  /** A whole day nobody else touched: its date and its slots. */
  takeDay(options: { weekend?: boolean } = {}): DayAvailability {
    for (const day of this.days) {
      if (options.weekend !== undefined && weekdayOf(day.date) >= 6 !== options.weekend) continue;
      if (this.used.has(day.date) || day.slots.some((s) => this.used.has(s.startsAt) || s.held > 0)) continue;
      this.used.add(day.date);
      return day;
    }
    throw new Error('SlotPool has no untouched day left');
  }
}

/** Calls the API and keeps every response body, so a spec can prove what never leaves the server. */
export class Api {
  readonly bodies: string[] = [];

  constructor(private readonly t: TestApp) {}

  async get(path: string, token?: string, query?: Record<string, string | number>): Promise<Response> {
    let req = this.t.http.get(path);
    if (query) req = req.query(query);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    return this.keep(await req);
  }

  async post(
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    let req = this.t.http.post(path);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    if (body !== undefined) req = req.set('content-type', 'application/json').send(JSON.stringify(body));
    return this.keep(await req);
  }

  async put(path: string, token: string | undefined, body: unknown): Promise<Response> {
    let req = this.t.http.put(path).set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    return this.keep(await req.send(JSON.stringify(body)));
  }

  private keep(res: Response): Response {
    this.bodies.push(res.text ?? '');
    return res;
  }
}

/** A complete, valid create body for a slot; fields can be overridden or removed (set to undefined). */
export function bookingBody(
  demo: Demo,
  startsAt: string,
  overrides: Partial<Record<keyof CreateBookingRequest, unknown>> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    storeId: demo.gz.id,
    modelId: demo.models['YL-S5']!.id,
    startsAt,
    customerName: '张伟',
    mobile: '13800138000',
    licenceNumber: LICENCE,
    consentVersion: demo.consentVersion,
    licenceConsent: true,
    ...overrides,
  };
  for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
  return body;
}

export async function createBooking(
  api: Api,
  token: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return api.post('/api/test-drive/bookings', token, body, headers);
}

/** Creates a booking and insists on 201. */
export async function bookOk(
  api: Api,
  token: string,
  body: Record<string, unknown>,
): Promise<TestDriveBooking> {
  const res = await createBooking(api, token, body);
  if (res.status !== 201) throw new Error(`Expected 201, got ${res.status} ${res.text}`);
  return res.body as TestDriveBooking;
}

let moves = 0;

/**
 * Moves a booking in time behind the API's back (and its car hold with it), to reach the
 * check-in window, the customer cut-off or the end of the slot without waiting.
 */
export async function moveBooking(t: TestApp, id: number, to: Date, minutes = 60): Promise<void> {
  // A few seconds apart per move, so two moved bookings never claim one car at the same instant.
  const startsAt = new Date(to.getTime() + (moves++ % 30) * 1000);
  const endsAt = new Date(startsAt.getTime() + minutes * MINUTE);
  await t.dataSource.query('UPDATE test_drive_bookings SET starts_at = ?, ends_at = ? WHERE id = ?', [
    dbTime(startsAt),
    dbTime(endsAt),
    id,
  ]);
  await t.dataSource.query('UPDATE test_drive_car_holds SET slot_start = ? WHERE booking_id = ?', [
    dbTime(startsAt),
    id,
  ]);
}

export async function countRows(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await t.dataSource.query(sql, params)) as Array<{ n: number | string }>;
  return Number(row?.n);
}

/** The slot of an availability answer starting at `startsAt`. */
export async function slotAt(
  api: Api,
  storeId: number,
  modelId: number,
  startsAt: string,
): Promise<TimeSlot | undefined> {
  const date = localDateIn(TZ, new Date(startsAt));
  const res = await api.get(`/api/stores/${storeId}/models/${modelId}/availability`, undefined, {
    from: date,
    days: 1,
  });
  expect(res.status).toBe(200);
  return (res.body as DayAvailability[])[0]?.slots.find((slot) => slot.startsAt === startsAt);
}
