import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestDriveBooking } from '@dealer-care/domain';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  Api,
  bookingBody,
  countRows,
  createBooking,
  dbTime,
  loadDemo,
  SlotPool,
  type Demo,
} from './support/test-drive-fixtures.js';

/**
 * Issue 7: a process can die between committing a booking and storing the answer under its
 * Idempotency-Key, or after claiming the key and before committing anything. Both windows are
 * recreated here by putting the key row in the state such a crash leaves; the customer's retry
 * must then get the one booking (first case) or have it made once (second case), never wait
 * forever on a claim nobody will finish, and never book twice. (The process-kill test in
 * reliability.int-spec.ts does it with real processes.)
 */
describe(`idempotent booking after a crash (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  let pool: SlotPool;

  beforeAll(async () => {
    t = await startTestApp({ BOOKING_RATE_LIMIT_PER_MINUTE: '1000' });
    api = new Api(t);
    demo = await loadDemo(t, await t.staffToken('admin'));
    pool = await SlotPool.load(t, demo.gz.id, demo.models['YL-S5']!.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const bookingsOf = (customerToken: string) =>
    api.get('/api/test-drive/bookings', customerToken).then((res) => res.body as TestDriveBooking[]);

  it('answers a retry from the booking that committed when its answer was never stored', async () => {
    const token = await t.customerToken('dev-idem-committed');
    const body = bookingBody(demo, pool.take().startsAt);
    const key = 'idem-committed-0001';
    const first = await createBooking(api, token, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    // What a crash after COMMIT and before the answer is stored leaves: the booking bound, no answer.
    await t.dataSource.query(
      'UPDATE idempotency_keys SET status_code = NULL, response_body = NULL WHERE idempotency_key = ?',
      [key],
    );
    const retry = await createBooking(api, token, body, { 'idempotency-key': key });
    expect([retry.status, (retry.body as TestDriveBooking).id]).toEqual([
      201,
      (first.body as TestDriveBooking).id,
    ]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await bookingsOf(token)).length).toBe(1);
    // The rebuilt answer is stored: the next retry is a plain replay of it.
    const again = await createBooking(api, token, body, { 'idempotency-key': key });
    expect([again.status, (again.body as TestDriveBooking).id]).toEqual([
      201,
      (first.body as TestDriveBooking).id,
    ]);
  });

  it('books once on a retry after a claim that died before committing, once the claim is stale', async () => {
    const token = await t.customerToken('dev-idem-stale');
    const body = bookingBody(demo, pool.take().startsAt);
    // A real first request under another key gives this body's hash and the customer's scope.
    const probe = await createBooking(api, token, body, { 'idempotency-key': 'idem-probe-0001' });
    expect(probe.status).toBe(201);
    const [{ scope, request_hash: hash }] = (await t.dataSource.query(
      'SELECT scope, request_hash FROM idempotency_keys WHERE idempotency_key = ?',
      ['idem-probe-0001'],
    )) as Array<{ scope: string; request_hash: string }>;
    const customerId = Number(/^customer:(\d+):/.exec(scope)![1]);
    const claimRow = (key: string, claimedAt: Date) =>
      t.dataSource.query(
        'INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, status_code, response_body, created_at) VALUES (?, ?, ?, NULL, NULL, ?)',
        [scope, key, hash, dbTime(claimedAt)],
      );

    // The same customer cannot hold one slot twice: free it, as a cancelled first try would be.
    const cancelled = await api.post(
      `/api/test-drive/bookings/${(probe.body as TestDriveBooking).id}/cancel`,
      token,
      { reason: '计划有变' },
    );
    expect(cancelled.status).toBe(200);

    // Fresh claim, nothing committed: another request is still working on it.
    await claimRow('idem-fresh-0001', new Date());
    const busy = await createBooking(api, token, body, { 'idempotency-key': 'idem-fresh-0001' });
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ detail: '相同的请求正在处理中，请稍后查看结果' });

    // A minute-old claim with nothing bound: its process died before committing; the retry books.
    await claimRow('idem-stale-0001', new Date(Date.now() - 60_000));
    const before = await countRows(t, 'SELECT COUNT(*) AS n FROM test_drive_bookings WHERE customer_id = ?', [
      customerId,
    ]);
    const retry = await createBooking(api, token, body, { 'idempotency-key': 'idem-stale-0001' });
    expect(retry.status).toBe(201);
    const replay = await createBooking(api, token, body, { 'idempotency-key': 'idem-stale-0001' });
    expect([replay.status, (replay.body as TestDriveBooking).id]).toEqual([
      201,
      (retry.body as TestDriveBooking).id,
    ]);
    expect(
      await countRows(t, 'SELECT COUNT(*) AS n FROM test_drive_bookings WHERE customer_id = ?', [customerId]),
    ).toBe(before + 1);
  });
});
