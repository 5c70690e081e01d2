import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository, type EntityManager } from 'typeorm';
import {
  decideInvitationAction,
  ErrorCode,
  isInvitationAnswerable,
  validateAnswers,
  type FieldError,
  type PendingSurvey,
  type SurveyAnswers,
  type SurveyForm,
  type SurveySubmitted,
} from '@dealer-care/domain';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { summariseFieldErrors } from '../../common/validation/validation-messages.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { onLowScoreCaseOpened } from '../follow-ups/journey-follow-ups.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { LowScoreCaseEntity } from './entities/low-score-case.entity.js';
import { SurveyFactorScoreEntity } from './entities/survey-factor-score.entity.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from './entities/survey-response.entity.js';
import { SurveyTemplateEntity } from './entities/survey-template.entity.js';
import { statusesAllowing, SurveyDispatcher } from './survey-dispatcher.js';
import { toPendingSurvey, toSurveyForm, toSurveySubmitted } from './survey.mapper.js';
import { answerProgress, responseRows } from './survey-rows.js';
import { jsonBytes, MAX_JSON_BYTES } from './survey-templates.js';
import { SurveyTokenSigner } from './survey-token.js';

const NOT_FOUND = '问卷不存在或链接已失效';
const EXPIRED = '问卷已过期';

/** Answers in the domain's error shape (question key → message) as the API's field rows. */
function answerErrors(errors: Record<string, string>): FieldError[] {
  return Object.entries(errors).map(([key, message]) => ({
    field: key === 'answers' ? 'answers' : `answers.${key}`,
    message,
  }));
}

