import { crc32, deflateSync } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  checklistsFromTemplates,
  DEFAULT_DELIVERY_CHECKLISTS,
  generateOrderNumber,
  localDateIn,
  periodsOn,
  isClosedDate,
  toDateOption,
  vinCheckDigit,
  weekdayOf,
  zonedToUtc,
  type ChecklistItem,
  type DeliveryAction,
  type DeliveryStatus,
  type StoreSchedule,
} from '@dealer-care/domain';
import { DeliveryConfirmationEntity } from '../../modules/deliveries/entities/delivery-confirmation.entity.js';
import { DeliveryEventEntity } from '../../modules/deliveries/entities/delivery-event.entity.js';
import { DeliverySignatureEntity } from '../../modules/deliveries/entities/delivery-signature.entity.js';
import { newDeliveryState, SalesOrderEntity } from '../../modules/deliveries/entities/sales-order.entity.js';
import { createSurveyInvitation } from '../../modules/surveys/create-survey-invitation.js';
import { modelSubject } from '../../modules/vehicle-models/model-subject.js';
import { DEMO_ORDERS, DEMO_STORES, type DemoOrder } from './demo-data.js';

export interface DemoIds {
  stores: Map<string, number>;
  models: Map<string, number>;
  staff: Map<string, { id: number; name: string }>;
}

const MS_PER_DAY = 86_400_000;

function scheduleOf(code: string): StoreSchedule {
  const store = DEMO_STORES.find((candidate) => candidate.code === code)!;
  return {
    timeZone: store.timeZone,
    openingHours: store.hours,
    closedDates: store.closedDates.map((closed) => closed.date),
  };
}

/** The first open day at `daysAhead` or, if the store is closed then, the nearest open day before or after. */
function openDay(schedule: StoreSchedule, today: string, daysAhead: number): string {
  for (const offset of [0, -1, 1, 2, 3]) {
    const date = addDays(today, daysAhead + offset);
    if (
      !isClosedDate(schedule.closedDates, date) &&
      periodsOn(schedule.openingHours, weekdayOf(date)).length > 0
    ) {
      return date;
    }
  }
  return addDays(today, daysAhead);
}

const ticked = (items: ChecklistItem[], name: string, at: Date, count = items.length): ChecklistItem[] =>
  items.map((item, index) =>
    index < count ? { ...item, done: true, doneAt: at.toISOString(), doneByName: name } : item,
  );

