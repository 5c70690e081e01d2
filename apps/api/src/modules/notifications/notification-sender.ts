import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { subscribeMessageData, type NotificationStatus } from '@dealer-care/domain';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { PermanentJobError, RetryLater } from '../jobs/job-errors.js';
import { JobRunner, type JobContext } from '../jobs/job-runner.js';
import { WechatApiClient } from '../wechat/wechat-api.client.js';
import { WechatApiError } from '../wechat/wechat-api.error.js';
import { SEND_NOTIFICATION_JOB, type SendNotificationPayload } from './enqueue-notification.js';
import { createMessageFallbackTask } from './message-fallback-task.js';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';
import {
  classifySendFailure,
  describeSendError,
  INTERRUPTED_SEND_DELIVERED,
  NO_GRANT_ERROR,
  sendBackoffMs,
} from './send-outcome.js';
import { WechatSubscriptionEntity } from './wechat-subscription.entity.js';

/** A failure the job runner gives up on: the message is marked failed by onGiveUp. */
class SendFailed extends PermanentJobError {}

/**
 * Delivers outbox rows as WeChat subscription messages, one job (`notification.send`) per row.
 * Each send uses one of the customer's one-time grants for the template; without one nothing is
 * sent. A message that cannot reach the customer (no grant, refused, or given up after retries)
 * keeps its fate on the row for the portal and, for bookings and deliveries, becomes a call.
 */
