import { messageFallbackDueAt, needsFallbackCall, nextStoreOpening } from '@dealer-care/domain';
import type { EntityManager } from 'typeorm';
import { SalesOrderEntity } from '../deliveries/entities/sales-order.entity.js';
import { FollowUpTaskEntity } from '../follow-ups/entities/follow-up-task.entity.js';
import { ProspectEntity } from '../prospects/entities/prospect.entity.js';
import { ensureProspect } from '../prospects/ensure-prospect.js';
import { StoreEntity } from '../stores/store.entity.js';
import { toStoreSchedule } from '../stores/store-schedule.js';
import { TestDriveBookingEntity } from '../test-drives/entities/test-drive-booking.entity.js';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';

interface MessageSubject {
  consultantId: number | null;
  customerName: string;
  phone: string;
}

/** Who the message was about and their consultant, from the booking or order it tells of. */
async function subjectOf(
  manager: EntityManager,
  row: NotificationOutboxEntity,
): Promise<MessageSubject | null> {
  if (row.subjectType === 'test_drive_booking') {
    const booking = await manager.findOneBy(TestDriveBookingEntity, { id: row.subjectId });
    return booking
      ? { consultantId: booking.consultantId, customerName: booking.customerName, phone: booking.mobile }
      : null;
  }
  if (row.subjectType === 'delivery') {
    const order = await manager.findOneBy(SalesOrderEntity, { id: row.subjectId });
    return order
      ? { consultantId: order.consultantId, customerName: order.customerName, phone: order.customerMobile }
      : null;
  }
  return null;
}

/**
 * A booking or delivery message the customer will not receive becomes a call by their consultant
 * (消息未送达，电话告知), due within four working hours, in the transaction that records the
 * message's fate. Returns the task id, or null when no call is owed (surveys, rows without a store).
 */
export async function createMessageFallbackTask(
  manager: EntityManager,
  row: NotificationOutboxEntity,
  now: Date,
): Promise<number | null> {
  if (!needsFallbackCall(row.kind) || row.storeId === null || row.fallbackTaskId !== null) return null;
  const store = await manager.findOne(StoreEntity, {
    where: { id: row.storeId },
    relations: { openingPeriods: true, closedDates: true },
  });
  if (!store) return null;
  const subject = await subjectOf(manager, row);
  // The call needs the customer card (its number is revealed from there), so the store's prospect is ensured.
  const prospect = subject
    ? (
        await ensureProspect(manager, {
          storeId: row.storeId,
          customerId: row.customerId,
          name: subject.customerName,
          phone: subject.phone,
          consultantId: subject.consultantId,
        })
      ).prospect
    : await manager.findOneBy(ProspectEntity, { storeId: row.storeId, customerId: row.customerId });
  const assigneeId = subject?.consultantId ?? null;
  const hours = toStoreSchedule(store);
  const { identifiers } = await manager.insert(FollowUpTaskEntity, {
    storeId: row.storeId,
    prospectId: prospect?.id ?? null,
    customerId: row.customerId,
    kind: 'message_fallback_call',
    assigneeRole: 'consultant',
    assigneeId,
    sourceType: 'notification',
    sourceId: row.id,
    status: 'pending',
    dueAt: messageFallbackDueAt(hours, now),
    windowStart: nextStoreOpening(hours, now),
    escalatedAt: null,
    attempts: 0,
    outcome: null,
    note: null,
    completedAt: null,
    completedById: null,
  });
  const taskId = Number(identifiers[0]!.id);
  await manager.update(NotificationOutboxEntity, { id: row.id }, { fallbackTaskId: taskId });
  return taskId;
}