/** The customer's side of surveys: pending list, open by token, save progress, submit once. */
@Injectable()
export class SurveysService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly dispatcher: SurveyDispatcher,
    private readonly tokens: SurveyTokenSigner,
    @InjectRepository(SurveyInvitationEntity)
    private readonly invitations: Repository<SurveyInvitationEntity>,
    @InjectRepository(SurveyTemplateEntity) private readonly templates: Repository<SurveyTemplateEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
  ) {}

  /** Surveys sent to the customer and still answerable; anything due for them is sent first. */
  async pending(customerId: number, now = new Date()): Promise<PendingSurvey[]> {
    await this.dispatcher.runDue(now, { customerId });
    const rows = await this.invitations.find({
      where: { customerId, status: In(statusesAllowing('submit')), expiresAt: MoreThan(now) },
      order: { sentAt: 'DESC', id: 'DESC' },
      take: 50,
    });
    if (rows.length === 0) return [];
    const [templates, stores] = await Promise.all([
      this.templates.findBy({ id: In([...new Set(rows.map((row) => row.templateId))]) }),
      this.stores.findBy({ id: In([...new Set(rows.map((row) => row.storeId))]) }),
    ]);
    return rows.map((row) =>
      toPendingSurvey(
        row,
        this.tokenOf(row),
        templates.find((template) => template.id === row.templateId)!,
        stores.find((store) => store.id === row.storeId)!,
      ),
    );
  }

  /** Opens a survey (sent → opened); a completed one shows what was answered. */
  async open(customerId: number, token: string, now = new Date()): Promise<SurveyForm> {
    const invitation = await this.resolve(customerId, token);
    if (invitation.status !== 'completed') {
      await this.assertNotExpired(invitation, now);
      await this.invitations
        .createQueryBuilder()
        .update(SurveyInvitationEntity)
        .set({ status: 'opened', openedAt: now })
        .where('id = :id', { id: invitation.id })
        .andWhere('status = :sent', { sent: 'sent' })
        .execute();
    }
    return this.form(invitation.id);
  }

  /** Keeps partial answers (checked as far as they go); the survey counts as started. */
  async saveProgress(
    customerId: number,
    token: string,
    answers: unknown,
    now = new Date(),
  ): Promise<SurveyForm> {
    const invitation = await this.resolve(customerId, token);
    this.assertAction(invitation, 'save_progress');
    await this.assertNotExpired(invitation, now);
    const template = await this.templates.findOneByOrFail({ id: invitation.templateId });
    const cleaned = this.checkAnswers(template, answers, 'progress');
    await this.transactions.run(async (manager) => {
      const locked = await this.lock(manager, invitation.id);
      this.assertAction(locked, 'save_progress');
      await this.assertNotExpired(locked, now);
      await manager.update(
        SurveyInvitationEntity,
        { id: locked.id },
        {
          status: 'started',
          ...answerProgress(template.content.questions, cleaned),
          openedAt: locked.openedAt ?? now,
          startedAt: locked.startedAt ?? now,
        },
      );
    });
    return this.form(invitation.id);
  }

  /**
   * Submits once. A resubmission (also with other answers, also two at the same moment) answers
   * with the first result and changes nothing: the row lock and the conditional update let one
   * submit through, and the unique invitation key of survey_responses backs them up.
   */
  async submit(
    customerId: number,
    token: string,
    answers: unknown,
    now = new Date(),
  ): Promise<SurveySubmitted> {
    const invitation = await this.resolve(customerId, token);
    if (invitation.status === 'completed') return this.submitted(invitation.id);
    this.assertAction(invitation, 'submit');
    await this.assertNotExpired(invitation, now);
    const template = await this.templates.findOneByOrFail({ id: invitation.templateId });
    const cleaned = this.checkAnswers(template, answers, 'final');
    const store = await this.stores.findOneByOrFail({ id: invitation.storeId });
    try {
      await this.transactions.run(async (manager) => {
        const locked = await this.lock(manager, invitation.id);
        if (locked.status === 'completed') return;
        this.assertAction(locked, 'submit');
        await this.assertNotExpired(locked, now);
        const { affected } = await manager
          .createQueryBuilder()
          .update(SurveyInvitationEntity)
          .set({
            status: 'completed',
            completedAt: now,
            ...answerProgress(template.content.questions, cleaned),
            openedAt: locked.openedAt ?? now,
            startedAt: locked.startedAt ?? now,
            nextCheckAt: null,
          })
          .where('id = :id', { id: locked.id })
          .andWhere('status IN (:...from)', { from: statusesAllowing('submit') })
          .execute();
        if ((affected ?? 0) === 0) return;
        await this.recordResponse(manager, locked, template, store, cleaned, now);
      });
    } catch (error) {
      // A response for this invitation already exists: the first submit won.
      if (!isUniqueViolation(error)) throw error;
    }
    return this.submitted(invitation.id);
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** The response, its factor scores and, for a low score, its case: built as the demo seed builds them. */
  private async recordResponse(
    manager: EntityManager,
    invitation: SurveyInvitationEntity,
    template: SurveyTemplateEntity,
    store: StoreEntity,
    answers: SurveyAnswers,
    now: Date,
  ): Promise<void> {
    const rows = responseRows(invitation, template, answers, now, store.timeZone, this.config.survey.policy);
    const { id: responseId } = await manager.save(manager.create(SurveyResponseEntity, rows.response));
    if (rows.factorScores.length > 0) {
      await manager.insert(
        SurveyFactorScoreEntity,
        rows.factorScores.map((row) => ({ ...row, responseId })),
      );
    }
    if (rows.lowScoreCase) {
      await manager.insert(LowScoreCaseEntity, { ...rows.lowScoreCase, responseId });
      await onLowScoreCaseOpened(
        manager,
        { id: responseId, storeId: invitation.storeId, customerId: invitation.customerId, completedAt: now },
        { ownerId: rows.lowScoreCase.ownerId, customerMobile: invitation.customerMobile },
      );
    }
  }

  /**
   * The invitation a token names, if the signature holds, it was sent, and it is the caller's.
   * Everything else is the same 404, so a token tells nothing about surveys of others.
   */
  private async resolve(customerId: number, token: string): Promise<SurveyInvitationEntity> {
    const claims = this.tokens.verify(token);
    if (!claims) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    const invitation = await this.invitations.findOneBy({ id: claims.invitationId });
    if (
      !invitation ||
      invitation.customerId !== customerId ||
      invitation.expiresAt === null ||
      new Date(invitation.expiresAt).getTime() !== claims.expiresAt.getTime()
    ) {
      throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    }
    return invitation;
  }

  /** Refuses an action the invitation's status does not allow (a completed or expired survey). */
  private assertAction(invitation: SurveyInvitationEntity, action: 'save_progress' | 'submit'): void {
    const decision = decideInvitationAction(invitation.status, action);
    if (!decision.allowed) throw new DomainException(ErrorCode.Conflict, decision.reason);
  }

  /** Past its expiry a survey cannot be answered, even before the dispatcher has marked it. */
  private async assertNotExpired(invitation: SurveyInvitationEntity, now: Date): Promise<void> {
    if (invitation.status === 'expired') throw new DomainException(ErrorCode.Conflict, EXPIRED);
    if (
      isInvitationAnswerable(invitation.status) &&
      now.getTime() >= new Date(invitation.expiresAt!).getTime()
    ) {
      throw new DomainException(ErrorCode.Conflict, EXPIRED);
    }
  }

  private checkAnswers(
    template: SurveyTemplateEntity,
    answers: unknown,
    mode: 'progress' | 'final',
  ): SurveyAnswers {
    const result = validateAnswers(template.content.questions, answers, mode);
    if (!result.ok) {
      const rows = answerErrors(result.errors);
      throw new DomainException(ErrorCode.ValidationFailed, summariseFieldErrors(rows), rows);
    }
    if (jsonBytes(result.answers) > MAX_JSON_BYTES) {
      const rows = [{ field: 'answers', message: '答案内容过长，请精简文字' }];
      throw new DomainException(ErrorCode.ValidationFailed, summariseFieldErrors(rows), rows);
    }
    return result.answers;
  }

  private async lock(manager: EntityManager, id: number): Promise<SurveyInvitationEntity> {
    const invitation = await manager.getRepository(SurveyInvitationEntity).findOne({
      where: { id },
      ...this.transactions.forUpdate,
    });
    if (!invitation) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return invitation;
  }

  private tokenOf(invitation: SurveyInvitationEntity): string {
    return this.tokens.sign(invitation.id, invitation.expiresAt!);
  }

  private async form(id: number): Promise<SurveyForm> {
    const invitation = await this.invitations.findOneByOrFail({ id });
    const [template, store, consultant] = await Promise.all([
      this.templates.findOneByOrFail({ id: invitation.templateId }),
      this.stores.findOneByOrFail({ id: invitation.storeId }),
      invitation.consultantId === null ? null : this.staff.findOneBy({ id: invitation.consultantId }),
    ]);
    return toSurveyForm(invitation, this.tokenOf(invitation), template, store, consultant);
  }

  private async submitted(id: number): Promise<SurveySubmitted> {
    const invitation = await this.invitations.findOneByOrFail({ id });
    const template = await this.templates.findOneByOrFail({ id: invitation.templateId });
    return toSurveySubmitted(invitation, this.tokenOf(invitation), template);
  }
}
