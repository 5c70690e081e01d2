import {
  allowedBookingActions,
  maskMobile,
  modelDisplayName,
  type BookingActor,
  type BookingPolicy,
  type BookingSnapshot,
  type TestDriveBooking,
} from '@dealer-care/domain';
import type { TestDriveBookingEventEntity } from './entities/test-drive-booking-event.entity.js';
import type { TestDriveBookingEntity } from './entities/test-drive-booking.entity.js';

const iso = (value: Date | string): string => new Date(value).toISOString();

/** What the response is made of: a booking entity with its relations, or the same read raw. */
export type BookingRecord = Pick<
  TestDriveBookingEntity,
  | 'id'
  | 'reference'
  | 'storeId'
  | 'modelId'
  | 'customerId'
  | 'startsAt'
  | 'endsAt'
  | 'status'
  | 'customerName'
  | 'mobile'
  | 'licenceMasked'
  | 'note'
  | 'consentVersion'
  | 'consentAcceptedAt'
  | 'proposalStartsAt'
  | 'proposalEndsAt'
  | 'proposalNote'
  | 'proposedAt'
  | 'rescheduleCount'
  | 'closingReason'
  | 'createdAt'
  | 'updatedAt'
> & {
  store?: { name: string; phone: string; timeZone: string } | null;
  model?: { brand: string; name: string } | null;
  car?: { id: number; plate: string } | null;
  consultant?: { id: number; displayName: string } | null;
};

export type BookingEventRecord = Pick<
  TestDriveBookingEventEntity,
  | 'id'
  | 'bookingId'
  | 'at'
  | 'actorKind'
  | 'actorName'
  | 'action'
  | 'fromStatus'
  | 'toStatus'
  | 'reason'
  | 'startsAt'
>;

export function toSnapshot(booking: BookingRecord): BookingSnapshot {
  return {
    status: booking.status,
    startsAt: iso(booking.startsAt),
    endsAt: iso(booking.endsAt),
    storeId: booking.storeId,
    customerId: booking.customerId,
    rescheduleCount: booking.rescheduleCount,
    proposal: booking.proposalStartsAt ? { startsAt: iso(booking.proposalStartsAt) } : null,
  };
}

/**
 * What leaves the server about a booking: mobile and licence only masked, the actions the viewer
 * may take computed by the one lifecycle function, and the timeline.
 */
export function toBookingResponse(
  booking: BookingRecord,
  events: BookingEventRecord[],
  viewer: BookingActor,
  policy: BookingPolicy,
  now: Date,
): TestDriveBooking {
  return {
    id: booking.id,
    reference: booking.reference,
    storeId: booking.storeId,
    storeName: booking.store?.name ?? '',
    storePhone: booking.store?.phone ?? '',
    storeTimeZone: booking.store?.timeZone ?? 'Asia/Shanghai',
    modelId: booking.modelId,
    modelName: booking.model ? modelDisplayName(booking.model) : '',
    startsAt: iso(booking.startsAt),
    endsAt: iso(booking.endsAt),
    status: booking.status,
    customerName: booking.customerName,
    mobileMasked: maskMobile(booking.mobile),
    licenceMasked: booking.licenceMasked,
    note: booking.note,
    consentVersion: booking.consentVersion,
    consentAcceptedAt: iso(booking.consentAcceptedAt),
    car: booking.car ? { id: booking.car.id, plate: booking.car.plate } : null,
    consultant: booking.consultant
      ? { id: booking.consultant.id, displayName: booking.consultant.displayName }
      : null,
    proposal:
      booking.proposalStartsAt && booking.proposalEndsAt
        ? {
            startsAt: iso(booking.proposalStartsAt),
            endsAt: iso(booking.proposalEndsAt),
            note: booking.proposalNote,
            proposedAt: iso(booking.proposedAt ?? booking.updatedAt),
          }
        : null,
    rescheduleCount: booking.rescheduleCount,
    closingReason: booking.closingReason,
    allowedActions: allowedBookingActions(toSnapshot(booking), viewer, policy, now),
    timeline: events
      .slice()
      .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || a.id - b.id)
      .map((event) => ({
        at: iso(event.at),
        actor: event.actorKind,
        actorName: event.actorKind === 'staff' ? event.actorName : null,
        action: event.action,
        from: event.fromStatus,
        to: event.toStatus,
        reason: event.reason,
        startsAt: event.startsAt ? iso(event.startsAt) : null,
      })),
    createdAt: iso(booking.createdAt),
  };
}
