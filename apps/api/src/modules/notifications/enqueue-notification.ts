import type { NotificationMessage } from '@dealer-care/domain';
import type { EntityManager } from 'typeorm';
import { enqueueJob } from '../jobs/enqueue-job.js';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';
import { SEND_MAX_ATTEMPTS } from './send-outcome.js';

/** The job kind that delivers one outbox row. */
export const SEND_NOTIFICATION_JOB = 'notification.send';

export interface SendNotificationPayload extends Record<string, unknown> {
  notificationId: number;
}

/** One delivery job per message: a retry from the portal re-uses the key once the last job ended. */
export const notificationJobKey = (id: number) => `notification:${id}`;

/** Owes the job that sends outbox row `id` (in the caller's transaction). */
export function enqueueSendJob(manager: EntityManager, id: number, runAt?: Date): Promise<void> {
  const payload: SendNotificationPayload = { notificationId: id };
  return enqueueJob(manager, {
    kind: SEND_NOTIFICATION_JOB,
    payload,
    uniqueKey: notificationJobKey(id),
    maxAttempts: SEND_MAX_ATTEMPTS,
    ...(runAt ? { runAt } : {}),
  });
}

/**
 * Owes the customer a message. Call it inside the transaction that makes the change, so the
 * change, its message and the job that sends it are committed together or not at all.
 */
export async function enqueueNotification(
  manager: EntityManager,
  message: NotificationMessage,
): Promise<void> {
  const now = new Date();
  const { identifiers } = await manager.insert(NotificationOutboxEntity, {
    customerId: message.customerId,
    storeId: message.storeId,
    kind: message.kind,
    subjectType: message.subjectType,
    subjectId: message.subjectId,
    page: message.page,
    data: message.data,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    sentAt: null,
    fallbackTaskId: null,
  });
  await enqueueSendJob(manager, Number(identifiers[0]!.id), now);
}
