import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  canAccessStore,
  canWorkLowScoreCase,
  decideCaseTransition,
  ErrorCode,
  isCaseOverdue,
  type AssignCaseRequest,
  type CaseStatus,
  type LowScoreCase,
  type UpdateCaseRequest,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { storesToList } from '../../common/auth/store-scope.js';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { onLowScoreCaseReassigned, onLowScoreCaseResolved } from '../follow-ups/journey-follow-ups.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { LowScoreCaseEntity } from './entities/low-score-case.entity.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from './entities/survey-response.entity.js';
import { SurveyTemplateEntity } from './entities/survey-template.entity.js';
import { toLowScoreCase } from './survey.mapper.js';
import { jsonBytes, MAX_JSON_BYTES } from './survey-templates.js';

const NOT_FOUND = '未找到该回访记录';
const LIST_LIMIT = 500;

export interface CaseListQuery {
  storeId?: number;
  status?: CaseStatus;
  overdueOnly?: boolean;
}

/** Low-score callbacks (客户回访): the store's list, progress with a note, and the owner. */
@Injectable()
export class SurveyCasesService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(LowScoreCaseEntity) private readonly cases: Repository<LowScoreCaseEntity>,
    @InjectRepository(SurveyResponseEntity) private readonly responses: Repository<SurveyResponseEntity>,
    @InjectRepository(SurveyInvitationEntity)
    private readonly invitations: Repository<SurveyInvitationEntity>,
    @InjectRepository(SurveyTemplateEntity) private readonly templates: Repository<SurveyTemplateEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
  ) {}

  /** Cases of the caller's store (admins: every store, or the one asked for); unfinished and soonest due first. */
  async list(principal: StaffPrincipal, query: CaseListQuery, now = new Date()): Promise<LowScoreCase[]> {
    const stores = storesToList(principal, query.storeId);
    const scope: FindOptionsWhere<LowScoreCaseEntity> = stores === 'all' ? {} : { storeId: In(stores) };
    const find = (status: FindOptionsWhere<LowScoreCaseEntity>['status'], take: number) =>
      take > 0
        ? this.cases.find({ where: { ...scope, status }, order: { dueAt: 'ASC', id: 'ASC' }, take })
        : Promise.resolve([]);
    // Unfinished first, read apart from the resolved ones: those pile up for good, and under one
    // limit their older due times would push the newest open cases off the list.
    let rows: LowScoreCaseEntity[];
    if (query.status) rows = await find(query.status, LIST_LIMIT);
    else {
      rows = await find(Not('resolved' as const), LIST_LIMIT);
      if (!query.overdueOnly) rows = [...rows, ...(await find('resolved', LIST_LIMIT - rows.length))];
    }
    const kept = query.overdueOnly
      ? rows.filter((row) =>
          isCaseOverdue({ status: row.status, dueAt: new Date(row.dueAt), resolvedAt: row.resolvedAt }, now),
        )
      : rows;
    return this.toResponses(kept, now);
  }

  async get(principal: StaffPrincipal, id: number, now = new Date()): Promise<LowScoreCase> {
    const row = await this.visible(principal, id);
    return (await this.toResponses([row], now))[0]!;
  }

  /** Records a call (contacted) or the outcome (resolved), with the note of what was done. */
  async progress(
    principal: StaffPrincipal,
    id: number,
    body: UpdateCaseRequest,
    now = new Date(),
  ): Promise<LowScoreCase> {
    await this.visible(principal, id);
    const byName = (await this.staff.findOneBy({ id: principal.id }))?.displayName ?? '';
    await this.transactions.run(async (manager) => {
      const row = await this.lock(manager, id);
      if (!canWorkLowScoreCase(principal, row.ownerId)) {
        throw new DomainException(ErrorCode.Forbidden, '只有该回访的负责人或店长可以处理');
      }
      const decision = decideCaseTransition(row.status, body.status);
      if (!decision.allowed) throw new DomainException(ErrorCode.Conflict, decision.reason);
      row.status = body.status;
      row.contactedAt = row.contactedAt ?? now;
      if (body.status === 'resolved') row.resolvedAt = now;
      const notes = [
        ...row.notes,
        { at: now.toISOString(), byId: principal.id, byName, status: body.status, note: body.note.trim() },
      ];
      // The notes live in one TEXT column (64 KB on MySQL/MariaDB): another call stops when the log
      // is full, while the one closing note still fits under the column's limit.
      if (body.status !== 'resolved' && jsonBytes(notes) > MAX_JSON_BYTES) {
        throw new DomainException(ErrorCode.ValidationFailed, '回访记录已满，请填写结果并结案', [
          { field: 'note', message: '回访记录已满，请填写结果并结案' },
        ]);
      }
      row.notes = notes;
      await manager.save(row);
      if (body.status === 'resolved') {
        await onLowScoreCaseResolved(manager, row.responseId, {
          at: now,
          byId: principal.id,
          note: body.note.trim(),
        });
      }
    });
    return this.get(principal, id, now);
  }

  /** Managers and admins hand a case to someone of its store. */
  async assign(
    principal: StaffPrincipal,
    id: number,
    body: AssignCaseRequest,
    now = new Date(),
  ): Promise<LowScoreCase> {
    const found = await this.visible(principal, id);
    const owner = await this.staff.findOneBy({ id: body.ownerId, storeId: found.storeId, active: true });
    if (!owner || owner.role === 'admin') {
      throw new DomainException(ErrorCode.ValidationFailed, '请选择该门店在职的员工', [
        { field: 'ownerId', message: '不是该门店在职的员工' },
      ]);
    }
    await this.transactions.run(async (manager) => {
      const row = await this.lock(manager, id);
      if (row.status === 'resolved') throw new DomainException(ErrorCode.Conflict, '回访已解决，不能再修改');
      await manager.update(LowScoreCaseEntity, { id }, { ownerId: owner.id });
      await onLowScoreCaseReassigned(manager, row.responseId, owner.id);
    });
    return this.get(principal, id, now);
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Another store's case is simply not found. */
  private async visible(principal: StaffPrincipal, id: number): Promise<LowScoreCaseEntity> {
    const row = await this.cases.findOneBy({ id });
    if (!row || !canAccessStore(principal, row.storeId))
      throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return row;
  }

  private async lock(manager: EntityManager, id: number): Promise<LowScoreCaseEntity> {
    const row = await manager.getRepository(LowScoreCaseEntity).findOne({
      where: { id },
      ...this.transactions.forUpdate,
    });
    if (!row) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return row;
  }

  /** Answers for several cases with one query per related table. */
  private async toResponses(rows: LowScoreCaseEntity[], now: Date): Promise<LowScoreCase[]> {
    if (rows.length === 0) return [];
    const responses = await this.responses.findBy({ id: In(rows.map((row) => row.responseId)) });
    const [invitations, templates, stores] = await Promise.all([
      this.invitations.findBy({ id: In(responses.map((response) => response.invitationId)) }),
      this.templates.findBy({ id: In([...new Set(responses.map((response) => response.templateId))]) }),
      this.stores.findBy({ id: In([...new Set(rows.map((row) => row.storeId))]) }),
    ]);
    const staffIds = new Set<number>();
    for (const row of rows) if (row.ownerId !== null) staffIds.add(row.ownerId);
    for (const response of responses) if (response.consultantId !== null) staffIds.add(response.consultantId);
    const staff = staffIds.size > 0 ? await this.staff.findBy({ id: In([...staffIds]) }) : [];
    const staffById = new Map(staff.map((member) => [member.id, member]));
    return rows.map((row) => {
      const response = responses.find((item) => item.id === row.responseId)!;
      return toLowScoreCase(
        row,
        {
          response,
          invitation: invitations.find((item) => item.id === response.invitationId)!,
          template: templates.find((item) => item.id === response.templateId)!,
          store: stores.find((item) => item.id === row.storeId)!,
          staffById,
        },
        now,
      );
    });
  }
}
