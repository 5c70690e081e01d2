import {
  DEFAULT_DELIVERY_CHECKLISTS,
  checklistsFromTemplates,
  type DeliveryDateOption,
  type DeliveryTimelineEntry,
  type SalesOrder,
} from '@dealer-care/domain';

/** A date option in Shanghai (UTC+8) for unit tests. */
export function option(localDate: string, localTime: string): DeliveryDateOption {
  const [h, m] = localTime.split(':').map(Number) as [number, number];
  const [y, mo, d] = localDate.split('-').map(Number) as [number, number, number];
  const startsAt = new Date(Date.UTC(y, mo - 1, d, h - 8, m)).toISOString();
  return { startsAt, localDate, localTime };
}

/** The first entry of an order's history: 陈晓明 created it on 2026-11-20 at 10:00 in Shanghai. */
export function created(): DeliveryTimelineEntry {
  return {
    at: '2026-11-20T02:00:00.000Z',
    actor: 'staff',
    actorName: '陈晓明',
    action: 'create',
    fromStatus: null,
    toStatus: 'scheduling',
    note: null,
  };
}

/** An order for unit tests: created 2026-11-20 in Shanghai, waiting for dates to be offered. */
export function order(overrides: Partial<SalesOrder> = {}): SalesOrder {
  return {
    id: 1,
    orderNo: 'SO20261120K7Q2',
    storeId: 1,
    storeName: '云岚汽车广州天河4S店',
    storePhone: '020-12345678',
    storeAddress: '广州市天河区',
    storeTimeZone: 'Asia/Shanghai',
    customerName: '张三',
    mobileMasked: '138****5678',
    customerLinked: false,
    model: { id: 10, name: '云岚 S7' },
    trim: '长续航版',
    colour: '星河蓝',
    vin: null,
    consultant: { id: 7, name: '陈晓明', phone: null },
    promisedFrom: '2026-11-25',
    promisedTo: '2026-12-05',
    status: 'scheduling',
    dateOptions: [],
    scheduled: null,
    partySize: null,
    customerNote: null,
    delay: null,
    checklists: checklistsFromTemplates(DEFAULT_DELIVERY_CHECKLISTS),
    confirmations: [],
    confirmationDue: null,
    handover: null,
    cancelReason: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    timeline: [created()],
    allowedActions: ['offer_dates', 'tick_checklist', 'cancel_order'],
    ...overrides,
  };
}
