import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, IsNull, Not, Repository, type EntityManager } from 'typeorm';
import {
  clipForMessage,
  decideInvitationAction,
  decideRelease,
  INVITATION_STATUSES,
  invitationExpiresAt,
  messageTime,
  reminderDue,
  type InvitationAction,
  type InvitationStatus,
  type NotificationKind,
  type SurveyPolicy,
} from '@dealer-care/domain';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { SalesOrderEntity } from '../deliveries/entities/sales-order.entity.js';
import { JobRunner } from '../jobs/job-runner.js';
import { enqueueNotification } from '../notifications/enqueue-notification.js';
import { StoreEntity } from '../stores/store.entity.js';
import { LowScoreCaseEntity } from './entities/low-score-case.entity.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { SurveyTokenSigner } from './survey-token.js';

const DAY_MS = 86_400_000;
/** The recurring job that moves invitations along. */
export const SURVEY_DISPATCH_JOB = 'surveys.dispatch';
const BATCH = 200;
/** A customer's own run happens inside their page view: a few rows at most. */
const CUSTOMER_BATCH = 20;
/** How long an invitation whose step failed waits before it is tried again, so it never blocks the queue. */
export const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

/** The statuses an action may start from, per the domain's one decision function. */
export function statusesAllowing(action: InvitationAction): InvitationStatus[] {
  return INVITATION_STATUSES.filter((status) => decideInvitationAction(status, action).allowed);
}

/** Statuses the dispatcher still has work for: send, hold, drop, remind or expire. */
const PENDING = [...new Set([...statusesAllowing('release'), ...statusesAllowing('expire')])];

/** The mini-program page a survey message opens. */
export function surveyPage(token: string): string {
  return `subpackages/survey/pages/answer/index?token=${encodeURIComponent(token)}`;
}

/** When a sent invitation needs looking at again: its one reminder, then its expiry. */
export function nextCheckWhileOpen(
  sentAt: Date,
  remindedAt: Date | null,
  expiresAt: Date,
  policy: SurveyPolicy,
): Date {
  if (remindedAt !== null) return expiresAt;
  const remindAt = new Date(new Date(sentAt).getTime() + policy.reminderAfterDays * DAY_MS);
  return remindAt.getTime() < new Date(expiresAt).getTime() ? remindAt : expiresAt;
}

/**
 * When a survey sent at `sentAt` expires, to the whole second: the token carries it in seconds,
 * and a DATETIME column without fractions would otherwise round or cut the milliseconds.
 */
export function tokenExpiry(sentAt: Date, policy: SurveyPolicy): Date {
  return new Date(Math.floor(invitationExpiresAt(sentAt, policy).getTime() / 1000) * 1000);
}

/** An invitation to step, with the customer an unlinked one was already resolved to. */
interface DueInvitation {
  invitation: SurveyInvitationEntity;
  customerId?: number;
}

export interface DispatchResult {
  sent: number;
  held: number;
  dropped: number;
  reminded: number;
  expired: number;
}

/**
 * Moves invitations along in time: releases due ones per the contact budget (or holds or drops
 * them), reminds once, expires. Every change is a conditional UPDATE … WHERE status IN (…), and
 * the outbox row is written in the same transaction only when that update changed the row, so two
 * API processes running it at once never send or remind twice. Runs as the recurring job
 * `surveys.dispatch` (SURVEY_DISPATCH_INTERVAL_MS) and, for one customer, before their pending
 * list is answered.
 */
@Injectable()
export class SurveyDispatcher implements OnModuleInit {
  private readonly logger = new Logger(SurveyDispatcher.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly tokens: SurveyTokenSigner,
    private readonly jobs: JobRunner,
    @InjectRepository(SurveyInvitationEntity)
    private readonly invitations: Repository<SurveyInvitationEntity>,
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
    @InjectRepository(SalesOrderEntity) private readonly orders: Repository<SalesOrderEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
  ) {}

