import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  ErrorCode,
  SURVEY_KINDS,
  validateTemplateContent,
  type SurveyKind,
  type SurveyTemplate,
  type SurveyTemplateContent,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { summariseFieldErrors } from '../../common/validation/validation-messages.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { SurveyTemplateEntity } from './entities/survey-template.entity.js';
import { toSurveyTemplate } from './survey.mapper.js';
import {
  activeSurveyTemplate,
  cleanTemplateContent,
  ensureSurveyTemplates,
  jsonBytes,
  MAX_JSON_BYTES,
} from './survey-templates.js';

const SAVE_ATTEMPTS = 5;

/** Versioned survey templates: every kind's versions, and a saved change as a new active version. */
@Injectable()
export class SurveyTemplatesService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(SurveyTemplateEntity) private readonly templates: Repository<SurveyTemplateEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
  ) {}

  /** Every version of every kind, newest first (the defaults are written on first use). */
  async list(): Promise<SurveyTemplate[]> {
    if ((await this.templates.countBy({ active: true })) < SURVEY_KINDS.length) {
      await this.transactions.run((manager) => ensureSurveyTemplates(manager));
    }
    const rows = await this.templates.find({ order: { createdAt: 'DESC', id: 'DESC' } });
    return this.toResponses(rows);
  }

  /**
   * Saves the content as version max + 1 of the kind and makes it the active one; older versions
   * (and the answers given to them) stay exactly as they were. Two saves at the same moment cannot
   * take the same number: the unique (kind, version) key refuses the second, which then retries.
   */
  async createVersion(
    principal: StaffPrincipal,
    kind: SurveyKind,
    body: SurveyTemplateContent,
  ): Promise<SurveyTemplate> {
    const errors = validateTemplateContent(body);
    if (Object.keys(errors).length > 0) {
      const rows = Object.entries(errors).map(([field, message]) => ({ field, message }));
      throw new DomainException(ErrorCode.ValidationFailed, summariseFieldErrors(rows), rows);
    }
    const content = cleanTemplateContent(body);
    if (jsonBytes(content) > MAX_JSON_BYTES) {
      const rows = [{ field: 'questions', message: '问卷内容过多，请精简题目或选项' }];
      throw new DomainException(ErrorCode.ValidationFailed, summariseFieldErrors(rows), rows);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await this.transactions.run(async (manager) => {
          await activeSurveyTemplate(manager, kind);
          const repo = manager.getRepository(SurveyTemplateEntity);
          const latest = await repo.findOne({
            where: { kind },
            order: { version: 'DESC' },
            ...this.transactions.forUpdate,
          });
          await repo.update({ kind, active: true }, { active: false });
          const saved = await repo.save(
            repo.create({
              kind,
              version: (latest?.version ?? 0) + 1,
              active: true,
              content,
              createdById: principal.id,
            }),
          );
          return saved.id;
        });
        const row = await this.templates.findOneByOrFail({ id });
        return (await this.toResponses([row]))[0]!;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  }

  private async toResponses(rows: SurveyTemplateEntity[]): Promise<SurveyTemplate[]> {
    const ids = [...new Set(rows.flatMap((row) => (row.createdById === null ? [] : [row.createdById])))];
    const staff = ids.length > 0 ? await this.staff.findBy({ id: In(ids) }) : [];
    return rows.map((row) =>
      toSurveyTemplate(row, staff.find((member) => member.id === row.createdById) ?? null),
    );
  }
}
