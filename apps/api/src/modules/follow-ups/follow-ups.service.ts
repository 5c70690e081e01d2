import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import {
  canAccessStore,
  decideTaskOutcome,
  ErrorCode,
  FOLLOW_UP_OUTCOME_LABEL_ZH,
  type AssignFollowUpRequest,
  type FollowUpInbox,
  type FollowUpInboxQuery,
  type FollowUpTaskView,
  type RecordFollowUpOutcomeRequest,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { ensureProspect } from '../prospects/ensure-prospect.js';
import { ContactLogEntity } from '../prospects/entities/contact-log.entity.js';
import { ProspectEntity } from '../prospects/entities/prospect.entity.js';
import { assessIntent, planNextFollowUp } from '../prospects/prospect-intent.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';
import { storeHours } from './follow-up-planner.js';
import { resolveInboxScope, whereInBucket, whereInScope } from './follow-up-scope.js';
import { taskContact, toTaskViews } from './follow-up.mapper.js';

const NOT_FOUND = '未找到该回访任务';
export const INBOX_DEFAULT_PAGE_SIZE = 20;

/** The follow-up inbox (回访任务): the caller's tasks by bucket, one-tap outcomes, and reassignment. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(FollowUpTaskEntity) private readonly tasks: Repository<FollowUpTaskEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
  ) {}

  async inbox(principal: StaffPrincipal, query: FollowUpInboxQuery): Promise<FollowUpInbox> {
    const now = this.clock.now();
    const scope = await resolveInboxScope(this.stores, principal, query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? INBOX_DEFAULT_PAGE_SIZE;
    const base = () => whereInScope(this.tasks.createQueryBuilder('t'), scope);

    const listed = whereInBucket(base(), scope, query.bucket, now);
    if (query.bucket === 'closed') listed.orderBy('t.updated_at', 'DESC').addOrderBy('t.id', 'DESC');
    else listed.orderBy('t.due_at', 'ASC').addOrderBy('t.id', 'ASC');
    const [rows, total] = await listed
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const [overdue, today, upcoming, escalated] = await Promise.all(
      (['overdue', 'today', 'upcoming', 'escalated'] as const).map((bucket) =>
        whereInBucket(base(), scope, bucket, now).getCount(),
      ),
    );
    return {
      items: await toTaskViews(this.dataSource.manager, rows, now),
      total,
      page,
      pageSize,
      counts: { overdue, today, upcoming, escalated },
    };
  }

  async get(principal: StaffPrincipal, id: number): Promise<FollowUpTaskView> {
    const row = await this.visible(principal, id);
    return (await toTaskViews(this.dataSource.manager, [row], this.clock.now()))[0]!;
  }

  /**
   * Records the call's result (decideTaskOutcome), logs the contact on the customer card, and
   * applies what the call found out: the intent level, a complaint for the manager.
   */
  async recordOutcome(
    principal: StaffPrincipal,
    id: number,
    body: RecordFollowUpOutcomeRequest,
  ): Promise<FollowUpTaskView> {
    const found = await this.visible(principal, id);
    this.assertMayWork(principal, found);
    const now = this.clock.now();
    const hours = await storeHours(this.dataSource.manager, found.storeId);
    await this.transactions.run(async (manager) => {
      const task = await this.lock(manager, id);
      this.assertMayWork(principal, task);
      const decision = decideTaskOutcome(
        {
          kind: task.kind,
          status: task.status,
          attempts: task.attempts,
          dueAt: new Date(task.dueAt),
          windowStart: task.windowStart ? new Date(task.windowStart) : null,
        },
        body,
        now,
        hours,
      );
      if (!decision.allowed) {
        if (decision.reason === 'not_pending')
          throw new DomainException(ErrorCode.Conflict, decision.message);
        throw new DomainException(ErrorCode.ValidationFailed, decision.message, decision.errors);
      }
      const closed = decision.status !== 'pending';
      await manager.update(
        FollowUpTaskEntity,
        { id },
        {
          status: decision.status,
          attempts: decision.attempts,
          dueAt: decision.dueAt,
          windowStart: decision.windowStart,
          outcome: decision.outcome,
          note: decision.note ?? task.note,
          completedAt: decision.completedAt,
          completedById: closed ? principal.id : null,
          escalatedAt: task.escalatedAt ?? decision.escalatedAt,
          // Working a task from the pool takes it.
          assigneeId: task.assigneeId ?? (principal.role === 'admin' ? null : principal.id),
        },
      );
      const prospect = await this.prospectOf(manager, task);
      if (prospect) {
        await manager.insert(ContactLogEntity, {
          storeId: task.storeId,
          prospectId: prospect.id,
          staffId: principal.id,
          channel: 'outbound_call',
          at: now,
          note: decision.note ?? FOLLOW_UP_OUTCOME_LABEL_ZH[body.outcome],
          taskId: task.id,
          outcome: body.outcome,
        });
        if (body.outcome !== 'not_reached') {
          await manager.update(ProspectEntity, { id: prospect.id }, { lastContactAt: now });
          await this.applyIntent(manager, prospect, task, body, closed, principal.id, now);
        }
      }
      if (decision.complaintCallback) {
        await manager.insert(FollowUpTaskEntity, {
          storeId: task.storeId,
          prospectId: prospect?.id ?? task.prospectId,
          customerId: task.customerId ?? prospect?.customerId ?? null,
          kind: 'complaint_callback',
          assigneeRole: 'manager',
          assigneeId: null,
          sourceType: 'follow_up_task',
          sourceId: task.id,
          status: 'pending',
          dueAt: decision.complaintCallback.dueAt,
          windowStart: decision.complaintCallback.windowStart,
          escalatedAt: now,
          attempts: 0,
          outcome: null,
          note: null,
          completedAt: null,
          completedById: null,
        });
      }
    });
    return this.get(principal, id);
  }

  /** Managers and admins hand a pending task to an active member of staff of its store. */
  async assign(
    principal: StaffPrincipal,
    id: number,
    body: AssignFollowUpRequest,
  ): Promise<FollowUpTaskView> {
    const found = await this.visible(principal, id);
    const member = await this.staff.findOneBy({ id: body.staffId, storeId: found.storeId, active: true });
    if (!member || member.role === 'admin') {
      throw new DomainException(ErrorCode.ValidationFailed, '请选择该门店在职的员工', [
        { field: 'staffId', message: '不是该门店在职的员工' },
      ]);
    }
    await this.transactions.run(async (manager) => {
      const task = await this.lock(manager, id);
      if (task.status !== 'pending') throw new DomainException(ErrorCode.Conflict, '该任务已处理');
      await manager.update(FollowUpTaskEntity, { id }, { assigneeId: member.id });
    });
    return this.get(principal, id);
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Another store's task is simply not found. */
  private async visible(principal: StaffPrincipal, id: number): Promise<FollowUpTaskEntity> {
    const row = await this.tasks.findOneBy({ id });
    if (!row || !canAccessStore(principal, row.storeId))
      throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return row;
  }

  /** Consultants work their own tasks and the consultants' and service advisors' pool, not the manager's. */
  private assertMayWork(principal: StaffPrincipal, task: FollowUpTaskEntity): void {
    if (principal.role !== 'consultant') return;
    if (task.assigneeId !== null && task.assigneeId !== principal.id) {
      throw new DomainException(ErrorCode.Forbidden, '该任务已分配给其他同事');
    }
    if (task.assigneeId === null && task.assigneeRole === 'manager') {
      throw new DomainException(ErrorCode.Forbidden, '该任务需由店长处理');
    }
  }

  private async lock(manager: EntityManager, id: number): Promise<FollowUpTaskEntity> {
    const row = await manager.getRepository(FollowUpTaskEntity).findOne({
      where: { id },
      ...this.transactions.forUpdate,
    });
    if (!row) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return row;
  }

  /**
   * The customer card the call belongs on. A task planned before the customer had one (a message
   * fallback, an old source) gets it now, found or created by the phone its source knows.
   */
  private async prospectOf(manager: EntityManager, task: FollowUpTaskEntity): Promise<ProspectEntity | null> {
    if (task.prospectId !== null) return manager.findOneBy(ProspectEntity, { id: task.prospectId });
    const contact = await taskContact(manager, task);
    if (!contact.phone) return null;
    const { prospect } = await ensureProspect(manager, {
      storeId: task.storeId,
      customerId: task.customerId,
      name: contact.name || '客户',
      phone: contact.phone,
    });
    await manager.update(FollowUpTaskEntity, { id: task.id }, { prospectId: prospect.id });
    return prospect;
  }

  /**
   * The intent asked on the call sets the prospect's level; a finished 意向客户跟进 always plans
   * the next one. A call-back time already is the next contact, so nothing more is planned then.
   */
  private async applyIntent(
    manager: EntityManager,
    prospect: ProspectEntity,
    task: FollowUpTaskEntity,
    body: RecordFollowUpOutcomeRequest,
    closed: boolean,
    staffId: number,
    now: Date,
  ): Promise<void> {
    const replan = closed && (task.kind === 'prospect_follow_up' || body.intentLevel !== undefined);
    if (body.intentLevel !== undefined && body.intentLevel !== prospect.intentLevel) {
      await assessIntent(
        manager,
        prospect,
        body.intentLevel,
        { staffId, note: body.note ?? null, at: now },
        replan,
      );
    } else if (replan) {
      await planNextFollowUp(manager, prospect, now);
    }
  }
}