  /** A recurring job: one process at a time runs it, every SURVEY_DISPATCH_INTERVAL_MS (0 = never). */
  onModuleInit(): void {
    const interval = this.config.survey.dispatchIntervalMs;
    if (interval > 0) void this.jobs.registerRecurring(SURVEY_DISPATCH_JOB, interval, () => this.dispatch());
  }

  private get policy(): SurveyPolicy {
    return this.config.survey.policy;
  }

  /** Everything due at `now` (for one customer only, when given). */
  async runDue(now: Date = new Date(), scope: { customerId?: number } = {}): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, held: 0, dropped: 0, reminded: 0, expired: 0 };
    const due: DueInvitation[] =
      scope.customerId === undefined
        ? (await this.dueInvitations(now)).map((invitation) => ({ invitation }))
        : await this.dueForCustomer(now, scope.customerId);
    for (const { invitation, customerId } of due) {
      try {
        await this.step(invitation, now, result, customerId);
      } catch (error) {
        this.logger.error(
          `Survey invitation ${invitation.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        await this.retryLater(invitation, now);
      }
    }
    return result;
  }

  /**
   * A step that failed leaves the invitation as it was; its next check moves on so that it is not
   * picked first again at once, ahead of everything else due. Only while it is still due and in
   * the status it had: another process may have moved it meanwhile.
   */
  private async retryLater(invitation: SurveyInvitationEntity, now: Date): Promise<void> {
    try {
      await this.invitations
        .createQueryBuilder()
        .update(SurveyInvitationEntity)
        .set({ nextCheckAt: new Date(now.getTime() + RETRY_AFTER_FAILURE_MS) })
        .where('id = :id', { id: invitation.id })
        .andWhere('status = :status', { status: invitation.status })
        .andWhere('next_check_at <= :now', { now })
        .execute();
    } catch (error) {
      this.logger.error(
        `Survey invitation ${invitation.id}: could not postpone after a failure: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async dispatch(): Promise<void> {
    const result = await this.runDue();
    const changed = Object.entries(result).filter(([, count]) => count > 0);
    if (changed.length > 0) {
      this.logger.log(`Survey invitations: ${changed.map(([what, n]) => `${what} ${n}`).join(', ')}`);
    }
  }

  private pendingQuery(take: number) {
    return this.invitations
      .createQueryBuilder('i')
      .where('i.status IN (:...pending)', { pending: PENDING })
      .orderBy('i.next_check_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .take(take);
  }

  private dueInvitations(now: Date): Promise<SurveyInvitationEntity[]> {
    return this.pendingQuery(BATCH).andWhere('i.next_check_at <= :now', { now }).getMany();
  }

  /**
   * One customer's due invitations: theirs, and the deliveries not linked yet under the phone they
   * bound through WeChat. Two queries, each served by its own index (customer_id, status) and
   * (customer_mobile, status); an OR of the two would read every pending invitation.
   *
   * One held only because nobody had bound the phone yet goes out the moment its customer shows
   * up, not at its next daily check; but while its customer still cannot be told (say the phone
   * belongs to two customers), it is left alone until that check rather than held again on every
   * page view. Comes with the customer it resolved to, so release does not look it up again.
   */
  private async dueForCustomer(now: Date, customerId: number): Promise<DueInvitation[]> {
    const dueOrWaitingForWeChat = new Brackets((where) => {
      where
        .where('i.next_check_at <= :now', { now })
        .orWhere("(i.status = 'held' AND i.hold_reason = 'no_wechat_customer')");
    });
    const phone = (await this.customers.findOneBy({ id: customerId }))?.phone ?? null;
    const [own, unlinked] = await Promise.all([
      this.pendingQuery(CUSTOMER_BATCH)
        .andWhere('i.customer_id = :customerId', { customerId })
        .andWhere(dueOrWaitingForWeChat)
        .getMany(),
      phone
        ? this.pendingQuery(CUSTOMER_BATCH)
            .andWhere('i.customer_mobile = :phone', { phone })
            .andWhere('i.customer_id IS NULL')
            .andWhere(dueOrWaitingForWeChat)
            .getMany()
        : Promise.resolve([]),
    ]);
    const checkAt = (invitation: SurveyInvitationEntity) =>
      invitation.nextCheckAt === null ? -Infinity : new Date(invitation.nextCheckAt).getTime();
    const candidates = [...own, ...unlinked]
      .sort((a, b) => checkAt(a) - checkAt(b) || a.id - b.id)
      .slice(0, CUSTOMER_BATCH);
    const due: DueInvitation[] = [];
    for (const invitation of candidates) {
      const waiting = invitation.nextCheckAt === null || checkAt(invitation) > now.getTime();
      if (!waiting || invitation.customerId !== null) {
        due.push({ invitation });
        continue;
      }
      const resolved = await this.resolveCustomer(invitation);
      if (resolved !== null) due.push({ invitation, customerId: resolved });
    }
    return due;
  }

  /** `customerId`: the customer an unlinked invitation was already resolved to. */
  private async step(
    invitation: SurveyInvitationEntity,
    now: Date,
    result: DispatchResult,
    customerId?: number,
  ): Promise<void> {
    if (invitation.status === 'scheduled' || invitation.status === 'held') {
      await this.release(invitation, now, result, customerId);
      return;
    }
    const expiresAt = invitation.expiresAt ?? invitationExpiresAt(invitation.sentAt ?? now, this.policy);
    if (now.getTime() >= new Date(expiresAt).getTime()) {
      const changed = await this.transactions.run((manager) =>
        this.transition(manager, invitation.id, 'expire', { nextCheckAt: null }),
      );
      if (changed) result.expired += 1;
      return;
    }
    const sentAt = invitation.sentAt ?? now;
    const remind = reminderDue({
      now,
      sentAt,
      remindedAt: invitation.remindedAt,
      status: invitation.status,
      policy: this.policy,
    });
    if (!remind) {
      await this.invitations.update(
        { id: invitation.id, status: invitation.status },
        { nextCheckAt: nextCheckWhileOpen(sentAt, invitation.remindedAt, expiresAt, this.policy) },
      );
      return;
    }
    const store = await this.stores.findOneByOrFail({ id: invitation.storeId });
    const reminded = await this.transactions.run(async (manager) => {
      const changed = await this.transition(
        manager,
        invitation.id,
        'remind',
        { remindedAt: now, nextCheckAt: expiresAt },
        { remindedAt: true },
      );
      if (changed && invitation.customerId !== null) {
        await this.notify(manager, 'survey_reminder', invitation, invitation.customerId, expiresAt, store);
      }
      return changed;
    });
    if (reminded) result.reminded += 1;
  }

  /** A scheduled or held invitation whose time has come: send, hold or drop it. */
  private async release(
    invitation: SurveyInvitationEntity,
    now: Date,
    result: DispatchResult,
    resolved?: number,
  ): Promise<void> {
    const customerId = invitation.customerId ?? resolved ?? (await this.resolveCustomer(invitation));
    const store = await this.stores.findOneByOrFail({ id: invitation.storeId });
    const outcome = await this.transactions.run(async (manager) => {
      // First statement of the transaction: serialises one customer's releases across processes,
      // and the budget reads below see every survey sent before the lock was granted.
      if (customerId !== null) await this.lockCustomer(manager, customerId);
      const lastSent =
        customerId === null
          ? null
          : await manager.getRepository(SurveyInvitationEntity).findOne({
              where: { customerId, id: Not(invitation.id), sentAt: Not(IsNull()) },
              order: { sentAt: 'DESC' },
            });
      const hasOpenComplaint =
        customerId !== null &&
        (await manager
          .getRepository(LowScoreCaseEntity)
          .existsBy({ customerId, status: Not('resolved' as const) }));
      const decision = decideRelease({
        now,
        sendAt: new Date(invitation.sendAt),
        customerLinked: customerId !== null,
        lastSurveySentAt: lastSent?.sentAt ? new Date(lastSent.sentAt) : null,
        hasOpenComplaint,
        policy: this.policy,
      });
      const linked = customerId !== null ? { customerId } : {};
      switch (decision.kind) {
        case 'wait':
          await this.transition(
            manager,
            invitation.id,
            'hold',
            { nextCheckAt: new Date(invitation.sendAt) },
            {
              keepStatus: true,
            },
          );
          return null;
        case 'hold':
          return (await this.transition(manager, invitation.id, 'hold', {
            ...linked,
            holdReason: decision.reason,
            nextCheckAt: decision.retryAt,
          }))
            ? 'held'
            : null;
        case 'drop':
          return (await this.transition(manager, invitation.id, 'drop', {
            ...linked,
            holdReason: decision.reason,
            nextCheckAt: null,
          }))
            ? 'dropped'
            : null;
        case 'send': {
          const expiresAt = tokenExpiry(now, this.policy);
          const changed = await this.transition(manager, invitation.id, 'release', {
            customerId: customerId!,
            holdReason: null,
            sentAt: now,
            expiresAt,
            nextCheckAt: nextCheckWhileOpen(now, null, expiresAt, this.policy),
          });
          if (!changed) return null;
          await this.notify(manager, 'survey_invited', invitation, customerId!, expiresAt, store);
          return 'sent';
        }
      }
    });
    if (outcome) result[outcome] += 1;
  }

  /**
   * The conditional update behind every step: it changes the row only if its status still allows
   * the action, and says whether it did. `keepStatus` updates fields without moving the status.
   */
  private async transition(
    manager: EntityManager,
    id: number,
    action: InvitationAction,
    fields: Partial<SurveyInvitationEntity>,
    options: { remindedAt?: boolean; keepStatus?: boolean } = {},
  ): Promise<boolean> {
    const from = statusesAllowing(action);
    const next = decideInvitationAction(from[0]!, action);
    const set: Partial<SurveyInvitationEntity> = { ...fields };
    // Every action the dispatcher takes leads to one status whatever it starts from, except remind (stays).
    if (!options.keepStatus && action !== 'remind' && next.allowed) set.status = next.next;
    const query = manager
      .createQueryBuilder()
      .update(SurveyInvitationEntity)
      .set(set)
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from });
    if (options.remindedAt) query.andWhere('reminded_at IS NULL');
    const { affected } = await query.execute();
    return (affected ?? 0) > 0;
  }

  /** The customer of an unlinked delivery: the order's linked customer, or the one WeChat customer bound to its phone. */
  private async resolveCustomer(invitation: SurveyInvitationEntity): Promise<number | null> {
    if (invitation.eventType === 'order_delivered') {
      const order = await this.orders.findOneBy({ id: invitation.eventId });
      if (order?.customerId) return order.customerId;
    }
    const matches = await this.customers.find({ where: { phone: invitation.customerMobile }, take: 2 });
    return matches.length === 1 ? matches[0]!.id : null;
  }

  private async lockCustomer(manager: EntityManager, customerId: number): Promise<void> {
    if (!this.transactions.isMysql) return;
    await manager
      .getRepository(CustomerEntity)
      .findOne({ where: { id: customerId }, lock: { mode: 'pessimistic_write' } });
  }

  private async notify(
    manager: EntityManager,
    kind: Extract<NotificationKind, 'survey_invited' | 'survey_reminder'>,
    invitation: SurveyInvitationEntity,
    customerId: number,
    expiresAt: Date,
    store: StoreEntity,
  ): Promise<void> {
    await enqueueNotification(manager, {
      kind,
      customerId,
      storeId: invitation.storeId,
      subjectType: 'survey_invitation',
      subjectId: invitation.id,
      page: surveyPage(this.tokens.sign(invitation.id, expiresAt)),
      data: {
        subject: clipForMessage(invitation.subject),
        storeName: store.name,
        time: messageTime(expiresAt, store.timeZone),
        remark: '请在此时间前完成评价',
      },
    });
  }
}
