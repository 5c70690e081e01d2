import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, DEFAULT_DELIVERY_CHECKLISTS, type SalesOrder } from '@dealer-care/domain';
import { demoSignaturePng } from '../src/database/seed/seed-demo-orders.js';
import { Api, loadDemo, todayInStore, type Demo } from './support/test-drive-fixtures.js';
import { expectProblem, startTestApp, type TestApp } from './support/test-app.js';

const SIGNATURE = `data:image/png;base64,${demoSignaturePng().toString('base64')}`;

/** Mobiles of this file's customers; the demo seed uses 1380013800x. */
let mobileSeq = 0;
const nextMobile = () => `1391234${String(5000 + mobileSeq++).padStart(4, '0')}`;

describe(`deliveries (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let api: Api;
  let demo: Demo;
  const staff: Record<'chen' | 'wang' | 'manager' | 'sz' | 'admin', string> = {
    chen: '',
    wang: '',
    manager: '',
    sz: '',
    admin: '',
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    [staff.chen, staff.wang, staff.manager, staff.sz, staff.admin] = await Promise.all(
      ['gz.chen', 'gz.wang', 'gz.manager', 'sz.manager', 'admin'].map((u) => t.staffToken(u)),
    );
    demo = await loadDemo(t, staff.admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const today = () => todayInStore();
  /** Guangzhou is open every day but two in February: any day ahead at 10:00 can be offered. */
  const day = (ahead: number, time = '10:00') => ({ date: addDays(today(), ahead), time });

  function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const body: Record<string, unknown> = {
      customerName: '李雷',
      customerMobile: nextMobile(),
      modelId: demo.models['YL-X5']!.id,
      trim: '四驱旗舰版',
      colour: '星河蓝',
      promisedFrom: today(),
      promisedTo: addDays(today(), 20),
      ...overrides,
    };
    for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
    return body;
  }

  async function createOrder(
    overrides: Record<string, unknown> = {},
    token = staff.chen,
  ): Promise<SalesOrder> {
    const res = await api.post(`/api/staff/stores/${demo.gz.id}/sales-orders`, token, orderBody(overrides));
    if (res.status !== 201) throw new Error(`Expected 201, got ${res.status} ${res.text}`);
    return res.body as SalesOrder;
  }

  const staffPost = (token: string, id: number, action: string, body: unknown = {}) =>
    api.post(`/api/staff/sales-orders/${id}/${action}`, token, body);
  const customerPost = (token: string, id: number, action: string, body: unknown = {}) =>
    api.post(`/api/deliveries/${id}/${action}`, token, body);

  async function ok(res: { status: number; body: unknown; text?: string }): Promise<SalesOrder> {
    if (res.status !== 200) throw new Error(`Expected 200, got ${res.status} ${res.text}`);
    return res.body as SalesOrder;
  }

  /** An order whose customer has logged in with its phone, so it is linked. */
  async function linkedOrder(name: string, overrides: Record<string, unknown> = {}) {
    const mobile = nextMobile();
    const order = await createOrder({ customerMobile: mobile, ...overrides });
    const token = await t.customerToken(`dev-dl-${name}`, mobile);
    return { order, token, mobile };
  }

  async function tickAll(id: number, kind: 'pdi' | 'handover', token = staff.chen): Promise<SalesOrder> {
    let order!: SalesOrder;
    for (const item of DEFAULT_DELIVERY_CHECKLISTS[kind]) {
      order = await ok(await staffPost(token, id, 'checklist', { kind, key: item.key, done: true }));
    }
    return order;
  }

  async function outbox(id: number): Promise<Array<{ kind: string; data: Record<string, string> }>> {
    const rows = (await t.dataSource.query(
      "SELECT kind, data FROM notification_outbox WHERE subject_type = 'delivery' AND subject_id = ? ORDER BY id",
      [id],
    )) as Array<{ kind: string; data: string }>;
    return rows.map((row) => ({ kind: row.kind, data: JSON.parse(row.data) as Record<string, string> }));
  }

  describe('orders', () => {
    it('records an order with the store’s checklists, masked mobile and a first timeline entry', async () => {
      const order = await createOrder({ vin: 'LSVAU218XN2183294', customerMobile: '13912345678' });
      expect(order).toMatchObject({
        orderNo: expect.stringMatching(/^SO\d{8}[2-9A-Z]{4}$/),
        storeId: demo.gz.id,
        storeName: demo.gz.name,
        customerName: '李雷',
        mobileMasked: '139****5678',
        customerLinked: false,
        model: { id: demo.models['YL-X5']!.id, name: expect.stringContaining('X5') },
        vin: 'LSVAU218XN2183294',
        consultant: { name: '陈晓明' },
        status: 'scheduling',
        dateOptions: [],
        scheduled: null,
        delay: null,
        confirmationDue: null,
        allowedActions: ['offer_dates', 'tick_checklist', 'cancel_order'],
      });
      expect(order.checklists.pdi.map((item) => item.key)).toEqual(
        DEFAULT_DELIVERY_CHECKLISTS.pdi.map((item) => item.key),
      );
      expect(order.checklists.bring.length).toBeGreaterThan(0);
      expect(order.timeline).toEqual([
        expect.objectContaining({
          action: 'create',
          actor: 'staff',
          actorName: '陈晓明',
          toStatus: 'scheduling',
        }),
      ]);
      expect(JSON.stringify(order)).not.toContain('13912345678');
    });

    it('replays a retried create with the same Idempotency-Key and refuses the key with another body', async () => {
      const body = orderBody();
      const path = `/api/staff/stores/${demo.gz.id}/sales-orders`;
      const headers = { 'idempotency-key': 'order-retry-0001' };
      const first = await api.post(path, staff.chen, body, headers);
      const again = await api.post(path, staff.chen, body, headers);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((again.body as SalesOrder).id).toBe((first.body as SalesOrder).id);
      expectProblem(await api.post(path, staff.chen, { ...body, colour: '珍珠白' }, headers), 422);
    });

    it('refuses every bad field with a Chinese field error and creates nothing', async () => {
      const before = (await t.dataSource.query('SELECT COUNT(*) AS n FROM sales_orders')) as Array<{
        n: number;
      }>;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ customerName: '' }, 'customerName'],
        [{ customerMobile: '1234' }, 'customerMobile'],
        [{ customerMobile: undefined }, 'customerMobile'],
        [{ modelId: 'x5' }, 'modelId'],
        [{ modelId: 999_999 }, 'modelId'],
        [{ trim: 'x'.repeat(51) }, 'trim'],
        [{ colour: 42 }, 'colour'],
        [{ vin: 'LSVAU2180N2183295' }, 'vin'],
        [{ vin: 'SHORT' }, 'vin'],
        [{ promisedFrom: '2026-02-30' }, 'promisedFrom'],
        [{ promisedTo: addDays(today(), -30), promisedFrom: addDays(today(), -40) }, 'promisedTo'],
        [{ promisedFrom: addDays(today(), 10), promisedTo: addDays(today(), 5) }, 'promisedTo'],
        [{ surprise: true }, 'surprise'],
      ];
      for (const [overrides, field] of cases) {
        const res = await api.post(
          `/api/staff/stores/${demo.gz.id}/sales-orders`,
          staff.chen,
          orderBody(overrides),
        );
        expectProblem(res, 400, 'validation_failed');
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
        expect(JSON.stringify(res.body)).toMatch(/[\u4e00-\u9fa5]/);
      }
      const after = (await t.dataSource.query('SELECT COUNT(*) AS n FROM sales_orders')) as Array<{
        n: number;
      }>;
      expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    });

    it('lets a manager assign a consultant of the store, but not a consultant or another store’s staff', async () => {
      const users = (await api.get('/api/staff/users', staff.admin)).body as Array<{
        id: number;
        username: string;
      }>;
      const wang = users.find((user) => user.username === 'gz.wang')!.id;
      const liu = users.find((user) => user.username === 'sz.liu')!.id;
      expect((await createOrder({ consultantId: wang }, staff.manager)).consultant?.name).toBe('王丽');
      expectProblem(
        await api.post(
          `/api/staff/stores/${demo.gz.id}/sales-orders`,
          staff.chen,
          orderBody({ consultantId: wang }),
        ),
        403,
      );
      const res = await api.post(
        `/api/staff/stores/${demo.gz.id}/sales-orders`,
        staff.manager,
        orderBody({ consultantId: liu }),
      );
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'consultantId' })]);
      expectProblem(
        await api.post(`/api/staff/stores/${demo.gz.id}/sales-orders`, staff.sz, orderBody()),
        403,
      );
    });

    it('allocates a VIN once: a bad one is 400 and one already used is 409', async () => {
      const order = await createOrder();
      expectProblem(
        await staffPost(staff.chen, order.id, 'vin', { vin: 'LSVAU2180N2183295' }),
        400,
        'validation_failed',
      );
      const vin = 'LFV2A21K5A3042917';
      expect((await ok(await staffPost(staff.chen, order.id, 'vin', { vin: vin.toLowerCase() }))).vin).toBe(
        vin,
      );
      const other = await createOrder();
      expectProblem(await staffPost(staff.chen, other.id, 'vin', { vin }), 409, 'conflict');
    });
  });

  describe('the delivery, end to end', () => {
    it('offers dates, the customer picks one, a delay sends it back, PDI, handover with a signature, delivered', async () => {
      const { order, token } = await linkedOrder('journey');
      const mine = (await api.get('/api/deliveries', token)).body as SalesOrder[];
      expect(mine.map((entry) => entry.id)).toEqual([order.id]);
      expect(mine[0]).toMatchObject({ customerLinked: true, allowedActions: [] });

      const offered = await ok(
        await staffPost(staff.chen, order.id, 'offer-dates', {
          options: [day(6), day(5, '14:30')],
          note: '两个时间任选',
        }),
      );
      expect(offered.dateOptions.map((option) => [option.localDate, option.localTime])).toEqual([
        [addDays(today(), 5), '14:30'],
        [addDays(today(), 6), '10:00'],
      ]);
      const seen = await ok(await api.get(`/api/deliveries/${order.id}`, token));
      expect(seen.allowedActions).toEqual(['choose_date', 'request_other_dates']);

      // Only an offered time can be chosen.
      expectProblem(
        await customerPost(token, order.id, 'choose-date', {
          startsAt: new Date().toISOString(),
          partySize: 2,
        }),
        409,
      );
      const chosen = await ok(
        await customerPost(token, order.id, 'choose-date', {
          startsAt: offered.dateOptions[1]!.startsAt,
          partySize: 3,
          note: '带父母一起来',
        }),
      );
      expect(chosen).toMatchObject({
        status: 'date_confirmed',
        scheduled: { localDate: addDays(today(), 6), localTime: '10:00' },
        partySize: 3,
        customerNote: '带父母一起来',
        dateOptions: [],
      });
      expectProblem(await staffPost(staff.chen, order.id, 'offer-dates', { options: [day(7)] }), 409);
      // The car is not ready: no handover, no "ready" before the PDI list is done.
      expectProblem(
        await staffPost(staff.chen, order.id, 'deliver', { signature: SIGNATURE, signerName: '李雷' }),
        409,
      );
      const notReady = await staffPost(staff.chen, order.id, 'ready');
      expectProblem(notReady, 409);
      expect(notReady.body.detail).toContain('PDI');

      // The store declares a delay: reason and new dates; the old choice is gone.
      expectProblem(
        await staffPost(staff.chen, order.id, 'delay', { options: [day(8)] }),
        400,
        'validation_failed',
      );
      const delayed = await ok(
        await staffPost(staff.chen, order.id, 'delay', {
          reason: '物流延误，车辆晚到两天',
          options: [day(8), day(9)],
        }),
      );
      expect(delayed).toMatchObject({
        status: 'scheduling',
        scheduled: null,
        delay: { reason: '物流延误，车辆晚到两天' },
      });
      const customerSees = await ok(await api.get(`/api/deliveries/${order.id}`, token));
      expect(customerSees.delay?.reason).toBe('物流延误，车辆晚到两天');
      expectProblem(
        await customerPost(token, order.id, 'choose-date', {
          startsAt: chosen.scheduled!.startsAt,
          partySize: 3,
        }),
        409,
      );
      const reconfirmed = await ok(
        await customerPost(token, order.id, 'choose-date', {
          startsAt: delayed.dateOptions[0]!.startsAt,
          partySize: 2,
        }),
      );
      expect(reconfirmed).toMatchObject({ status: 'date_confirmed', delay: null, partySize: 2 });

      // PDI, ready, the handover list and the signature.
      expectProblem(
        await staffPost(staff.chen, order.id, 'checklist', { kind: 'handover', key: 'keys', done: true }),
        409,
      );
      expectProblem(
        await staffPost(staff.chen, order.id, 'checklist', { kind: 'pdi', key: 'no_such_item', done: true }),
        404,
      );
      const pdiDone = await tickAll(order.id, 'pdi');
      expect(pdiDone.checklists.pdi.every((item) => item.done && item.doneByName === '陈晓明')).toBe(true);
      const ready = await ok(await staffPost(staff.chen, order.id, 'ready'));
      expect(ready.status).toBe('ready');
      expectProblem(
        await staffPost(staff.chen, order.id, 'checklist', { kind: 'pdi', key: 'cleaning', done: false }),
        409,
      );
      expectProblem(
        await staffPost(staff.chen, order.id, 'deliver', { signature: SIGNATURE, signerName: '李雷' }),
        409,
      );
      await tickAll(order.id, 'handover');
      for (const signature of [
        'data:image/jpeg;base64,AAAA',
        'data:image/png;base64,AAAA',
        'not a picture',
      ]) {
        const res = await staffPost(staff.chen, order.id, 'deliver', { signature, signerName: '李雷' });
        expectProblem(res, 400, 'validation_failed');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'signature' })]);
      }
      const delivered = await ok(
        await staffPost(staff.chen, order.id, 'deliver', { signature: SIGNATURE, signerName: '李雷' }),
      );
      expect(delivered).toMatchObject({
        status: 'delivered',
        handover: { signerName: '李雷' },
        allowedActions: [],
      });
      const stored = await api.get(`/api/staff/sales-orders/${order.id}/signature`, staff.wang);
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({ signerName: '李雷', image: SIGNATURE });
      expectProblem(await staffPost(staff.chen, order.id, 'cancel', { reason: '交车后不能取消' }), 409);

      expect(delivered.timeline.map((entry) => entry.action)).toEqual([
        'create',
        'offer_dates',
        'choose_date',
        'declare_delay',
        'choose_date',
        'mark_ready',
        'deliver',
      ]);
      expect(delivered.timeline[3]).toMatchObject({ actor: 'staff', note: '物流延误，车辆晚到两天' });
      expect(delivered.timeline[2]).toMatchObject({
        actor: 'customer',
        fromStatus: 'scheduling',
        toStatus: 'date_confirmed',
      });

      const messages = await outbox(order.id);
      expect(messages.map((message) => message.kind)).toEqual([
        'delivery_dates_offered',
        'delivery_delayed',
        'delivery_ready',
      ]);
      expect(messages[0]!.data.time.split('；')).toHaveLength(2);
      expect(messages[1]!.data.remark).toBe('物流延误，车辆晚到两天');
    });

    it('lets the customer ask for other dates with a note, which the store sees', async () => {
      const { order, token } = await linkedOrder('other');
      expectProblem(await customerPost(token, order.id, 'request-other-dates', { note: '周末可以' }), 409);
      await ok(await staffPost(staff.chen, order.id, 'offer-dates', { options: [day(4)] }));
      expectProblem(await customerPost(token, order.id, 'request-other-dates', {}), 400, 'validation_failed');
      const asked = await ok(
        await customerPost(token, order.id, 'request-other-dates', { note: '工作日上班，周末下午方便' }),
      );
      expect(asked).toMatchObject({
        status: 'scheduling',
        dateOptions: [],
        customerNote: '工作日上班，周末下午方便',
      });
      const store = await ok(await api.get(`/api/staff/sales-orders/${order.id}`, staff.wang));
      expect(store.customerNote).toBe('工作日上班，周末下午方便');
      expect(store.timeline.at(-1)).toMatchObject({
        action: 'request_other_dates',
        note: '工作日上班，周末下午方便',
      });
      expect(store.allowedActions).toContain('offer_dates');
    });

    it('records the T-3 confirmation once, by the customer’s tap or the consultant’s call', async () => {
      const { order, token } = await linkedOrder('t3');
      const offered = await ok(await staffPost(staff.chen, order.id, 'offer-dates', { options: [day(2)] }));
      expectProblem(await customerPost(token, order.id, 'confirm-attendance'), 409);
      const confirmed = await ok(
        await customerPost(token, order.id, 'choose-date', {
          startsAt: offered.dateOptions[0]!.startsAt,
          partySize: 1,
        }),
      );
      expect(confirmed.confirmationDue).toEqual({ stage: 'T-3', done: false, lastCallNotReached: false });
      expect(confirmed.allowedActions).toContain('confirm_attendance');

      const tapped = await ok(await customerPost(token, order.id, 'confirm-attendance'));
      expect(tapped.confirmationDue).toEqual({ stage: 'T-3', done: true, lastCallNotReached: false });
      expect(tapped.confirmations).toEqual([
        expect.objectContaining({ stage: 'T-3', by: 'customer', outcome: 'confirmed', staffName: null }),
      ]);
      expectProblem(await customerPost(token, order.id, 'confirm-attendance'), 409);
      expectProblem(await staffPost(staff.chen, order.id, 'calls', { outcome: 'confirmed' }), 409);
    });

    it('logs T-1 calls that did not reach the customer until one does', async () => {
      const { order, token } = await linkedOrder('t1');
      const offered = await ok(
        await staffPost(staff.chen, order.id, 'offer-dates', { options: [day(1, '16:00')] }),
      );
      await ok(
        await customerPost(token, order.id, 'choose-date', {
          startsAt: offered.dateOptions[0]!.startsAt,
          partySize: 1,
        }),
      );
      expectProblem(
        await staffPost(staff.chen, order.id, 'calls', { outcome: 'maybe' }),
        400,
        'validation_failed',
      );
      const missed = await ok(
        await staffPost(staff.chen, order.id, 'calls', { outcome: 'not_reached', note: '无人接听' }),
      );
      expect(missed.confirmationDue).toEqual({ stage: 'T-1', done: false, lastCallNotReached: true });
      const reached = await ok(await staffPost(staff.wang, order.id, 'calls', { outcome: 'confirmed' }));
      expect(reached.confirmationDue).toEqual({ stage: 'T-1', done: true, lastCallNotReached: false });
      expect(reached.confirmations.map((entry) => [entry.by, entry.outcome, entry.staffName])).toEqual([
        ['staff', 'not_reached', '陈晓明'],
        ['staff', 'confirmed', '王丽'],
      ]);
      // The customer asks for another day: the confirmations of the old date no longer count.
      const moved = await ok(
        await customerPost(token, order.id, 'request-other-dates', { note: '明天临时出差' }),
      );
      expect(moved.confirmationDue).toBeNull();
    });

    it('refuses offered dates outside opening hours, in the past, duplicated or more than three', async () => {
      const order = await createOrder();
      const cases = [
        { options: [] },
        { options: [day(1), day(2), day(3), day(4)] },
        { options: [day(2, '07:00')] },
        { options: [day(-1)] },
        { options: [day(2), day(2)] },
        { options: [{ date: '2026-13-01', time: '10:00' }] },
        { options: [{ date: addDays(today(), 2), time: '25:00' }] },
        { options: 'tomorrow' },
      ];
      for (const body of cases) {
        const res = await staffPost(staff.chen, order.id, 'offer-dates', body);
        expectProblem(res, 400, 'validation_failed');
        expect(res.body.errors?.[0]?.field).toMatch(/^options/);
      }
      expect(
        (await ok(await api.get(`/api/staff/sales-orders/${order.id}`, staff.chen))).dateOptions,
      ).toEqual([]);
    });

    it('refuses a bad choice, note or call and changes nothing', async () => {
      const { order, token } = await linkedOrder('bad');
      const offered = await ok(await staffPost(staff.chen, order.id, 'offer-dates', { options: [day(4)] }));
      const startsAt = offered.dateOptions[0]!.startsAt;
      const choices: Array<[Record<string, unknown>, string]> = [
        [{ startsAt, partySize: 0 }, 'partySize'],
        [{ startsAt, partySize: 11 }, 'partySize'],
        [{ startsAt, partySize: 'two' }, 'partySize'],
        [{ startsAt, partySize: 1.5 }, 'partySize'],
        [{ partySize: 2 }, 'startsAt'],
        [{ startsAt: 'tomorrow', partySize: 2 }, 'startsAt'],
        [{ startsAt, partySize: 2, note: 'x'.repeat(201) }, 'note'],
        [{ startsAt, partySize: 2, surprise: 1 }, 'surprise'],
      ];
      for (const [body, field] of choices) {
        const res = await customerPost(token, order.id, 'choose-date', body);
        expectProblem(res, 400, 'validation_failed');
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      expectProblem(await customerPost(token, order.id, 'confirm-attendance', { stage: 'T-3' }), 400);
      expectProblem(
        await customerPost(token, order.id, 'request-other-dates', { note: 'x'.repeat(201) }),
        400,
      );
      expectProblem(
        await staffPost(staff.chen, order.id, 'checklist', { kind: 'bring', key: 'id_card', done: true }),
        400,
      );
      expectProblem(
        await staffPost(staff.chen, order.id, 'checklist', { kind: 'pdi', key: 'pdi', done: 'yes' }),
        400,
      );
      expectProblem(await staffPost(staff.chen, order.id, 'ready', { now: true }), 400);
      expectProblem(await staffPost(staff.chen, order.id, 'cancel', { reason: ' ' }), 400);
      const unchanged = await ok(await api.get(`/api/deliveries/${order.id}`, token));
      expect(unchanged).toMatchObject({
        status: 'scheduling',
        dateOptions: offered.dateOptions,
        customerNote: null,
      });
      expect(unchanged.checklists.pdi.every((item) => !item.done)).toBe(true);
    });

    it('writes no message for an order no WeChat customer is linked to yet', async () => {
      const order = await createOrder();
      await ok(await staffPost(staff.chen, order.id, 'offer-dates', { options: [day(3)] }));
      expect(await outbox(order.id)).toEqual([]);
    });
  });

  describe('who sees what', () => {
    it('shows a customer only their own orders, and another’s as not found', async () => {
      const { order } = await linkedOrder('owner');
      const stranger = await t.customerToken('dev-dl-stranger', nextMobile());
      expect((await api.get('/api/deliveries', stranger)).body).toEqual([]);
      expectProblem(await api.get(`/api/deliveries/${order.id}`, stranger), 404, 'not_found');
      await ok(await staffPost(staff.chen, order.id, 'offer-dates', { options: [day(3)] }));
      const offered = await ok(await api.get(`/api/staff/sales-orders/${order.id}`, staff.chen));
      expectProblem(
        await customerPost(stranger, order.id, 'choose-date', {
          startsAt: offered.dateOptions[0]!.startsAt,
          partySize: 1,
        }),
        404,
      );
      const noPhone = await t.customerToken('dev-dl-nophone');
      expectProblem(await api.get(`/api/deliveries/${order.id}`, noPhone), 404);
      expectProblem(await api.get('/api/staff/sales-orders/1', noPhone), 403);
      expectProblem(await api.get('/api/deliveries', staff.chen), 403);
      expectProblem(await api.get('/api/deliveries'), 401);
    });

    it('keeps a store’s orders to its own staff (and admins)', async () => {
      const order = await createOrder();
      expectProblem(await api.get(`/api/staff/sales-orders/${order.id}`, staff.sz), 404, 'not_found');
      expectProblem(
        await staffPost(staff.sz, order.id, 'offer-dates', { options: [day(3)] }),
        404,
        'not_found',
      );
      expectProblem(await api.get(`/api/staff/stores/${demo.gz.id}/sales-orders`, staff.sz), 403);
      expect((await api.get(`/api/staff/sales-orders/${order.id}`, staff.admin)).status).toBe(200);
      expectProblem(
        await api.get(`/api/staff/sales-orders/${order.id}/signature`, staff.sz),
        404,
        'not_found',
      );
      expectProblem(
        await api.get(`/api/staff/sales-orders/${order.id}/signature`, staff.chen),
        404,
        'not_found',
      );
      expectProblem(
        await staffPost(staff.sz, order.id, 'vin', { vin: '1HGCM82633A004352' }),
        404,
        'not_found',
      );
      expectProblem(await staffPost(staff.sz, order.id, 'cancel', { reason: '别店取消' }), 404, 'not_found');
      expectProblem(await api.get(`/api/staff/stores/${demo.gz.id}/delivery-checklists`, staff.sz), 403);
      const customer = await t.customerToken('dev-dl-nosy', nextMobile());
      expectProblem(await api.get(`/api/staff/stores/${demo.gz.id}/delivery-checklists`, customer), 403);
      expectProblem(await api.get(`/api/staff/sales-orders/${order.id}/signature`, customer), 403);
      expectProblem(await staffPost(customer, order.id, 'offer-dates', { options: [day(3)] }), 403);
      expectProblem(await api.get('/api/staff/sales-orders/abc', staff.chen), 400);
      expectProblem(await api.get('/api/staff/sales-orders/999999', staff.chen), 404);
    });

    it('lists the store’s week: orders waiting for a date and those scheduled in the range', async () => {
      const waiting = await createOrder();
      const { order: soon, token } = await linkedOrder('week');
      const offered = await ok(await staffPost(staff.chen, soon.id, 'offer-dates', { options: [day(3)] }));
      await ok(
        await customerPost(token, soon.id, 'choose-date', {
          startsAt: offered.dateOptions[0]!.startsAt,
          partySize: 1,
        }),
      );
      const path = `/api/staff/stores/${demo.gz.id}/sales-orders`;
      const week = (await api.get(path, staff.chen)).body as SalesOrder[];
      const ids = week.map((order) => order.id);
      expect(ids).toEqual(expect.arrayContaining([waiting.id, soon.id]));
      const later = (await api.get(path, staff.chen, { from: addDays(today(), 7), days: 7 }))
        .body as SalesOrder[];
      expect(later.map((order) => order.id)).toContain(waiting.id);
      expect(later.map((order) => order.id)).not.toContain(soon.id);
      expectProblem(await api.get(path, staff.chen, { from: '2026-02-30' }), 400);
      expectProblem(await api.get(path, staff.chen, { days: 99 }), 400);
    });

    it('lets managers edit the store’s checklists, used by orders created afterwards', async () => {
      const path = `/api/staff/stores/${demo.gz.id}/delivery-checklists`;
      expect((await api.get(path, staff.chen)).body).toEqual(DEFAULT_DELIVERY_CHECKLISTS);
      const edited = {
        ...DEFAULT_DELIVERY_CHECKLISTS,
        pdi: [...DEFAULT_DELIVERY_CHECKLISTS.pdi, { key: 'film', label: '贴膜完成' }],
      };
      expectProblem(await api.put(path, staff.chen, edited), 403);
      expectProblem(await api.put(path, staff.sz, edited), 403);
      const bad = await api.put(path, staff.manager, { ...edited, handover: [{ key: 'Keys!', label: '' }] });
      expectProblem(bad, 400, 'validation_failed');
      expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'handover.0.key',
        'handover.0.label',
      ]);
      expectProblem(await api.put(path, staff.manager, { pdi: [] }), 400);
      const saved = await api.put(path, staff.manager, edited);
      expect(saved.status).toBe(200);
      expect(saved.body.pdi.at(-1)).toEqual({ key: 'film', label: '贴膜完成' });
      const order = await createOrder();
      expect(order.checklists.pdi.map((item) => item.key)).toContain('film');
      await api.put(path, staff.manager, DEFAULT_DELIVERY_CHECKLISTS);
    });
  });
});
