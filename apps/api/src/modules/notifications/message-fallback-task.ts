import { messageFallbackDueAt, needsFallbackCall, nextStoreOpening } from '@dealer-care/domain';
import type { EntityManager } from 'typeorm';
import { SalesOrderEntity } from '../deliveries/entities/sales-order.entity.js';
import { FollowUpTaskEntity } from '../follow-ups/entities/follow-up-task.entity.js';
import { ProspectEntity } from '../prospects/entities/prospect.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { toStoreSchedule } from '../stores/store-schedule.js';
import { TestDriveBookingEntity } from '../test-drives/entities/test-drive-booking.entity.js';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';

/** The consultant responsible for what the message was about, if any. */
async function consultantOf(manager: EntityManager, row: NotificationOutboxEntity): Promise<number | null> {
  if (row.subjectType === 'test_drive_booking') {
    return (await manager.findOneBy(TestDriveBookingEntity, { id: row.subjectId }))?.consultantId ?? null;
  }
  if (row.subjectType === 'delivery') {
    return (await manager.findOneBy(SalesOrderEntity, { id: row.subjectId }))?.consultantId ?? null;
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
  const prospect = await manager.findOneBy(ProspectEntity, {
    storeId: row.storeId,
    customerId: row.customerId,
  });
  const assigneeId = await consultantOf(manager, row);
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
