import {
  allowedDeliveryActions,
  confirmationDue,
  maskMobile,
  toDateOption,
  type DeliveryActor,
  type DeliverySnapshot,
  type SalesOrder,
} from '@dealer-care/domain';
import type { StaffUserEntity } from '../staff/staff-user.entity.js';
import type { StoreEntity } from '../stores/store.entity.js';
import type { DeliveryConfirmationEntity } from './entities/delivery-confirmation.entity.js';
import type { DeliveryEventEntity } from './entities/delivery-event.entity.js';
import type { SalesOrderEntity } from './entities/sales-order.entity.js';

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Everything an order's answer needs besides the order row itself. */
export interface OrderDetails {
  store: StoreEntity;
  modelName: string;
  consultant: StaffUserEntity | null;
  events: DeliveryEventEntity[];
  confirmations: DeliveryConfirmationEntity[];
  signature: { signedAt: Date; signerName: string } | null;
}

export function toDeliverySnapshot(
  order: SalesOrderEntity,
  timeZone: string,
  confirmations: readonly DeliveryConfirmationEntity[],
): DeliverySnapshot {
  return {
    status: order.status,
    storeId: order.storeId,
    storeTimeZone: timeZone,
    customerId: order.customerId,
    dateOptions: order.dateOptions.map((option) => option.startsAt),
    scheduledAt: order.scheduledAt ? iso(order.scheduledAt) : null,
    checklists: { pdi: order.checklists.pdi, handover: order.checklists.handover },
    confirmations: confirmations.map((entry) => ({
      stage: entry.stage,
      scheduledAt: iso(entry.scheduledAt),
      outcome: entry.outcome,
    })),
  };
}

/** What leaves the server about an order: the mobile masked, the viewer's actions from the one lifecycle function. */
export function toSalesOrderResponse(
  order: SalesOrderEntity,
  details: OrderDetails,
  viewer: DeliveryActor,
  now: Date,
): SalesOrder {
  const { store } = details;
  const snapshot = toDeliverySnapshot(order, store.timeZone, details.confirmations);
  return {
    id: order.id,
    orderNo: order.orderNo,
    storeId: order.storeId,
    storeName: store.name,
    storePhone: store.phone,
    storeAddress: store.address,
    storeTimeZone: store.timeZone,
    customerName: order.customerName,
    mobileMasked: maskMobile(order.customerMobile),
    customerLinked: order.customerId !== null,
    model: { id: order.modelId, name: details.modelName },
    trim: order.trim,
    colour: order.colour,
    vin: order.vin,
    consultant: details.consultant
      ? { id: details.consultant.id, name: details.consultant.displayName, phone: details.consultant.mobile }
      : null,
    promisedFrom: order.promisedFrom,
    promisedTo: order.promisedTo,
    status: order.status,
    dateOptions: order.dateOptions,
    scheduled: order.scheduledAt ? toDateOption(order.scheduledAt, store.timeZone) : null,
    partySize: order.partySize,
    customerNote: order.customerNote,
    delay:
      order.delayReason && order.delayedAt && order.status === 'scheduling'
        ? { reason: order.delayReason, at: iso(order.delayedAt) }
        : null,
    checklists: order.checklists,
    confirmations: details.confirmations.map((entry) => ({
      stage: entry.stage,
      scheduledAt: iso(entry.scheduledAt),
      by: entry.byKind,
      outcome: entry.outcome,
      note: entry.note,
      staffName: entry.staffName,
      at: iso(entry.at),
    })),
    confirmationDue: confirmationDue(snapshot, now),
    handover: details.signature
      ? { signedAt: iso(details.signature.signedAt), signerName: details.signature.signerName }
      : null,
    cancelReason: order.cancelReason,
    createdAt: iso(order.createdAt),
    timeline: details.events.map((event) => ({
      at: iso(event.at),
      actor: event.actorKind,
      actorName: event.actorName,
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
    })),
    allowedActions: allowedDeliveryActions(snapshot, viewer, now),
  };
}
