import { expect } from '@jest/globals';
import type { DayAvailability, TestDriveConsent } from '@dealer-care/domain';
import type mysql from 'mysql2/promise';
import { mulberry32 } from '../../src/database/seed/seeded-random.js';

/**
 * Customers booking test drives against whichever API processes are up, the way the mini-program
 * does: each submission has its own Idempotency-Key and is sent again, same key and body, after a
 * dropped connection or a 5xx/503, until it gets a real answer. Every answer is recorded, so a test
 * can check nothing was lost or made twice.
 */

export interface Answer {
  status: number;
  bookingId: number | null;
  /** Date.now() when the answer arrived. */
  at: number;
  /** 409 "the same request is still being handled": not a final answer. */
  inProgress: boolean;
}

export interface Submission {
  key: string;
  token: string;
  body: Record<string, unknown>;
  answers: Answer[];
  /** Requests that got no answer (connection refused or reset) or a 5xx. */
  failures: number;
}

interface Place {
  storeId: number;
  modelId: number;
  startsAt: string;
}

const json = { 'content-type': 'application/json' };

/** One JSON request, with a timeout so a hung process shows as a failure, not a stuck test. */
export async function call(
  baseUrl: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { ...json, ...(init.headers as Record<string, string>) },
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Development-login tokens for `count` new customers (the API needs AUTH_DEV_LOGIN=true). */
export async function customerTokens(baseUrl: string, prefix: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const { status, body } = await call(baseUrl, '/api/auth/dev/login', {
      method: 'POST',
      body: JSON.stringify({ devUser: `${prefix}-${i}` }),
    });
    if (status !== 200) throw new Error(`dev login answered ${status}`);
    tokens.push((body as { accessToken: string }).accessToken);
  }
  return tokens;
}

/** Every free (store, model, slot) place of the demo stores, one entry per free car. */
export async function freePlaces(baseUrl: string): Promise<Place[]> {
  const stores = (await call(baseUrl, '/api/stores')).body as Array<{ id: number }>;
  const models = (await call(baseUrl, '/api/vehicle-models')).body as Array<{ id: number }>;
  const places: Place[] = [];
  for (const store of stores) {
    for (const model of models) {
      const { status, body } = await call(baseUrl, `/api/stores/${store.id}/models/${model.id}/availability`);
      if (status !== 200) continue;
      for (const slot of (body as DayAvailability[]).flatMap((day) => day.slots)) {
        // Not the first few hours: the minimum notice must not close a slot during the run.
        if (Date.parse(slot.startsAt) < Date.now() + 6 * 3600_000) continue;
        for (let k = 0; k < slot.remaining; k++)
          places.push({ storeId: store.id, modelId: model.id, startsAt: slot.startsAt });
      }
    }
  }
  return places;
}

/**
 * One submission per token; customers `2i` and `2i + 1` want the same place, so some lose a race
 * (409) whatever process they reach.
 */
export async function plannedSubmissions(
  baseUrl: string,
  tokens: string[],
  places: Place[],
  run: string,
): Promise<Submission[]> {
  const consent = (await call(baseUrl, '/api/test-drive/consent')).body as TestDriveConsent;
  return tokens.map((token, i) => {
    const place = places[(Math.floor(i / 2) * 7) % places.length]!;
    return {
      key: `${run}-${i}`,
      token,
      body: {
        ...place,
        customerName: '张伟',
        mobile: `139${String(20_000_000 + i).slice(-8)}`,
        licenceNumber: '11010519491231002X',
        consentVersion: consent.version,
        licenceConsent: true,
      },
      answers: [],
      failures: 0,
    };
  });
}

/**
 * Sends a submission to one of `live()` until it gets an answer that is not a dropped connection, a
 * 5xx or a 503; then, one time in two, sends it once more (the double tap) to another process.
 */
