import type { NotificationMessage } from '@dealer-care/domain';
import type { EntityManager } from 'typeorm';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';

/**
 * Owes the customer a message. Call it inside the transaction that makes the change, so the
 * change and its message are committed together or not at all.
 */
export async function enqueueNotification(
  manager: EntityManager,
  message: NotificationMessage,
): Promise<void> {
  await manager.insert(NotificationOutboxEntity, {
    customerId: message.customerId,
    kind: message.kind,
    subjectType: message.subjectType,
    subjectId: message.subjectId,
    page: message.page,
    data: message.data,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: new Date(),
    lastError: null,
    sentAt: null,
  });
}
