import { expect, type APIRequestContext } from '@playwright/test';
import { staffLoginToken, STORE } from './test-drive-setup';

/**
 * Brings an order to "date confirmed" through the real API, for journeys that start after the
 * customer has picked the delivery date (the delivery journey itself drives those screens).
 */
export interface ConfirmedDelivery {
  orderId: number;
  storeId: number;
  /** Store-local delivery date, YYYY-MM-DD. */
  deliveryDate: string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Store-local (Asia/Shanghai) date `days` from today. */
export function shanghaiDate(days: number, from = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(from + days * 86_400_000),
  );
}

/** The instant of a Shanghai wall-clock time (the store's zone; no daylight saving). */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

export async function confirmedDelivery(
  request: APIRequestContext,
  customer: { devUser: string; name: string; mobile: string },
  daysAhead: number,
): Promise<ConfirmedDelivery> {
  const staffToken = await staffLoginToken(request, 'gz.chen');
  const stores = await json<Array<{ id: number; name: string }>>(await request.get('/api/stores'));
  const models = await json<Array<{ id: number; name: string }>>(await request.get('/api/vehicle-models'));
  const storeId = stores.find((s) => s.name === STORE)!.id;
  const modelId = models.find((m) => m.name.includes('X5'))!.id;
  const deliveryDate = shanghaiDate(daysAhead);

  const order = await json<{ id: number }>(
    await request.post(`/api/staff/stores/${storeId}/sales-orders`, {
      headers: { ...bearer(staffToken), 'idempotency-key': `e2e-order-${customer.mobile}` },
      data: {
        customerName: customer.name,
        customerMobile: customer.mobile,
        modelId,
        trim: '四驱旗舰版',
        colour: '星河蓝',
        promisedFrom: shanghaiDate(0),
        promisedTo: shanghaiDate(daysAhead + 10),
      },
    }),
  );
  const offered = await json<{ dateOptions: Array<{ startsAt: string }> }>(
    await request.post(`/api/staff/sales-orders/${order.id}/offer-dates`, {
      headers: bearer(staffToken),
      data: { options: [{ date: deliveryDate, time: '10:00' }] },
    }),
  );

  // The customer logs in with the order's phone (which links the order) and picks the date.
  const session = await json<{ accessToken: string }>(
    await request.post('/api/auth/dev/login', {
      data: { devUser: customer.devUser, mobile: customer.mobile },
    }),
  );
  await json(await request.get('/api/deliveries', { headers: bearer(session.accessToken) }));
  await json(
    await request.post(`/api/deliveries/${order.id}/choose-date`, {
      headers: bearer(session.accessToken),
      data: { startsAt: offered.dateOptions[0]!.startsAt, partySize: 2 },
    }),
  );
  return { orderId: order.id, storeId, deliveryDate };
}

/** Moves the API's follow-up clock (development only); `null` puts it back to real time. */
export async function setApiClock(request: APIRequestContext, at: Date | null): Promise<void> {
  const response = at
    ? await request.put('/api/dev/clock', { data: { at: at.toISOString() } })
    : await request.delete('/api/dev/clock');
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(true);
}
