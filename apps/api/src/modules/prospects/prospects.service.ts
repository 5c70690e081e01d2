import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  canAccessStore,
  ErrorCode,
  isMainlandMobile,
  isPersonName,
  MOBILE_INVALID_MESSAGE,
  normalizeMobile,
  normalizePersonName,
  PERSON_NAME_INVALID_MESSAGE,
  type CustomerCard,
  type FieldError,
  type FollowUpTaskKind,
  type LogContactRequest,
  type MarkProspectLostRequest,
  type Page,
  type ProspectsQuery,
  type ProspectSummary,
  type RegisterContactRequest,
  type RevealedPhone,
  type SetIntentRequest,
  type UpdateProspectRequest,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { assertStoreInScope, storesToList } from '../../common/auth/store-scope.js';
import { Clock } from '../../common/clock/clock.js';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { rawInstant } from '../../database/raw-instant.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { FollowUpTaskEntity } from '../follow-ups/entities/follow-up-task.entity.js';
import { planForEvent } from '../follow-ups/follow-up-planner.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { createSurveyInvitation } from '../surveys/create-survey-invitation.js';
import { buildCustomerCard, toProspectSummary } from './customer-card.builder.js';
import { ensureProspect } from './ensure-prospect.js';
import { ContactLogEntity } from './entities/contact-log.entity.js';
import { ProspectEntity } from './entities/prospect.entity.js';
import { assessIntent, planNextFollowUp } from './prospect-intent.js';

const NOT_FOUND = '未找到该客户';
export const PROSPECTS_DEFAULT_PAGE_SIZE = 20;

/** The sales calls that end with 战败; a manager's callback and complaint handling stay. */
const CANCELLED_WHEN_LOST: readonly FollowUpTaskKind[] = [
  'first_contact',
  'prospect_follow_up',
  'test_drive_next_day_call',
  'test_drive_no_order_callback',
];

