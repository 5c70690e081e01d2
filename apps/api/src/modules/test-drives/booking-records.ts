import type { BookingAction, BookingStatus } from '@dealer-care/domain';
import type { EntityManager } from 'typeorm';
import { rawInstant } from '../../database/raw-instant.js';
import type { BookingEventRecord, BookingRecord } from './booking.mapper.js';
import { TestDriveBookingEventEntity } from './entities/test-drive-booking-event.entity.js';
import { TestDriveBookingEntity } from './entities/test-drive-booking.entity.js';

/** A datetime column as read raw; null stays null. */
const instantOrNull = (value: Date | string | null): Date | null =>
  value === null ? null : rawInstant(value);

const BOOKING_COLUMNS = [
  'id',
  'reference',
  'storeId',
  'modelId',
  'customerId',
  'startsAt',
  'endsAt',
  'status',
  'customerName',
  'mobile',
  'licenceMasked',
  'note',
  'consentVersion',
  'consentAcceptedAt',
  'proposalStartsAt',
  'proposalEndsAt',
  'proposalNote',
  'proposedAt',
  'rescheduleCount',
  'closingReason',
  'createdAt',
  'updatedAt',
] as const;

const EVENT_COLUMNS = [
  'id',
  'bookingId',
  'at',
  'actorKind',
  'actorName',
  'action',
  'fromStatus',
  'toStatus',
  'reason',
  'startsAt',
] as const;

type Raw = Record<string, unknown>;

/**
 * A store's bookings starting in [from, to), optionally of one status, read as plain rows with
 * their model, car and consultant, and with their events. This is the portal's day list, its most
 * frequent read: building entities with four relations for it was most of its cost (issue 7's
 * profile), and the response needs none of their behaviour. The store is the caller's (cached).
 */
export async function storeBookingRecords(
  manager: EntityManager,
  query: {
    store: { id: number; name: string; phone: string; timeZone: string };
    from: Date;
    to: Date;
    status?: BookingStatus;
  },
): Promise<{ bookings: BookingRecord[]; events: BookingEventRecord[] }> {
  const select = manager
    .createQueryBuilder(TestDriveBookingEntity, 'b')
    .leftJoin('b.model', 'm')
    .leftJoin('b.car', 'c')
    .leftJoin('b.consultant', 's')
    .select(BOOKING_COLUMNS.map((column) => `b.${column} AS ${column}`))
    .addSelect(['m.brand AS modelBrand', 'm.name AS modelName'])
    .addSelect(['c.id AS carId', 'c.plate AS carPlate'])
    .addSelect(['s.id AS consultantId', 's.displayName AS consultantName'])
    .where('b.storeId = :storeId AND b.startsAt >= :from AND b.startsAt < :to', {
      storeId: query.store.id,
      from: query.from,
      to: query.to,
    })
    .orderBy('b.startsAt', 'ASC')
    .addOrderBy('b.id', 'ASC');
  if (query.status) select.andWhere('b.status = :status', { status: query.status });
  const rows = await select.getRawMany<Raw>();
  if (rows.length === 0) return { bookings: [], events: [] };

  const eventRows = await manager
    .createQueryBuilder(TestDriveBookingEventEntity, 'e')
    .select(EVENT_COLUMNS.map((column) => `e.${column} AS ${column}`))
    .where('e.bookingId IN (:...ids)', { ids: rows.map((row) => Number(row.id)) })
    .getRawMany<Raw>();

  const { store } = query;
  const bookings = rows.map((row): BookingRecord => ({
    id: Number(row.id),
    reference: row.reference as string,
    storeId: Number(row.storeId),
    modelId: Number(row.modelId),
    customerId: Number(row.customerId),
    startsAt: rawInstant(row.startsAt as Date | string),
    endsAt: rawInstant(row.endsAt as Date | string),
    status: row.status as BookingStatus,
    customerName: row.customerName as string,
    mobile: row.mobile as string,
    licenceMasked: row.licenceMasked as string,
    note: (row.note as string | null) ?? null,
    consentVersion: row.consentVersion as string,
    consentAcceptedAt: rawInstant(row.consentAcceptedAt as Date | string),
    proposalStartsAt: instantOrNull(row.proposalStartsAt as Date | string | null),
    proposalEndsAt: instantOrNull(row.proposalEndsAt as Date | string | null),
    proposalNote: (row.proposalNote as string | null) ?? null,
    proposedAt: instantOrNull(row.proposedAt as Date | string | null),
    rescheduleCount: Number(row.rescheduleCount),
    closingReason: (row.closingReason as string | null) ?? null,
    createdAt: rawInstant(row.createdAt as Date | string),
    updatedAt: rawInstant(row.updatedAt as Date | string),
    store: { name: store.name, phone: store.phone, timeZone: store.timeZone },
    model: row.modelName === null ? null : { brand: row.modelBrand as string, name: row.modelName as string },
    car: row.carId === null ? null : { id: Number(row.carId), plate: row.carPlate as string },
    consultant:
      row.consultantId === null
        ? null
        : { id: Number(row.consultantId), displayName: row.consultantName as string },
  }));
  const events = eventRows.map((row): BookingEventRecord => ({
    id: Number(row.id),
    bookingId: Number(row.bookingId),
    at: rawInstant(row.at as Date | string),
    actorKind: row.actorKind as BookingEventRecord['actorKind'],
    actorName: (row.actorName as string | null) ?? null,
    action: row.action as BookingAction | 'create',
    fromStatus: (row.fromStatus as BookingStatus | null) ?? null,
    toStatus: row.toStatus as BookingStatus,
    reason: (row.reason as string | null) ?? null,
    startsAt: instantOrNull(row.startsAt as Date | string | null),
  }));
  return { bookings, events };
}
