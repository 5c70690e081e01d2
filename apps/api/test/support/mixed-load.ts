import { EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS } from '@dealer-care/domain';
import { expect } from '@jest/globals';
import type mysql from 'mysql2/promise';
import { call, finalAnswer, type Submission } from './booking-load.js';
import type { FakeWechatServer } from './fake-wechat-server.js';

/**
 * The rest of a mixed load beside the customers' bookings (booking-load.ts): a consultant
 * confirming each booking as it arrives (each confirmation owes the customer a WeChat message, a
 * job), customers answering the survey waiting for them, and a batch of queued messages for the
 * job runners. Every worker sends again after a dropped connection or a 5xx, to whichever process
 * is up, and records what it was told.
 */

/** What one worker asked for and what it was finally told. */
export interface Errand {
  label: string;
  statuses: number[];
  failures: number;
  /** The body of the first 2xx answer. */
  body: unknown;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one request until a process gives a real answer (not a dropped connection, 5xx or 503). */
async function errand(
  label: string,
  live: () => string[],
  random: () => number,
  path: string,
  init: RequestInit,
): Promise<Errand> {
  const result: Errand = { label, statuses: [], failures: 0, body: null };
  for (let attempt = 0; attempt < 120; attempt++) {
    const targets = live();
    try {
      const { status, body } = await call(targets[Math.floor(random() * targets.length)]!, path, init);
      if (status < 500) {
        result.statuses.push(status);
        if (status < 300 && result.body === null) result.body = body;
        return result;
      }
    } catch {
      // Connection refused or reset: the process died under the request.
    }
    result.failures++;
    await pause(200 + random() * 200);
  }
  throw new Error(`${label}: no process answered`);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Each customer accepts one message of each template offered when booking (one grant each). */
export async function acceptBookingMessages(baseUrl: string, tokens: string[]): Promise<void> {
  for (const token of tokens) {
    const { body } = await call(baseUrl, '/api/notifications/subscriptions?moment=booking', {
      headers: bearer(token),
    });
    const choices = Object.fromEntries(
      (body as { templateIds: string[] }).templateIds.map((id) => [id, 'accept']),
    );
    const { status } = await call(baseUrl, '/api/notifications/subscriptions', {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ moment: 'booking', choices }),
    });
    if (status !== 204) throw new Error(`recording subscriptions answered ${status}`);
  }
}

/**
 * The consultant confirms every booking a customer was told about (201), each on the car it holds,
 * until `trafficDone` and nothing is left. A retry of a confirmation that went through is told 409.
 */
export async function confirmArrivingBookings(options: {
  db: mysql.Connection;
  staffToken: string;
  submissions: Submission[];
  trafficDone: () => boolean;
  live: () => string[];
  random: () => number;
}): Promise<Map<number, Errand>> {
  const { db, staffToken, submissions, trafficDone, live, random } = options;
  const confirmations = new Map<number, Errand>();
  for (;;) {
    const done = trafficDone();
    const arrived = submissions
      .map((s) => finalAnswer(s))
      .filter((a) => a?.status === 201 && !confirmations.has(a.bookingId!))
      .map((a) => a!.bookingId!);
    for (const bookingId of arrived) {
      const [[hold]] = (await db.query('SELECT car_id FROM test_drive_car_holds WHERE booking_id = ?', [
        bookingId,
      ])) as unknown as [Array<{ car_id: number }>];
      confirmations.set(
        bookingId,
        await errand(`confirm ${bookingId}`, live, random, `/api/staff/test-drives/${bookingId}/confirm`, {
          method: 'POST',
          headers: bearer(staffToken),
          body: JSON.stringify({ carId: Number(hold!.car_id) }),
        }),
      );
    }
    if (done && arrived.length === 0) return confirmations;
    await pause(50);
  }
}