@Injectable()
export class NotificationSender implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobRunner,
    private readonly wechat: WechatApiClient,
  ) {}

  onModuleInit(): void {
    this.jobs.register<SendNotificationPayload>(
      SEND_NOTIFICATION_JOB,
      (payload, context) => this.send(payload, context),
      {
        backoff: sendBackoffMs,
        onGiveUp: (payload, error, context) => this.giveUp(payload.notificationId, error, context),
      },
    );
  }

  async send({ notificationId }: SendNotificationPayload, { attempt, now, job }: JobContext): Promise<void> {
    const row = await this.transactions.run((m) =>
      m.findOneBy(NotificationOutboxEntity, { id: notificationId }),
    );
    if (!row || row.status !== 'queued') return;
    const template = this.config.wechat.subscribeTemplates[row.kind];

    // Still marked: the last send of this message died before its outcome was written (its process
    // was killed). WeChat may or may not have it; send again on the grant that send already used.
    const resumed = row.grantTakenAt !== null;
    if (!resumed) {
      const granted = await this.transactions.run(async (manager) => {
        if (await this.takeGrant(manager, row, template.templateId, now)) return true;
        // No grant: WeChat would answer 43101; do not spend a call on it.
        await this.settle(manager, row, 'refused', { attempts: attempt, lastError: NO_GRANT_ERROR }, now);
        return false;
      });
      if (!granted) return;
    }

    const customer = await this.transactions.run((m) => m.findOneBy(CustomerEntity, { id: row.customerId }));
    try {
      await this.wechat.sendSubscribeMessage({
        touser: customer?.openid ?? '',
        templateId: template.templateId,
        page: row.page,
        data: subscribeMessageData(template, row.kind, row.data),
        miniprogramState: this.config.wechat.miniprogramState,
      });
    } catch (error) {
      if (!(error instanceof WechatApiError)) {
        await this.returnGrant(row, template.templateId);
        throw error;
      }
      if (resumed && classifySendFailure(error.errcode) === 'refused') {
        // The grant the interrupted send held is used up at WeChat: that send was delivered.
        await this.markSent(row.id, attempt, now, INTERRUPTED_SEND_DELIVERED);
        return;
      }
      await this.failedSend(row, template.templateId, error, attempt, job.maxAttempts, now);
      return;
    }
    await this.markSent(row.id, attempt, now, null);
  }

  private markSent(id: number, attempt: number, now: Date, note: string | null): Promise<unknown> {
    return this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(NotificationOutboxEntity)
        .set({ status: 'sent', sentAt: now, attempts: attempt, lastError: note, grantTakenAt: null })
        .where("id = :id AND status = 'queued'", { id })
        .execute(),
    );
  }

  private async failedSend(
    row: NotificationOutboxEntity,
    templateId: string,
    error: WechatApiError,
    attempt: number,
    maxAttempts: number,
    now: Date,
  ): Promise<void> {
    const lastError = describeSendError(error.errcode, error.errmsg);
    const kind = classifySendFailure(error.errcode);
    if (kind === 'refused') {
      await this.transactions.run(async (manager) => {
        // WeChat knows better than our count: nothing is left.
        await manager.update(
          WechatSubscriptionEntity,
          { customerId: row.customerId, templateId },
          { remaining: 0 },
        );
        await this.settle(manager, row, 'refused', { attempts: attempt, lastError }, now);
      });
      return;
    }
    // Not sent: the grant is still the customer's.
    await this.returnGrant(row, templateId);
    if (kind === 'failed') {
      await this.record(row.id, { attempts: attempt, lastError });
      throw new SendFailed(lastError);
    }
    const delay = sendBackoffMs(attempt);
    await this.record(row.id, {
      attempts: attempt,
      lastError,
      // The last attempt has no next one; onGiveUp marks the row failed.
      ...(attempt < maxAttempts ? { nextAttemptAt: new Date(now.getTime() + delay) } : {}),
    });
    throw new RetryLater(lastError, delay);
  }

  /** Attempts used up or a permanent error: the message failed (dead letter) and a call replaces it. */
  private async giveUp(notificationId: number, error: unknown, { attempt, now }: JobContext): Promise<void> {
    await this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(NotificationOutboxEntity, { id: notificationId });
      if (!row || row.status !== 'queued') return;
      const lastError =
        row.lastError ?? (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await this.settle(manager, row, 'failed', { attempts: attempt, lastError }, now);
    });
  }

  /** Moves a queued row to its final status (only if still queued) and owes the call that replaces it. */
  private async settle(
    manager: EntityManager,
    row: NotificationOutboxEntity,
    status: Extract<NotificationStatus, 'refused' | 'failed'>,
    fields: { attempts: number; lastError: string },
    now: Date,
  ): Promise<void> {
    const { affected } = await manager
      .createQueryBuilder()
      .update(NotificationOutboxEntity)
      .set({ status, ...fields, grantTakenAt: null })
      .where("id = :id AND status = 'queued'", { id: row.id })
      .execute();
    if ((affected ?? 0) > 0) await createMessageFallbackTask(manager, row, now);
  }

  private record(id: number, fields: Partial<NotificationOutboxEntity>): Promise<unknown> {
    return this.transactions.run((manager) => manager.update(NotificationOutboxEntity, { id }, fields));
  }

  /**
   * Uses one grant if there is one left, and marks the message as holding it, in one transaction.
   * The condition keeps two senders from using the same grant.
   */
  private async takeGrant(
    manager: EntityManager,
    row: NotificationOutboxEntity,
    templateId: string,
    now: Date,
  ): Promise<boolean> {
    const { affected } = await manager
      .createQueryBuilder()
      .update(WechatSubscriptionEntity)
      .set({ remaining: () => 'remaining - 1' })
      .where('customer_id = :customerId AND template_id = :templateId AND remaining > 0', {
        customerId: row.customerId,
        templateId,
      })
      .execute();
    if ((affected ?? 0) === 0) return false;
    await manager.update(NotificationOutboxEntity, { id: row.id }, { grantTakenAt: now });
    return true;
  }

  /** The send did not happen: the grant is the customer's again and the message holds none. */
  private returnGrant(row: NotificationOutboxEntity, templateId: string): Promise<unknown> {
    return this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(WechatSubscriptionEntity)
        .set({ remaining: () => 'remaining + 1' })
        .where('customer_id = :customerId AND template_id = :templateId', {
          customerId: row.customerId,
          templateId,
        })
        .execute();
      await manager.update(NotificationOutboxEntity, { id: row.id }, { grantTakenAt: null });
    });
  }
}