export async function submit(
  submission: Submission,
  live: () => string[],
  random: () => number,
): Promise<void> {
  const send = async (): Promise<boolean> => {
    const targets = live();
    const baseUrl = targets[Math.floor(random() * targets.length)]!;
    try {
      const { status, body } = await call(baseUrl, '/api/test-drive/bookings', {
        method: 'POST',
        headers: { authorization: `Bearer ${submission.token}`, 'idempotency-key': submission.key },
        body: JSON.stringify(submission.body),
      });
      if (status >= 500) {
        submission.failures++;
        return false;
      }
      const bookingId = status === 201 ? (body as { id: number }).id : null;
      // "Still being handled" is an answer, but not the final one: ask again a little later.
      const inProgress = status === 409 && JSON.stringify(body).includes('正在处理中');
      submission.answers.push({ status, bookingId, at: Date.now(), inProgress });
      return !inProgress;
    } catch {
      submission.failures++;
      return false;
    }
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await send()) break;
    await new Promise((r) => setTimeout(r, 250 + random() * 250));
  }
  if (random() < 0.5) await send();
}

/** Runs `submissions` with at most `parallel` customers at a time. */
export async function runSubmissions(
  submissions: Submission[],
  parallel: number,
  live: () => string[],
  random: () => number,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < submissions.length) await submit(submissions[next++]!, live, random);
    }),
  );
}

/** The same run every time, as far as timing allows. */
export const seededRandom = mulberry32;

/** What a customer was finally told: the last answer that was not "still being handled". */
export const finalAnswer = (s: Submission): Answer | undefined =>
  s.answers.filter((a) => !a.inProgress).at(-1);

/** The bookings bound to these keys; every booking id a customer was given must be one of them. */
export async function bookingsOf(
  db: mysql.Connection,
  keys: Submission[],
): Promise<Array<{ id: number; customer_id: number; status: string }>> {
  const ids = keys
    .flatMap((s) => s.answers.map((a) => a.bookingId))
    .filter((id): id is number => id !== null);
  const [rows] = (await db.query(
    `SELECT b.id, b.customer_id, b.status FROM test_drive_bookings b
       JOIN idempotency_keys k ON k.resource_id = b.id WHERE k.idempotency_key IN (?)`,
    [keys.map((s) => s.key)],
  )) as unknown as [Array<{ id: number; customer_id: number; status: string }>];
  // Every id a customer was given is one of the bookings bound to their keys.
  expect(ids.filter((id) => !rows.some((row) => row.id === id))).toEqual([]);
  return rows;
}

/** After a run: one booking per acknowledged key, the same answer on every retry, no half-made booking. */
export async function expectNothingLostOrDoubled(
  db: mysql.Connection,
  submissions: Submission[],
): Promise<void> {
  for (const s of submissions) {
    const final = finalAnswer(s);
    expect({ key: s.key, answered: final !== undefined }).toEqual({ key: s.key, answered: true });
    // Every real answer for a key is the same: one booking id, or the same refusal.
    const real = s.answers.filter((a) => !a.inProgress);
    const distinct = new Set(real.map((a) => `${a.status}:${a.bookingId}`));
    expect({ key: s.key, answers: [...distinct] }).toEqual({
      key: s.key,
      answers: [`${final!.status}:${final!.bookingId}`],
    });
  }
  const acknowledged = submissions.filter((s) => finalAnswer(s)?.status === 201);
  const rows = await bookingsOf(db, submissions);
  // Each customer made one submission: one booking at most, and exactly one per acknowledged key.
  expect(rows.length).toBe(acknowledged.length);
  expect(new Set(rows.map((row) => row.customer_id)).size).toBe(rows.length);
  const [[orphans]] = (await db.query(
    `SELECT COUNT(*) AS n FROM test_drive_bookings b LEFT JOIN test_drive_car_holds h ON h.booking_id = b.id
       WHERE b.status IN ('requested', 'confirmed') AND h.id IS NULL`,
  )) as unknown as [Array<{ n: number }>];
  expect(Number(orphans!.n)).toBe(0);
  const [[unanswered]] = (await db.query(
    'SELECT COUNT(*) AS n FROM idempotency_keys WHERE idempotency_key IN (?) AND status_code IS NULL',
    [submissions.map((s) => s.key)],
  )) as unknown as [Array<{ n: number }>];
  expect(Number(unanswered!.n)).toBe(0);
}
