import { expect } from '@jest/globals';
import {
  addDays,
  DEFAULT_DELIVERY_CHECKLISTS,
  type CustomerProfile,
  type PendingSurvey,
  type SalesOrder,
  type TestDriveBooking,
} from '@dealer-care/domain';
import { demoSignaturePng } from '../../src/database/seed/seed-demo-orders.js';
import { SurveyDispatcher, type DispatchResult } from '../../src/modules/surveys/survey-dispatcher.js';
import { SurveyTokenSigner } from '../../src/modules/surveys/survey-token.js';
import type { TestApp } from './test-app.js';
import {
  Api,
  bookingBody,
  bookOk,
  MINUTE,
  moveBooking,
  SlotPool,
  todayInStore,
  type Demo,
} from './test-drive-fixtures.js';

/** Shared helpers of the survey integration specs (surveys*.int-spec.ts). */

export const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;
const SIGNATURE = `data:image/png;base64,${demoSignaturePng().toString('base64')}`;

/** A row of survey_invitations as the specs read it (snake_case, straight from SQL). */
export interface InvitationRow {
  id: number;
  kind: string;
  template_id: number;
  event_type: string;
  event_id: number;
  store_id: number;
  consultant_id: number | null;
  customer_id: number | null;
  customer_mobile: string;
  subject: string;
  status: string;
  hold_reason: string | null;
  send_at: Date;
  next_check_at: Date | null;
  sent_at: Date | null;
  reminded_at: Date | null;
  expires_at: Date | null;
  answered_count: number;
  question_count: number;
}

/** Datetimes come back as Date from MariaDB and as UTC text from SQLite. */
export function instant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/Z$|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

const DATE_FIELDS = ['send_at', 'next_check_at', 'sent_at', 'reminded_at', 'expires_at'] as const;

export async function invitations(t: TestApp, where: string, params: unknown[]): Promise<InvitationRow[]> {
  const rows = (await t.dataSource.query(
    `SELECT * FROM survey_invitations WHERE ${where} ORDER BY id`,
    params,
  )) as Array<Record<string, unknown>>;
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const field of DATE_FIELDS) out[field] = instant(row[field]);
    for (const field of ['id', 'template_id', 'event_id', 'store_id', 'answered_count', 'question_count'])
      out[field] = Number(row[field]);
    for (const field of ['consultant_id', 'customer_id'])
      out[field] = row[field] === null ? null : Number(row[field]);
    return out as unknown as InvitationRow;
  });
}

