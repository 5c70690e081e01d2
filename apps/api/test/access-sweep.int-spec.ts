import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The access sweep driven by the OpenAPI document (issue 7): every documented operation is called
 * with no token, an expired token, a token with a forged signature, the wrong kind of principal,
 * another customer's token on customer A's records, and the other store's consultant and manager on
 * store 1's records. Nothing may be answered 2xx on someone else's record, no answer may carry a
 * marker of A's or store 1's records (booking references, order numbers), and store 1's records must
 * be unchanged afterwards. A new operation is swept automatically; one that cannot be is listed in
 * NOT_SWEPT with the reason.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  security?: Array<Record<string, string[]>>;
}
interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, Operation>>>;
}

const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

/** Operations left out, with why. */
const NOT_SWEPT: Record<string, string> = {
  'PUT /api/dev/clock': 'development only (AUTH_DEV_LOGIN): moves the clock; not mounted in production',
  'DELETE /api/dev/clock': 'development only (AUTH_DEV_LOGIN): resets the clock; not mounted in production',
};

/** Public by design: reading them without a token is the point. */
const isPublic = (op: Operation) => (op.security ?? []).length === 0;
const kindOf = (path: string, op: Operation): 'public' | 'staff' | 'customer' => {
  if (isPublic(op)) return 'public';
  const schemes = new Set((op.security ?? []).flatMap((s) => Object.keys(s)));
  return schemes.has('staff') || path.startsWith('/api/staff/') ? 'staff' : 'customer';
};