/** A small white PNG with a drawn stroke, standing in for a customer's signature. */
export function demoSignaturePng(width = 360, height = 120): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width, 255);
    row[0] = 0;
    for (let x = 40; x < width - 40; x++) {
      const wave = Math.round(height / 2 + Math.sin(x / 18) * (height / 5));
      if (Math.abs(y - wave) <= 1) row[1 + x] = 20;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Demo orders in every delivery state, dated around `now` so the week view, the T-3/T-1 calls
 * and the customer's choices are live on the day the demo starts.
 */
export async function seedDemoOrders(manager: EntityManager, ids: DemoIds, now: Date): Promise<void> {
  for (const demo of DEMO_ORDERS) await seedOrder(manager, ids, demo, now);
}

async function seedOrder(manager: EntityManager, ids: DemoIds, demo: DemoOrder, now: Date): Promise<void> {
  const schedule = scheduleOf(demo.storeCode);
  const tz = schedule.timeZone;
  const today = localDateIn(tz, now);
  const consultant = ids.staff.get(demo.consultant)!;
  const at = (date: string, time: string) => toDateOption(zonedToUtc(date, time, tz), tz);
  const daysAgo = (days: number) => new Date(now.getTime() - days * MS_PER_DAY);
  const lists = checklistsFromTemplates(DEFAULT_DELIVERY_CHECKLISTS);
  const vin = demo.vinStem ? demo.vinStem.replace('?', vinCheckDigit(demo.vinStem.replace('?', '0'))) : null;

  const order = manager.create(SalesOrderEntity, {
    orderNo: generateOrderNumber(addDays(today, -10)),
    storeId: ids.stores.get(demo.storeCode)!,
    customerId: null,
    customerName: demo.customerName,
    customerMobile: demo.mobile,
    modelId: ids.models.get(demo.modelCode)!,
    trim: demo.trim,
    colour: demo.colour,
    vin,
    consultantId: consultant.id,
    promisedFrom: addDays(today, -3),
    promisedTo: addDays(today, 14),
    ...newDeliveryState(lists),
  });
  const steps: Array<{
    action: DeliveryAction | 'create';
    by: 'staff' | 'customer';
    to: DeliveryStatus;
    note?: string;
    daysAgo: number;
  }> = [{ action: 'create', by: 'staff', to: 'scheduling', daysAgo: 10 }];
  const schedule_ = (date: string, time: string, party: number) => {
    const option = at(date, time);
    order.scheduledAt = new Date(option.startsAt);
    order.scheduledDate = option.localDate;
    order.partySize = party;
  };
  const offer = (days: number[]) =>
    days.map((ahead, index) => at(openDay(schedule, today, ahead), index % 2 ? '14:30' : '10:00'));

  switch (demo.state) {
    case 'new':
      break;
    case 'offered':
      order.dateOptions = offer([4, 6]);
      steps.push({ action: 'offer_dates', by: 'staff', to: 'scheduling', daysAgo: 1 });
      break;
    case 'other_dates_requested':
      order.customerNote = '工作日都要上班，最好安排在周末下午';
      steps.push(
        { action: 'offer_dates', by: 'staff', to: 'scheduling', daysAgo: 3 },
        {
          action: 'request_other_dates',
          by: 'customer',
          to: 'scheduling',
          note: order.customerNote,
          daysAgo: 2,
        },
      );
      break;
    case 'delayed':
      order.dateOptions = offer([5, 7]);
      order.delayReason = '物流延误，车辆预计晚到三天';
      order.delayedAt = daysAgo(0.2);
      order.checklists = { ...lists, pdi: ticked(lists.pdi, consultant.name, daysAgo(3), 2) };
      steps.push(
        { action: 'offer_dates', by: 'staff', to: 'scheduling', daysAgo: 6 },
        { action: 'choose_date', by: 'customer', to: 'date_confirmed', daysAgo: 5 },
        { action: 'declare_delay', by: 'staff', to: 'scheduling', note: order.delayReason, daysAgo: 0.2 },
      );
      break;
    case 'confirmed_t3':
      order.status = 'date_confirmed';
      schedule_(openDay(schedule, today, 3), '10:00', 2);
      order.checklists = { ...lists, pdi: ticked(lists.pdi, consultant.name, daysAgo(1), 3) };
      steps.push(
        { action: 'offer_dates', by: 'staff', to: 'scheduling', daysAgo: 5 },
        { action: 'choose_date', by: 'customer', to: 'date_confirmed', daysAgo: 4 },
      );
      break;
    case 'confirmed_t1':
      order.status = 'date_confirmed';
      schedule_(openDay(schedule, today, 1), '15:00', 3);
      order.checklists = { ...lists, pdi: ticked(lists.pdi, consultant.name, daysAgo(1), 5) };
      steps.push(
        { action: 'offer_dates', by: 'staff', to: 'scheduling', daysAgo: 6 },
        { action: 'choose_date', by: 'customer', to: 'date_confirmed', daysAgo: 5 },
        { action: 'record_call', by: 'staff', to: 'date_confirmed', note: 'T-3 确认按时到店', daysAgo: 2 },
      );
      break;
    case 'ready':
      order.status = 'ready';
      schedule_(openDay(schedule, today, 1), '10:30', 2);
      order.checklists = { ...lists, pdi: ticked(lists.pdi, consultant.name, daysAgo(1)) };
      steps.push(
        { action: 'offer_dates', by: 'staff', to: 'scheduling', daysAgo: 7 },
        { action: 'choose_date', by: 'customer', to: 'date_confirmed', daysAgo: 6 },
        { action: 'mark_ready', by: 'staff', to: 'ready', daysAgo: 0.5 },
      );
      break;
    case 'delivered':
      order.status = 'delivered';
      schedule_(addDays(today, -3), '10:00', 2);
      order.checklists = {
        ...lists,
        pdi: ticked(lists.pdi, consultant.name, daysAgo(4)),
        handover: ticked(lists.handover, consultant.name, daysAgo(3)),
      };
      order.deliveredAt = daysAgo(3);
      steps.push(
        { action: 'offer_dates', by: 'staff', to: 'scheduling', daysAgo: 9 },
        { action: 'choose_date', by: 'customer', to: 'date_confirmed', daysAgo: 8 },
        { action: 'mark_ready', by: 'staff', to: 'ready', daysAgo: 4 },
        { action: 'deliver', by: 'staff', to: 'delivered', note: `签收人：${demo.customerName}`, daysAgo: 3 },
      );
      break;
    case 'cancelled':
      order.status = 'cancelled';
      order.cancelReason = '客户家庭原因取消购车，定金已按合同处理';
      steps.push({
        action: 'cancel_order',
        by: 'staff',
        to: 'cancelled',
        note: order.cancelReason,
        daysAgo: 1,
      });
      break;
  }
  await manager.save(order);

  let from: DeliveryStatus | null = null;
  for (const step of steps) {
    await manager.insert(DeliveryEventEntity, {
      orderId: order.id,
      at: daysAgo(step.daysAgo),
      actorKind: step.by,
      actorId: step.by === 'staff' ? consultant.id : 0,
      actorName: step.by === 'staff' ? consultant.name : demo.customerName,
      action: step.action,
      fromStatus: from,
      toStatus: step.to,
      note: step.note ?? null,
    });
    from = step.to;
  }
  if (demo.state === 'confirmed_t1') {
    await manager.insert(DeliveryConfirmationEntity, {
      orderId: order.id,
      stage: 'T-3',
      scheduledAt: order.scheduledAt!,
      byKind: 'staff',
      outcome: 'confirmed',
      note: '客户确认周末带家人一起来',
      staffName: consultant.name,
      at: daysAgo(2),
    });
  }
  if (demo.state === 'delivered') {
    await manager.insert(DeliverySignatureEntity, {
      orderId: order.id,
      image: demoSignaturePng(),
      signerName: demo.customerName,
      signedAt: daysAgo(3),
    });
    // The delivery owes its buyer the 购车满意度调查, as a live handover does; it goes out when
    // the customer first looks (the dispatcher links the order by the bound phone).
    const store = DEMO_STORES.find((s) => s.code === demo.storeCode)!;
    await createSurveyInvitation(manager, {
      type: 'order_delivered',
      id: order.id,
      at: daysAgo(3),
      store: { id: order.storeId, name: store.name, timeZone: tz },
      consultantId: consultant.id,
      customerId: null,
      customerName: demo.customerName,
      customerMobile: demo.mobile,
      what: await modelSubject(manager, '交车', order.modelId),
    });
  }
}