export async function invitationOf(t: TestApp, eventType: string, eventId: number): Promise<InvitationRow> {
  const rows = await invitations(t, 'event_type = ? AND event_id = ?', [eventType, eventId]);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

export async function outboxOf(
  t: TestApp,
  invitationId: number,
): Promise<Array<{ kind: string; customer_id: number; page: string; data: Record<string, string> }>> {
  const rows = (await t.dataSource.query(
    "SELECT kind, customer_id, page, data FROM notification_outbox WHERE subject_type = 'survey_invitation' AND subject_id = ? ORDER BY id",
    [invitationId],
  )) as Array<{ kind: string; customer_id: number | string; page: string; data: string }>;
  return rows.map((row) => ({
    kind: row.kind,
    customer_id: Number(row.customer_id),
    page: row.page,
    data: JSON.parse(row.data) as Record<string, string>,
  }));
}

export const dispatcherOf = (t: TestApp) => t.app.get(SurveyDispatcher);
export const signerOf = (t: TestApp) => t.app.get(SurveyTokenSigner);

export function runDue(t: TestApp, now: Date, customerId?: number): Promise<DispatchResult> {
  return dispatcherOf(t).runDue(now, customerId === undefined ? {} : { customerId });
}

/** The signed token of an invitation that has been sent. */
export function tokenOf(t: TestApp, row: InvitationRow): string {
  return signerOf(t).sign(row.id, row.expires_at!);
}

let mobileSeq = 0;
/** Mobiles of the survey specs' customers (1371234xxxx; the demo seed uses 1380013800x). */
export const nextMobile = (): string => `1371234${String(1000 + mobileSeq++).padStart(4, '0')}`;

export interface SurveyCustomer {
  token: string;
  id: number;
  mobile: string;
}

/** A new WeChat customer (development login) with a bound phone. */
export async function newCustomer(t: TestApp, api: Api, name: string): Promise<SurveyCustomer> {
  const mobile = nextMobile();
  const token = await t.customerToken(`dev-sv-${name}`, mobile);
  const me = (await api.get('/api/me', token)).body as CustomerProfile;
  return { token, id: me.id, mobile };
}

/** Books, confirms, checks in and completes a test drive of the customer with consultant `staffToken`. */
export async function completeTestDrive(
  t: TestApp,
  api: Api,
  demo: Demo,
  pool: SlotPool,
  customer: SurveyCustomer,
  staffToken: string,
  /** Another store and model than the pool's default (the pool must be of that store and model). */
  where: { storeId?: number; modelId?: number } = {},
): Promise<TestDriveBooking> {
  const booking = await bookOk(
    api,
    customer.token,
    bookingBody(demo, pool.take().startsAt, { mobile: customer.mobile, ...where }),
  );
  const [hold] = (await t.dataSource.query('SELECT car_id FROM test_drive_car_holds WHERE booking_id = ?', [
    booking.id,
  ])) as Array<{ car_id: number }>;
  const staffPost = (action: string, body: unknown = {}) =>
    api.post(`/api/staff/test-drives/${booking.id}/${action}`, staffToken, body);
  expect((await staffPost('confirm', { carId: Number(hold!.car_id) })).status).toBe(200);
  await moveBooking(t, booking.id, new Date(Date.now() + 30 * MINUTE));
  expect((await staffPost('check-in', { licenceLastFour: '002X', consentSigned: true })).status).toBe(200);
  const done = await staffPost('complete');
  expect(done.status).toBe(200);
  return done.body as TestDriveBooking;
}

/** Creates an order for the customer's phone and takes it all the way to delivered. */
export async function deliverOrder(
  api: Api,
  demo: Demo,
  customer: SurveyCustomer,
  staffToken: string,
): Promise<SalesOrder> {
  const created = await api.post(`/api/staff/stores/${demo.gz.id}/sales-orders`, staffToken, {
    customerName: '韩梅梅',
    customerMobile: customer.mobile,
    modelId: demo.models['YL-X5']!.id,
    trim: '四驱旗舰版',
    colour: '星河蓝',
    promisedFrom: todayInStore(),
    promisedTo: addDays(todayInStore(), 20),
  });
  expect(created.status).toBe(201);
  const id = (created.body as SalesOrder).id;
  const staffPost = async (action: string, body: unknown = {}) => {
    const res = await api.post(`/api/staff/sales-orders/${id}/${action}`, staffToken, body);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${res.text}`);
    return res.body as SalesOrder;
  };
  const offered = await staffPost('offer-dates', {
    options: [{ date: addDays(todayInStore(), 5), time: '10:00' }],
  });
  const chosen = await api.post(`/api/deliveries/${id}/choose-date`, customer.token, {
    startsAt: offered.dateOptions[0]!.startsAt,
    partySize: 1,
  });
  expect(chosen.status).toBe(200);
  for (const item of DEFAULT_DELIVERY_CHECKLISTS.pdi) {
    await staffPost('checklist', { kind: 'pdi', key: item.key, done: true });
  }
  await staffPost('ready');
  for (const item of DEFAULT_DELIVERY_CHECKLISTS.handover) {
    await staffPost('checklist', { kind: 'handover', key: item.key, done: true });
  }
  return staffPost('deliver', { signature: SIGNATURE, signerName: '韩梅梅' });
}

export async function pending(api: Api, token: string): Promise<PendingSurvey[]> {
  const res = await api.get('/api/surveys', token);
  if (res.status !== 200) throw new Error(`Expected 200, got ${res.status} ${res.text}`);
  return res.body as PendingSurvey[];
}

/** Answers every question of the default test-drive form well (no condition shown). */
export const GOOD_TEST_DRIVE_ANSWERS = {
  td_car: 5,
  td_briefing: 5,
  td_route: 5,
  td_safety: 5,
  td_followup: 5,
  overall: 5,
  nps: 10,
  purchase_intent: 'within_7_days',
  comment: '体验很好',
} as const;