describe(`OpenAPI-driven access sweep (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const tokens: Record<string, string> = {};
  /** Ids of customer A's and store 1's records, by the resource path before the placeholder. */
  const ids: Record<string, string> = {};
  let store1 = 1;
  let store2 = 2;
  /** Strings only store 1's and customer A's records carry. */
  let markers: string[] = [];
  let snapshotBefore = '';
  const failures: string[] = [];
  let sent = 0;

  const q = (sql: string, params: unknown[] = []) =>
    t.dataSource.query<Array<Record<string, unknown>>>(sql, params);

  /** Store 1's records as they stand: any write the sweep let through would change this. */
  const snapshot = async () =>
    JSON.stringify([
      await q(
        'SELECT id, status, starts_at, consultant_id FROM test_drive_bookings WHERE store_id = ? ORDER BY id',
        [store1],
      ),
      await q(
        'SELECT id, status, scheduled_date, consultant_id FROM sales_orders WHERE store_id = ? ORDER BY id',
        [store1],
      ),
      await q('SELECT id, status, assignee_id, due_at FROM follow_up_tasks WHERE store_id = ? ORDER BY id', [
        store1,
      ]),
      await q(
        'SELECT id, status, intent_level, consultant_id FROM prospects WHERE store_id = ? ORDER BY id',
        [store1],
      ),
      await q('SELECT id, status, owner_id FROM low_score_cases WHERE store_id = ? ORDER BY id', [store1]),
      await q('SELECT id, status FROM survey_invitations WHERE store_id = ? ORDER BY id', [store1]),
    ]);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', BOOKING_RATE_LIMIT_PER_MINUTE: '1000' });
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    tokens.consultant1 = await t.staffToken('gz.chen');
    tokens.consultant2 = await t.staffToken('sz.liu');
    tokens.manager2 = await t.staffToken('sz.manager');
    tokens.admin = await t.staffToken('admin');
    // Customer A: the buyer of the demo's first orders (deliveries, a survey waiting).
    tokens.customerA = await t.customerToken('access-a', '13800138001');
    tokens.customerB = await t.customerToken('access-b', '13911112222');
    const me = (await t.http.get('/api/auth/staff/me').set('authorization', `Bearer ${tokens.consultant1}`))
      .body as { storeId: number };
    store1 = me.storeId;
    const other = (
      await t.http.get('/api/auth/staff/me').set('authorization', `Bearer ${tokens.consultant2}`)
    ).body as { storeId: number };
    store2 = other.storeId;
    expect(store2).not.toBe(store1);

    const bearer = (name: string) => ({ authorization: `Bearer ${tokens[name]}` });
    // A books at store 1, so A owns a booking too.
    const consent = (await t.http.get('/api/test-drive/consent')).body as { version: string };
    const models = (await t.http.get('/api/vehicle-models')).body as Array<{ id: number }>;
    let booked: { id: number; reference: string } | undefined;
    for (const model of models) {
      const days = (await t.http.get(`/api/stores/${store1}/models/${model.id}/availability`)).body as Array<{
        slots: Array<{ startsAt: string; remaining: number }>;
      }>;
      const slot = Array.isArray(days)
        ? days.flatMap((d) => d.slots).find((s) => s.remaining > 0)
        : undefined;
      if (!slot) continue;
      const res = await t.http.post('/api/test-drive/bookings').set(bearer('customerA')).send({
        storeId: store1,
        modelId: model.id,
        startsAt: slot.startsAt,
        customerName: '访问测试甲',
        mobile: '13800138001',
        licenceNumber: '11010519491231002X',
        consentVersion: consent.version,
        licenceConsent: true,
      });
      if (res.status === 201) {
        booked = res.body as { id: number; reference: string };
        break;
      }
    }
    expect(booked).toBeDefined();
    ids['/api/test-drive/bookings'] = String(booked!.id);
    ids['/api/staff/test-drives'] = String(booked!.id);
    const deliveries = (await t.http.get('/api/deliveries').set(bearer('customerA')).expect(200))
      .body as Array<{
      id: number;
    }>;
    expect(deliveries.length).toBeGreaterThan(0);
    ids['/api/deliveries'] = String(deliveries[0]!.id);
    ids['/api/staff/sales-orders'] = ids['/api/deliveries'];
    const surveys = (await t.http.get('/api/surveys').set(bearer('customerA')).expect(200)).body as Array<{
      token: string;
    }>;
    ids['/api/surveys'] = encodeURIComponent(surveys[0]?.token ?? '1.1.x');
    const firstOf = async (sql: string) => String((await q(sql, [store1]))[0]?.id ?? 1);
    ids['/api/staff/prospects'] = await firstOf('SELECT id FROM prospects WHERE store_id = ? ORDER BY id');
    ids['/api/staff/follow-ups'] = await firstOf(
      'SELECT id FROM follow_up_tasks WHERE store_id = ? ORDER BY id',
    );
    ids['/api/staff/satisfaction/cases'] = await firstOf(
      'SELECT id FROM low_score_cases WHERE store_id = ? ORDER BY id',
    );
    ids['/api/staff/notifications'] = await firstOf(
      'SELECT id FROM notification_outbox WHERE store_id = ? ORDER BY id',
    );
    ids['/api/staff/satisfaction/responses'] = await firstOf(
      'SELECT id FROM survey_responses WHERE store_id = ? ORDER BY id',
    );
    ids['/api/staff/process-audits'] = await firstOf(
      'SELECT id FROM process_audits WHERE store_id = ? ORDER BY id',
    );

    const references = await q('SELECT reference FROM test_drive_bookings WHERE store_id = ?', [store1]);
    const orders = await q('SELECT order_no FROM sales_orders WHERE store_id = ?', [store1]);
    markers = [
      ...references.map((r) => String(r.reference)),
      ...orders.map((r) => String(r.order_no)),
      '访问测试甲',
    ];
    expect(markers.length).toBeGreaterThan(5);
    snapshotBefore = await snapshot();
  });

  afterAll(async () => {
    await t?.close();
  });

  function fillPath(template: string, storeId: number): string {
    return template.replace(/\{([^}]+)\}/g, (_match, name: string, offset: number) => {
      if (name === 'kind') return 'test_drive_feedback';
      if (name === 'storeId') return String(storeId);
      if (name === 'modelId') return '1';
      return ids[template.slice(0, offset - 1)] ?? '1';
    });
  }

  async function call(method: Method, path: string, token: string | undefined) {
    sent += 1;
    let req = t.http[method](path);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    if (method !== 'get' && method !== 'delete')
      req = req
        .set('content-type', 'application/json')
        .set('idempotency-key', `access-${sent}-key`)
        .send('{}');
    const res = await req;
    return { status: res.status, text: res.text ?? '', type: String(res.headers['content-type'] ?? '') };
  }

  const leaks = (text: string) => markers.filter((m) => text.includes(m));

  function expectDenied(
    label: string,
    answer: { status: number; text: string; type: string },
    allowed: number[],
  ) {
    if (!allowed.includes(answer.status))
      failures.push(`${label}: ${answer.status} ${answer.text.slice(0, 120)}`);
    else if (!answer.type.includes('application/problem+json') || !/[\u3400-\u9fff]/.test(answer.text))
      failures.push(`${label}: ${answer.status} is not a Chinese problem+json`);
    const leaked = leaks(answer.text);
    if (leaked.length > 0) failures.push(`${label}: leaked ${leaked.join(', ')}`);
  }

  it('sweeps every operation: no token, expired or forged token, wrong principal, other customer, other store', async () => {
    const jwt = t.app.get(JwtService);
    const claims = (token: string) => {
      const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      // The module adds these itself (iss/aud from its options, iat/exp from expiresIn).
      for (const claim of ['exp', 'iat', 'iss', 'aud', 'nbf']) delete payload[claim];
      return payload;
    };
    const expired = {
      staff: await jwt.signAsync(claims(tokens.consultant1!), { expiresIn: -120 }),
      customer: await jwt.signAsync(claims(tokens.customerA!), { expiresIn: -120 }),
    };
    const forged = (token: string) => `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;

    let operations = 0;
    const granted: string[] = [];
    const ownReads: Array<{ name: string; path: string; token: string }> = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const name = `${method.toUpperCase()} ${template}`;
        if (NOT_SWEPT[name]) continue;
        const kind = kindOf(template, op);
        if (kind === 'public') continue;
        operations += 1;
        const path = fillPath(template, store1);
        const own = kind === 'staff' ? tokens.consultant1! : tokens.customerA!;

        expectDenied(`${name} without a token`, await call(method, path, undefined), [401]);
        expectDenied(`${name} expired`, await call(method, path, expired[kind]), [401]);
        expectDenied(`${name} forged`, await call(method, path, forged(own)), [401]);
        const wrongKind = kind === 'staff' ? tokens.customerA! : tokens.consultant1!;
        expectDenied(`${name} as the wrong kind`, await call(method, path, wrongKind), [401, 403]);

        const hasRecordId = /\{(?!kind\}|modelId\})[^}]+\}/.test(template);
        const others = kind === 'staff' ? ['consultant2', 'manager2'] : ['customerB'];
        for (const other of others) {
          const answer = await call(method, path, tokens[other]);
          if (hasRecordId) {
            // Someone else's record: refused, or not found, or invalid input, never served.
            expectDenied(`${name} as ${other}`, answer, [400, 403, 404, 409, 422]);
          } else {
            // A list or a create of their own: allowed, but with nothing of A's or store 1's.
            const leaked = leaks(answer.text);
            if (leaked.length > 0) failures.push(`${name} as ${other}: leaked ${leaked.join(', ')}`);
            if (answer.status >= 500) failures.push(`${name} as ${other}: ${answer.status}`);
          }
        }
        if (method === 'get') ownReads.push({ name, path, token: own });
      }
    }
    // Nothing of store 1's changed under anyone else's hands.
    expect((await snapshot()) === snapshotBefore).toBe(true);
    // The sweep must not pass because everything is refused: the owners read their own (after the
    // snapshot, since opening one's own survey marks it opened).
    for (const read of ownReads)
      if ((await call('get', read.path, read.token)).status === 200) granted.push(read.name);
    process.stdout.write(
      `access sweep: ${operations} operations, ${sent} requests, ${granted.length} read back by their owner\n`,
    );
    expect(failures).toEqual([]);
    expect(operations).toBeGreaterThan(60);
    expect(granted.length).toBeGreaterThan(20);
  });
});
