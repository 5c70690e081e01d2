import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  DEFAULT_SALES_AUDIT,
  ErrorCode,
  scoreAudit,
  validateAuditMarks,
  type AuditTemplate,
  type CreateAuditRequest,
  type FieldError,
  type ProcessAudit,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { assertStoreInScope, storesToList } from '../../common/auth/store-scope.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { ProcessAuditEntity } from './entities/process-audit.entity.js';

/** Most audits one list answers (newest first); the dashboard only needs the latest per consultant. */
export const PROCESS_AUDIT_LIST_LIMIT = 500;

/** Process audits (过程检核): the sales checklist a manager or mystery shopper fills in for a consultant. */
@Injectable()
export class ProcessAuditService {
  constructor(
    @InjectRepository(ProcessAuditEntity) private readonly audits: Repository<ProcessAuditEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
  ) {}

  template(): AuditTemplate {
    return DEFAULT_SALES_AUDIT;
  }

  async list(
    principal: StaffPrincipal,
    query: { storeId?: number; consultantId?: number },
  ): Promise<ProcessAudit[]> {
    const stores = storesToList(principal, query.storeId);
    if (stores !== 'all' && stores.length === 0) throw new DomainException(ErrorCode.OutOfStoreScope);
    const rows = await this.audits.find({
      where: {
        ...(stores !== 'all' ? { storeId: In(stores) } : {}),
        ...(query.consultantId !== undefined ? { consultantId: query.consultantId } : {}),
      },
      order: { auditedAt: 'DESC', id: 'DESC' },
      take: PROCESS_AUDIT_LIST_LIMIT,
    });
    return this.toResponses(rows);
  }

  async create(
    principal: StaffPrincipal,
    storeId: number,
    body: CreateAuditRequest,
    now = new Date(),
  ): Promise<ProcessAudit> {
    assertStoreInScope(principal, storeId);
    if (!(await this.stores.existsBy({ id: storeId }))) {
      throw new DomainException(ErrorCode.NotFound, '门店不存在');
    }
    const template = DEFAULT_SALES_AUDIT;
    const errors: FieldError[] = Object.entries(validateAuditMarks(template, body.marks)).map(
      ([key, message]) => ({ field: key === 'marks' ? 'marks' : `marks.${key}`, message }),
    );
    const consultant = await this.staff.findOneBy({ id: body.consultantId });
    if (
      !consultant ||
      consultant.storeId !== storeId ||
      consultant.role !== 'consultant' ||
      !consultant.active
    ) {
      errors.unshift({ field: 'consultantId', message: '请选择本店在职的销售顾问' });
    }
    if (errors.length > 0) {
      throw new DomainException(ErrorCode.ValidationFailed, `检核记录有误：${errors[0]!.message}`, errors);
    }
    const score = scoreAudit(template, body.marks);
    const saved = await this.audits.save(
      this.audits.create({
        storeId,
        consultantId: body.consultantId,
        auditorId: principal.id,
        auditorKind: body.auditorKind,
        templateKey: template.key,
        templateVersion: template.version,
        marks: body.marks,
        note: body.note ? body.note : null,
        totalScore: score.total,
        stepScores: score.steps,
        // Whole seconds: a DATETIME column keeps no fractions, and the answer must match later reads.
        auditedAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
      }),
    );
    const [response] = await this.toResponses([saved]);
    return response!;
  }

  private async toResponses(rows: ProcessAuditEntity[]): Promise<ProcessAudit[]> {
    const ids = [...new Set(rows.flatMap((row) => [row.consultantId, row.auditorId]))];
    const people = ids.length > 0 ? await this.staff.findBy({ id: In(ids) }) : [];
    const name = new Map(people.map((member) => [member.id, member.displayName]));
    return rows.map((row) => ({
      id: row.id,
      storeId: row.storeId,
      consultant: { id: row.consultantId, name: name.get(row.consultantId) ?? '' },
      auditorName: name.get(row.auditorId) ?? '',
      auditorKind: row.auditorKind,
      templateKey: row.templateKey,
      templateVersion: row.templateVersion,
      marks: row.marks,
      note: row.note,
      // As scored when it was entered: a later template version does not rescore old audits.
      score: { total: row.totalScore, steps: row.stepScores },
      auditedAt: new Date(row.auditedAt).toISOString(),
    }));
  }
}
