/**
 * The benchmark scenarios. Each prepares its requests once (real tokens from the API's own login
 * endpoints), then measures the API and the baseline with the same connections and duration.
 */
import mysql from 'mysql2/promise';
import { measure } from './measure.mjs';
import { EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS } from '@dealer-care/domain';

const json = { 'content-type': 'application/json' };

/** One request while preparing a scenario; a dropped connection is tried again a few times. */
export async function apiCall(baseUrl, path, { method = 'GET', token, body, headers = {} } = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    } catch (error) {
      if (attempt >= 3) throw error;
      process.stdout.write(`  (${method} ${path}: ${error.cause?.code ?? error.message}; trying again)\n`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pooled(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

async function staffToken(baseUrl, username, password) {
  const { status, body } = await apiCall(baseUrl, '/api/auth/staff/login', {
    method: 'POST',
    body: { username, password },
  });
  if (status !== 200) throw new Error(`staff login ${username} answered ${status}`);
  return body.accessToken;
}

/** A customer's token through the WeChat login (the stand-in answers code bench-<n> with that openid). */
async function customerToken(baseUrl, openid) {
  const { status, body } = await apiCall(baseUrl, '/api/auth/wechat/login', {
    method: 'POST',
    body: { code: openid },
  });
  if (status !== 200) throw new Error(`customer login ${openid} answered ${status}`);
  return { token: body.accessToken, id: body.customer.id };
}

/**
 * The read scenarios: each a list of API requests (path + token) that the capture turns into the
 * baseline's statement lists.
 */
export async function prepareReads(baseUrl, fixtures) {
  const { storeIds, carModelIds, staffPassword, surveyQuarter, busyDay } = fixtures;
  const consultants = await pooled(fixtures.consultantUsernames, 4, (u) =>
    staffToken(baseUrl, u, staffPassword),
  );
  const managers = await pooled(fixtures.managerUsernames, 4, (u) => staffToken(baseUrl, u, staffPassword));
  const heavy = await pooled(fixtures.heavyCustomerOpenids, 4, (o) => customerToken(baseUrl, o));
  return {
    'slot lookup': Array.from({ length: 40 }, (_, i) => ({
      path: `/api/stores/${storeIds[i % storeIds.length]}/models/${carModelIds[i % carModelIds.length]}/availability`,
    })),
    "customer's own bookings": heavy.map((c) => ({ path: '/api/test-drive/bookings', token: c.token })),
    'portal day list': consultants.map((token, i) => ({
      path: `/api/staff/stores/${storeIds[i]}/test-drives?date=${busyDay}`,
      token,
    })),
    'CSI dashboard (store, quarter)': managers.map((token) => ({
      path: `/api/staff/satisfaction/summary?kind=test_drive_feedback&from=${surveyQuarter.from}&to=${surveyQuarter.to}`,
      token,
    })),
  };
}

export const toAutocannon = (list) =>
  list.map(({ path, token }) => ({
    method: 'GET',
    path,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  }));

/** Captures each read request's SQL on the (job-less) capture API; checks every answer is 200. */
export async function captureReads(capture, captureBaseUrl, reads) {
  const captured = {};
  for (const [scenario, list] of Object.entries(reads)) {
    for (const [i, request] of list.entries()) {
      const { result, statements } = await capture.during(() =>
        apiCall(captureBaseUrl, request.path, { token: request.token }),
      );
      if (result.status !== 200) throw new Error(`${scenario} ${request.path} answered ${result.status}`);
      if (statements.length === 0) throw new Error(`no SQL captured for ${request.path}`);
      captured[`${scenario}#${i}`] = statements;
    }
  }
  return captured;
}

/** Customers with no active booking, for the contention scenario (the per-customer limit stays out of it). */
async function freeCustomers(databaseUrl, count) {
  const conn = await mysql.createConnection(databaseUrl);
  try {
    const [rows] = await conn.query(
      `SELECT c.openid FROM customers c WHERE c.openid LIKE 'bench-%' AND NOT EXISTS (
         SELECT 1 FROM test_drive_bookings b WHERE b.customer_id = c.id AND b.starts_at > NOW())
       ORDER BY c.id DESC LIMIT ?`,
      [count],
    );
    return rows.map((r) => r.openid);
  } finally {
    await conn.end();
  }
}

async function freeSlots(baseUrl, storeId, modelId, count) {
  const { body: days } = await apiCall(baseUrl, `/api/stores/${storeId}/models/${modelId}/availability`);
  const slots = days.flatMap((d) => d.slots).filter((s) => s.remaining === s.capacity && s.capacity > 0);
  if (slots.length < count) throw new Error('not enough free slots for the contention scenario');
  // Far enough ahead that the minimum notice never closes them during the run.
  return slots.slice(-count);
}

/**
 * 1,000 customers race for one slot (one car): exactly `capacity` win, the rest get 409.
 * The API and the baseline each get their own free slot and their own 1,000 customers.
 */
export async function bookingContention({
  apiUrl,
  baselineUrl,
  databaseUrl,
  fixtures,
  attempts,
  connections,
}) {
  const storeId = fixtures.storeIds[0];
  const modelId = fixtures.carModelIds[0];
  const [apiSlot, baselineSlot] = await freeSlots(apiUrl, storeId, modelId, 2);
  const openids = await freeCustomers(databaseUrl, attempts * 2);
  if (openids.length < attempts * 2) throw new Error('not enough customers without an active booking');
  const apiCustomers = await pooled(openids.slice(0, attempts), 8, (o) => customerToken(apiUrl, o));
  const baselineCustomers = await pooled(openids.slice(attempts), 8, (o) => customerToken(apiUrl, o));
  const { body: consent } = await apiCall(apiUrl, '/api/test-drive/consent');
  const run = Date.now().toString(36);
  const bodyFor = (slot, i) => ({
    storeId,
    modelId,
    startsAt: slot.startsAt,
    customerName: '张伟',
    mobile: `137${String(10_000_000 + i).slice(-8)}`,
    licenceNumber: '11010519491231002X',
    consentVersion: consent.version,
    licenceConsent: true,
  });
  const distinct = (customers, slot, path, withToken) => {
    let next = 0;
    return [
      {
        method: 'POST',
        path,
        setupRequest: (req) => {
          const i = next++ % customers.length;
          const customer = customers[i];
          return {
            ...req,
            headers: {
              ...json,
              'idempotency-key': `race-${run}-${path.length}-${i}`,
              ...(withToken
                ? { authorization: `Bearer ${customer.token}` }
                : { 'x-customer-id': String(customer.id) }),
            },
            body: JSON.stringify(bodyFor(slot, i)),
          };
        },
      },
    ];
  };
  const api = await measure({
    url: apiUrl,
    requests: distinct(apiCustomers, apiSlot, '/api/test-drive/bookings', true),
    connections,
    amount: attempts,
  });
  const baseline = await measure({
    url: baselineUrl,
    requests: distinct(baselineCustomers, baselineSlot, '/booking', false),
    connections,
    amount: attempts,
  });
  // The database's own word: one hold on each raced slot.
  const conn = await mysql.createConnection(databaseUrl);
  try {
    const holds = async (slot) =>
      Number(
        (
          await conn.query(
            `SELECT COUNT(*) AS n FROM test_drive_car_holds h JOIN test_drive_cars c ON c.id = h.car_id
             WHERE c.store_id = ? AND c.model_id = ? AND h.slot_start = ?`,
            [storeId, modelId, new Date(slot.startsAt)],
          )
        )[0][0].n,
      );
    return {
      api,
      baseline,
      capacity: apiSlot.capacity,
      apiHolds: await holds(apiSlot),
      baselineHolds: await holds(baselineSlot),
    };
  } finally {
    await conn.end();
  }
}

/** Submits each side makes before its measured run, so JIT and pools are warm, as for the reads. */
const SURVEY_WARM_UP = 100;

/** Customers answer the survey waiting for them, one invitation per request. */
export async function surveySubmit({ apiUrl, baselineUrl, databaseUrl, count, connections }) {
  const perSide = count + SURVEY_WARM_UP;
  // Invitations still waiting (a reused database has had some answered by an earlier run).
  const conn = await mysql.createConnection(databaseUrl);
  let waiting;
  try {
    [waiting] = await conn.query(
      `SELECT i.id, c.openid FROM survey_invitations i JOIN customers c ON c.id = i.customer_id
       WHERE i.status = 'sent' AND c.openid LIKE 'bench-%' ORDER BY i.id LIMIT ?`,
      [perSide * 2],
    );
  } finally {
    await conn.end();
  }
  if (waiting.length < perSide * 2) throw new Error('not enough open survey invitations');
  const apiItems = await pooled(waiting.slice(0, perSide), 8, async ({ openid }) => {
    const customer = await customerToken(apiUrl, openid);
    const { body } = await apiCall(apiUrl, '/api/surveys', { token: customer.token });
    const survey = body.find((s) => s.status === 'sent' || s.status === 'opened');
    if (!survey) throw new Error(`${openid} has no survey waiting`);
    return { token: customer.token, path: `/api/surveys/${encodeURIComponent(survey.token)}/submit` };
  });
  const baselineIds = waiting.slice(perSide).map((row) => row.id);
  const one = (items, toRequest) => {
    let next = 0;
    return [
      { method: 'POST', setupRequest: (req) => ({ ...req, ...toRequest(items[next++ % items.length]) }) },
    ];
  };
  const body = JSON.stringify({ answers: EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS });
  const toApi = (item) => ({
    path: item.path,
    headers: { ...json, authorization: `Bearer ${item.token}` },
    body,
  });
  const toBaseline = (id) => ({ path: `/survey/${id}`, headers: json, body });
  const run = (url, items, toRequest) =>
    measure({ url, requests: one(items, toRequest), connections, amount: items.length });
  await run(apiUrl, apiItems.slice(0, SURVEY_WARM_UP), toApi);
  const api = await run(apiUrl, apiItems.slice(SURVEY_WARM_UP), toApi);
  await run(baselineUrl, baselineIds.slice(0, SURVEY_WARM_UP), toBaseline);
  const baseline = await run(baselineUrl, baselineIds.slice(SURVEY_WARM_UP), toBaseline);
  return { api, baseline };
}