/** `%` and `_` typed by staff are searched for literally ('!' escapes alike in MySQL and SQLite). */
const likePattern = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** Prospects and the customer card (客户卡片): 来店/来电登记, contacts, intent, style, consultant, 战败. */
@Injectable()
export class ProspectsService {
  private readonly logger = new Logger(ProspectsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ProspectEntity) private readonly prospects: Repository<ProspectEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
  ) {}

  async list(principal: StaffPrincipal, query: ProspectsQuery): Promise<Page<ProspectSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PROSPECTS_DEFAULT_PAGE_SIZE;
    const stores = storesToList(principal, query.storeId);
    if (stores !== 'all' && stores.length === 0) return { items: [], total: 0, page, pageSize };
    const qb = this.prospects.createQueryBuilder('p');
    if (stores !== 'all') qb.andWhere('p.store_id IN (:...stores)', { stores });
    const q = query.q?.trim();
    if (q) {
      const phone = normalizeMobile(q);
      qb.andWhere("(p.name LIKE :name ESCAPE '!' OR p.phone LIKE :phone ESCAPE '!')", {
        name: likePattern(q),
        phone: likePattern(phone || q),
      });
    }
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.intentLevel) qb.andWhere('p.intent_level = :level', { level: query.intentLevel });
    if (query.consultantId)
      qb.andWhere('p.consultant_id = :consultantId', { consultantId: query.consultantId });
    const [rows, total] = await qb
      .orderBy('p.updated_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.summaries(rows), total, page, pageSize };
  }

  /**
   * The full number for the call the caller is about to make. Answers carry masked numbers only;
   * each reveal is logged (who, which prospect, never the number) so misuse can be traced.
   */
  async revealPhone(principal: StaffPrincipal, id: number): Promise<RevealedPhone> {
    const prospect = await this.visible(principal, id);
    this.logger.log(
      { event: 'prospect_phone_revealed', staffId: principal.id, prospectId: id, storeId: prospect.storeId },
      'phone revealed',
    );
    return { prospectId: id, phone: prospect.phone };
  }

  async card(principal: StaffPrincipal, id: number): Promise<CustomerCard> {
    const prospect = await this.visible(principal, id);
    return buildCustomerCard(this.dataSource.manager, prospect, this.clock.now());
  }

  /**
   * 来店/来电登记: finds the store's prospect by phone or creates one, and logs the contact. A new
   * online enquiry owes a first contact within a day; a 战败 customer who comes back is active again.
   */
  async register(principal: StaffPrincipal, body: RegisterContactRequest): Promise<CustomerCard> {
    assertStoreInScope(principal, body.storeId);
    const errors: FieldError[] = [];
    const name = normalizePersonName(body.name);
    if (!isPersonName(name)) errors.push({ field: 'name', message: PERSON_NAME_INVALID_MESSAGE });
    if (!isMainlandMobile(body.phone)) errors.push({ field: 'phone', message: MOBILE_INVALID_MESSAGE });
    if (errors.length > 0) throw new DomainException(ErrorCode.ValidationFailed, errors[0]!.message, errors);
    if (!(await this.stores.existsBy({ id: body.storeId })))
      throw new DomainException(ErrorCode.NotFound, '门店不存在');
    const now = this.clock.now();
    const id = await this.transactions.run(async (manager) => {
      const { prospect, created } = await ensureProspect(manager, {
        storeId: body.storeId,
        name,
        phone: body.phone,
        consultantId: principal.role === 'admin' ? null : principal.id,
      });
      if (prospect.status === 'lost') {
        await manager.update(ProspectEntity, { id: prospect.id }, { status: 'active' });
        prospect.status = 'active';
      }
      const log = await this.logContactRow(manager, prospect, principal, body, now);
      if (created && body.channel === 'online') {
        await planForEvent(
          manager,
          { type: 'enquiry_received', sourceId: log.id, at: now, newCustomer: true },
          this.target(prospect),
        );
      }
      await this.afterContact(manager, prospect, principal, body, now);
      return prospect.id;
    });
    return this.card(principal, id);
  }

  async logContact(principal: StaffPrincipal, id: number, body: LogContactRequest): Promise<CustomerCard> {
    await this.visible(principal, id);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const prospect = await this.lock(manager, id);
      await this.logContactRow(manager, prospect, principal, body, now);
      await this.afterContact(manager, prospect, principal, body, now);
    });
    return this.card(principal, id);
  }

  async setIntent(principal: StaffPrincipal, id: number, body: SetIntentRequest): Promise<CustomerCard> {
    await this.visible(principal, id);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const prospect = await this.lock(manager, id);
      if (prospect.status !== 'active')
        throw new DomainException(ErrorCode.Conflict, this.closedMessage(prospect));
      await assessIntent(manager, prospect, body.level, {
        staffId: principal.id,
        note: body.note ?? null,
        at: now,
      });
    });
    return this.card(principal, id);
  }

  /** Style and style note; managers and admins also hand the customer (and their pending calls) to another consultant. */
  async update(principal: StaffPrincipal, id: number, body: UpdateProspectRequest): Promise<CustomerCard> {
    const found = await this.visible(principal, id);
    if (body.consultantId !== undefined) {
      if (principal.role === 'consultant') {
        throw new DomainException(ErrorCode.Forbidden, '只有店长可以更换负责的销售顾问');
      }
      const member = await this.staff.findOneBy({
        id: body.consultantId,
        storeId: found.storeId,
        active: true,
      });
      if (!member || member.role === 'admin') {
        throw new DomainException(ErrorCode.ValidationFailed, '请选择该门店在职的销售顾问', [
          { field: 'consultantId', message: '不是该门店在职的销售顾问' },
        ]);
      }
    }
    await this.transactions.run(async (manager) => {
      const prospect = await this.lock(manager, id);
      const change: Partial<ProspectEntity> = {};
      if (body.style !== undefined) change.style = body.style;
      if (body.styleNote !== undefined) change.styleNote = body.styleNote?.trim() || null;
      if (body.consultantId !== undefined && body.consultantId !== prospect.consultantId) {
        change.consultantId = body.consultantId;
        // The previous consultant's open calls (and the pool's) go with the customer.
        await manager
          .createQueryBuilder()
          .update(FollowUpTaskEntity)
          .set({ assigneeId: body.consultantId })
          .where("prospect_id = :id AND status = 'pending' AND assignee_role = 'consultant'", { id })
          .andWhere(
            prospect.consultantId === null
              ? 'assignee_id IS NULL'
              : '(assignee_id IS NULL OR assignee_id = :previous)',
            { previous: prospect.consultantId },
          )
          .execute();
      }
      if (Object.keys(change).length > 0) await manager.update(ProspectEntity, { id }, change);
    });
    return this.card(principal, id);
  }

  /**
   * 战败: the sales calls stop, a manager calls the customer back (lost-customer analysis), and a
   * linked WeChat customer is owed the 未成交客户回访问卷.
   */
  async markLost(
    principal: StaffPrincipal,
    id: number,
    body: MarkProspectLostRequest,
  ): Promise<CustomerCard> {
    await this.visible(principal, id);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const prospect = await this.lock(manager, id);
      if (prospect.status !== 'active')
        throw new DomainException(ErrorCode.Conflict, this.closedMessage(prospect));
      await manager.update(
        ProspectEntity,
        { id },
        { status: 'lost', lostCategory: body.category, lostNote: body.note?.trim() || null, lostAt: now },
      );
      await manager.update(
        FollowUpTaskEntity,
        { prospectId: id, status: 'pending', kind: In([...CANCELLED_WHEN_LOST]) },
        { status: 'cancelled' },
      );
      await planForEvent(manager, { type: 'prospect_lost', sourceId: id, at: now }, this.target(prospect));
      if (prospect.customerId !== null) {
        const store = await manager.findOneByOrFail(StoreEntity, { id: prospect.storeId });
        await createSurveyInvitation(
          manager,
          {
            type: 'prospect_lost',
            id,
            at: now,
            store,
            consultantId: prospect.consultantId,
            customerId: prospect.customerId,
            customerName: prospect.name,
            customerMobile: prospect.phone,
            what: '购车咨询',
          },
          this.config.survey.policy,
        );
      }
    });
    return this.card(principal, id);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private closedMessage(prospect: ProspectEntity): string {
    return prospect.status === 'lost' ? '该客户已标记为战败' : '该客户已成交';
  }

  private target(prospect: ProspectEntity) {
    return {
      storeId: prospect.storeId,
      prospectId: prospect.id,
      customerId: prospect.customerId,
      consultantId: prospect.consultantId,
    };
  }

  private async logContactRow(
    manager: EntityManager,
    prospect: ProspectEntity,
    principal: StaffPrincipal,
    body: Pick<LogContactRequest, 'channel' | 'note'>,
    now: Date,
  ): Promise<ContactLogEntity> {
    const log = await manager.save(
      manager.create(ContactLogEntity, {
        storeId: prospect.storeId,
        prospectId: prospect.id,
        staffId: principal.id,
        channel: body.channel,
        at: now,
        note: body.note.trim(),
        taskId: null,
        outcome: null,
      }),
    );
    await manager.update(ProspectEntity, { id: prospect.id }, { lastContactAt: now });
    return log;
  }

  /** A contact re-assesses the intent when asked, and always plans the next follow-up of a rated prospect. */
  private async afterContact(
    manager: EntityManager,
    prospect: ProspectEntity,
    principal: StaffPrincipal,
    body: Pick<LogContactRequest, 'intentLevel' | 'note'>,
    now: Date,
  ): Promise<void> {
    if (prospect.status !== 'active') return;
    if (body.intentLevel) {
      await assessIntent(manager, prospect, body.intentLevel, {
        staffId: principal.id,
        note: body.note,
        at: now,
      });
    } else {
      await planNextFollowUp(manager, prospect, now);
    }
  }

  /** Another store's prospect is simply not found. */
  private async visible(principal: StaffPrincipal, id: number): Promise<ProspectEntity> {
    const row = await this.prospects.findOneBy({ id });
    if (!row || !canAccessStore(principal, row.storeId))
      throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return row;
  }

  private async lock(manager: EntityManager, id: number): Promise<ProspectEntity> {
    const row = await manager
      .getRepository(ProspectEntity)
      .findOne({ where: { id }, ...this.transactions.forUpdate });
    if (!row) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return row;
  }

  private async summaries(rows: ProspectEntity[]): Promise<ProspectSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const consultantIds = [
      ...new Set(rows.flatMap((row) => (row.consultantId === null ? [] : [row.consultantId]))),
    ];
    const [stores, consultants, next] = await Promise.all([
      this.stores.findBy({ id: In([...new Set(rows.map((row) => row.storeId))]) }),
      consultantIds.length > 0 ? this.staff.findBy({ id: In(consultantIds) }) : Promise.resolve([]),
      this.dataSource
        .getRepository(FollowUpTaskEntity)
        .createQueryBuilder('t')
        .select('t.prospect_id', 'prospect_id')
        .addSelect('MIN(t.due_at)', 'due')
        .where("t.prospect_id IN (:...ids) AND t.status = 'pending'", { ids })
        .groupBy('t.prospect_id')
        .getRawMany<{ prospect_id: number | string; due: Date | string }>(),
    ]);
    const dueOf = new Map(next.map((row) => [Number(row.prospect_id), rawInstant(row.due)]));
    return rows.map((row) =>
      toProspectSummary(row, {
        storeName: stores.find((store) => store.id === row.storeId)?.name ?? '',
        consultant: consultants.find((member) => member.id === row.consultantId) ?? null,
        nextTaskDueAt: dueOf.get(row.id) ?? null,
      }),
    );
  }
}