/** Gives each customer (by openid) a test-drive survey sent yesterday, as the dispatcher would have. */
export async function sendSurveys(
  db: mysql.Connection,
  openids: string[],
  storeId: number,
  firstEventId: number,
): Promise<void> {
  const [[template]] = (await db.query(
    "SELECT id FROM survey_templates WHERE kind = 'test_drive_feedback' AND active = 1 ORDER BY version DESC LIMIT 1",
  )) as unknown as [Array<{ id: number }>];
  const [customers] = (await db.query('SELECT id, openid FROM customers WHERE openid IN (?)', [
    openids,
  ])) as unknown as [Array<{ id: number; openid: string }>];
  expect(customers).toHaveLength(openids.length);
  for (const [i, customer] of customers.entries()) {
    await db.query(
      `INSERT INTO survey_invitations (kind, template_id, event_type, event_id, store_id, customer_id,
         customer_name, customer_mobile, subject, status, send_at, sent_at, expires_at, answers,
         answered_count, question_count, created_at, updated_at)
       VALUES ('test_drive_feedback', ?, 'test_drive_completed', ?, ?, ?, '张伟', ?, '试乘试驾意见表', 'sent',
         UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL 13 DAY,
         '{}', 0, 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())`,
      [template!.id, firstEventId + i, storeId, customer.id, `1390001${String(i).padStart(4, '0')}`],
    );
  }
}

/** Each customer opens the list of surveys waiting and submits the one there. */
export function answerSurveys(
  tokens: string[],
  live: () => string[],
  random: () => number,
): Promise<Errand[]> {
  return Promise.all(
    tokens.map(async (token, i) => {
      // Spread over the first seconds, so some answers meet the kill.
      await pause(random() * 4000);
      const list = await errand(`surveys ${i}`, live, random, '/api/surveys', { headers: bearer(token) });
      const survey = (list.body as Array<{ token: string }>)[0];
      if (!survey) throw new Error(`customer ${i} has no survey waiting`);
      return errand(`survey ${i}`, live, random, `/api/surveys/${encodeURIComponent(survey.token)}/submit`, {
        method: 'POST',
        headers: bearer(token),
        body: JSON.stringify({ answers: EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS }),
      });
    }),
  );
}

/**
 * Queues `count` survey messages to new customers who accepted one each, with their send jobs, in
 * one transaction (as a burst of store actions would), so the pollers meet the whole batch at once.
 */
export async function queueMessageBurst(
  db: mysql.Connection,
  wechat: Pick<FakeWechatServer, 'registerOpenid'>,
  store: { id: number; name: string },
  count: number,
  openidPrefix: string,
): Promise<{ openids: string[]; outboxIds: number[] }> {
  const openids = Array.from({ length: count }, (_, i) => `${openidPrefix}-${i}`);
  // Known to WeChat before any poller can meet the messages.
  for (const openid of openids) wechat.registerOpenid(openid);
  const outboxIds: number[] = [];
  await db.beginTransaction();
  for (const [i, openid] of openids.entries()) {
    const [customer] = (await db.query('INSERT INTO customers (openid, nickname) VALUES (?, ?)', [
      openid,
      `客户${i}`,
    ])) as unknown as [mysql.ResultSetHeader];
    await db.query(
      `INSERT INTO wechat_subscriptions (customer_id, template_id, remaining, last_choice)
       VALUES (?, ?, 1, 'accept')`,
      [customer.insertId, SURVEY_MESSAGE_TEMPLATE],
    );
    const data = {
      subject: `试乘试驾意见表 ${i}`,
      storeName: store.name,
      time: '2030-01-01 10:00',
      remark: '',
    };
    const [outbox] = (await db.query(
      `INSERT INTO notification_outbox
         (customer_id, store_id, kind, subject_type, subject_id, page, data, status, attempts, next_attempt_at)
       VALUES (?, ?, 'survey_invited', 'survey_invitation', ?, 'pages/index/index', ?, 'queued', 0, UTC_TIMESTAMP())`,
      [customer.insertId, store.id, customer.insertId, JSON.stringify(data)],
    )) as unknown as [mysql.ResultSetHeader];
    outboxIds.push(outbox.insertId);
    await db.query(
      `INSERT INTO jobs (kind, unique_key, payload, status, run_at, attempts, max_attempts)
       VALUES ('notification.send', ?, ?, 'queued', UTC_TIMESTAMP(), 0, 8)`,
      [`notification:${outbox.insertId}`, JSON.stringify({ notificationId: outbox.insertId })],
    );
  }
  await db.commit();
  return { openids, outboxIds };
}

/** The template of survey messages in the default (development) configuration. */
export const SURVEY_MESSAGE_TEMPLATE = 'tmpl_service_survey';
