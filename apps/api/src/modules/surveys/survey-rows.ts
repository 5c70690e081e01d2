/**
 * The rows a survey writes, as pure functions: the live path (createSurveyInvitation, the
 * customer's submit) and the demo seed both build them here, so demo data can never drift from
 * what a real customer produces.
 */
import {
  caseDueAt,
  countAnswered,
  localDateIn,
  localWeekStart,
  scoreSurvey,
  SURVEY_EVENT_KIND,
  utcToZoned,
  visibleQuestions,
  type SurveyAnswers,
  type SurveyEventType,
  type SurveyPolicy,
  type SurveyQuestion,
} from '@dealer-care/domain';
import type { LowScoreCaseEntity } from './entities/low-score-case.entity.js';
import type { SurveyFactorScoreEntity } from './entities/survey-factor-score.entity.js';
import type { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import type { SurveyResponseEntity } from './entities/survey-response.entity.js';
import type { SurveyTemplateEntity } from './entities/survey-template.entity.js';

/** A journey event that owes the customer a survey. */
export interface SurveyEvent {
  type: SurveyEventType;
  /** The booking id of a test drive, the sales order id of a delivery. */
  id: number;
  at: Date;
  store: { id: number; name: string; timeZone: string };
  consultantId: number | null;
  /** Null when the order is not linked to a WeChat customer yet (resolved when it is sent). */
  customerId: number | null;
  customerName: string;
  customerMobile: string;
  /** What it was about, e.g. "试驾 云岚 星河" or "交车 云岚 X5". */
  what: string;
}

export type InvitationRow = Omit<SurveyInvitationEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type ResponseRow = Omit<SurveyResponseEntity, 'id'>;
/** Without the response id: the live path knows it only once the response is inserted. */
export type FactorScoreRow = Omit<SurveyFactorScoreEntity, 'responseId'>;
export type CaseRow = Omit<LowScoreCaseEntity, 'id' | 'responseId' | 'createdAt' | 'updatedAt'>;

/** "试驾 云岚 星河 · 11月20日 · 星河汽车城店". */
export function invitationSubject(event: SurveyEvent): string {
  const [, month, day] = utcToZoned(event.at, event.store.timeZone).date.split('-');
  const subject = `${event.what.trim()} · ${Number(month)}月${Number(day)}日 · ${event.store.name}`;
  return Array.from(subject).slice(0, 120).join('');
}

/** The answers kept on an invitation with the counts its lists show (answered of visible). */
export function answerProgress(
  questions: SurveyQuestion[],
  answers: SurveyAnswers,
): Pick<InvitationRow, 'answers' | 'answeredCount' | 'questionCount'> {
  return {
    answers,
    answeredCount: countAnswered(questions, answers),
    questionCount: visibleQuestions(questions, answers).length,
  };
}

/** A new invitation for the event, scheduled for `sendAt` and not yet answered. */
export function invitationRow(
  event: SurveyEvent,
  template: SurveyTemplateEntity,
  sendAt: Date,
): InvitationRow {
  return {
    kind: SURVEY_EVENT_KIND[event.type],
    templateId: template.id,
    eventType: event.type,
    eventId: event.id,
    storeId: event.store.id,
    consultantId: event.consultantId,
    customerId: event.customerId,
    customerName: event.customerName,
    customerMobile: event.customerMobile,
    subject: invitationSubject(event),
    status: 'scheduled',
    holdReason: null,
    sendAt,
    nextCheckAt: sendAt,
    sentAt: null,
    remindedAt: null,
    openedAt: null,
    startedAt: null,
    completedAt: null,
    expiresAt: null,
    ...answerProgress(template.content.questions, {}),
  };
}

/**
 * What a completed survey adds: the scored response (dated in the store's time zone), a row per
 * scored factor, and an open callback case when the score is low.
 */
export function responseRows(
  invitation: Pick<
    SurveyInvitationEntity,
    'id' | 'kind' | 'storeId' | 'consultantId' | 'customerId' | 'sentAt'
  >,
  template: SurveyTemplateEntity,
  answers: SurveyAnswers,
  completedAt: Date,
  timeZone: string,
  policy: SurveyPolicy,
): { response: ResponseRow; factorScores: FactorScoreRow[]; lowScoreCase: CaseRow | null } {
  const score = scoreSurvey(template.content, answers);
  const localDate = localDateIn(timeZone, completedAt);
  const sentAt = new Date(invitation.sentAt ?? completedAt);
  return {
    response: {
      invitationId: invitation.id,
      templateId: template.id,
      kind: invitation.kind,
      storeId: invitation.storeId,
      consultantId: invitation.consultantId,
      customerId: invitation.customerId,
      completedAt,
      localDate,
      localWeek: localWeekStart(localDate),
      minutesToAnswer: Math.max(0, Math.round((completedAt.getTime() - sentAt.getTime()) / 60_000)),
      indexScore: score.index,
      nps: score.nps,
      overall: score.overall,
      lowScore: score.lowScore,
      lowReasons: score.lowScoreReasons,
      answers,
    },
    factorScores: score.factors.flatMap((factor) =>
      factor.score === null
        ? []
        : [
            {
              factorKey: factor.key,
              kind: invitation.kind,
              storeId: invitation.storeId,
              consultantId: invitation.consultantId,
              localDate,
              score: factor.score,
            },
          ],
    ),
    lowScoreCase: score.lowScore
      ? {
          storeId: invitation.storeId,
          customerId: invitation.customerId,
          ownerId: invitation.consultantId,
          status: 'open',
          openedAt: completedAt,
          dueAt: caseDueAt(completedAt, policy),
          contactedAt: null,
          resolvedAt: null,
          notes: [],
        }
      : null,
  };
}
