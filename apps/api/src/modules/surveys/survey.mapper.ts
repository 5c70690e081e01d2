import {
  isCaseOverdue,
  maskMobile,
  type LowScoreCase,
  type PendingSurvey,
  type SurveyForm,
  type SurveyInvitationListItem,
  type SurveySubmitted,
  type SurveyTemplate,
} from '@dealer-care/domain';
import type { StaffUserEntity } from '../staff/staff-user.entity.js';
import type { StoreEntity } from '../stores/store.entity.js';
import type { LowScoreCaseEntity } from './entities/low-score-case.entity.js';
import type { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import type { SurveyResponseEntity } from './entities/survey-response.entity.js';
import type { SurveyTemplateEntity } from './entities/survey-template.entity.js';

const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

export function toPendingSurvey(
  invitation: SurveyInvitationEntity,
  token: string,
  template: SurveyTemplateEntity,
  store: StoreEntity,
): PendingSurvey {
  return {
    token,
    kind: invitation.kind,
    title: template.content.title,
    subject: invitation.subject,
    storeName: store.name,
    status: invitation.status as PendingSurvey['status'],
    answeredCount: invitation.answeredCount,
    questionCount: invitation.questionCount,
    sentAt: iso(invitation.sentAt!),
    expiresAt: iso(invitation.expiresAt!),
  };
}

export function toSurveyForm(
  invitation: SurveyInvitationEntity,
  token: string,
  template: SurveyTemplateEntity,
  store: StoreEntity,
  consultant: StaffUserEntity | null,
): SurveyForm {
  const content = template.content;
  return {
    token,
    kind: invitation.kind,
    subject: invitation.subject,
    storeName: store.name,
    consultantName: consultant?.displayName ?? null,
    status: invitation.status,
    template: {
      id: template.id,
      version: template.version,
      title: content.title,
      intro: content.intro,
      thanks: content.thanks,
      questions: content.questions,
    },
    answers: invitation.answers,
    expiresAt: iso(invitation.expiresAt!),
    completedAt: isoOrNull(invitation.completedAt),
  };
}

export function toSurveySubmitted(
  invitation: SurveyInvitationEntity,
  token: string,
  template: SurveyTemplateEntity,
): SurveySubmitted {
  return { token, completedAt: iso(invitation.completedAt!), thanks: template.content.thanks };
}

export function toSurveyTemplate(
  template: SurveyTemplateEntity,
  createdBy: StaffUserEntity | null,
): SurveyTemplate {
  return {
    ...template.content,
    id: template.id,
    kind: template.kind,
    version: template.version,
    active: template.active,
    createdAt: iso(template.createdAt),
    createdByName: createdBy?.displayName ?? null,
  };
}

/** Everything a case's answer needs besides the case row. */
export interface CaseDetails {
  response: SurveyResponseEntity;
  invitation: SurveyInvitationEntity;
  template: SurveyTemplateEntity;
  store: StoreEntity;
  staffById: ReadonlyMap<number, StaffUserEntity>;
}

const person = (id: number | null, staffById: ReadonlyMap<number, StaffUserEntity>) => {
  if (id === null) return null;
  return { id, name: staffById.get(id)?.displayName ?? '' };
};

export function toLowScoreCase(row: LowScoreCaseEntity, details: CaseDetails, now: Date): LowScoreCase {
  const { response, invitation, template, store, staffById } = details;
  // The customer's own words, for the call: every answered text question, in template order.
  const comments = template.content.questions.flatMap((question) => {
    const value = Object.hasOwn(response.answers, question.key) ? response.answers[question.key] : undefined;
    return question.type === 'text' && typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
  });
  return {
    id: row.id,
    responseId: row.responseId,
    storeId: row.storeId,
    storeName: store.name,
    kind: response.kind,
    customerName: invitation.customerName,
    mobileMasked: maskMobile(invitation.customerMobile),
    subject: invitation.subject,
    consultant: person(response.consultantId, staffById),
    owner: person(row.ownerId, staffById),
    status: row.status,
    reasons: response.lowReasons,
    index: response.indexScore,
    nps: response.nps,
    comments,
    openedAt: iso(row.openedAt),
    dueAt: iso(row.dueAt),
    contactedAt: isoOrNull(row.contactedAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    overdue: isCaseOverdue(
      {
        status: row.status,
        dueAt: new Date(row.dueAt),
        resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt),
      },
      now,
    ),
    notes: row.notes.map((note) => ({
      at: note.at,
      byName: note.byName,
      status: note.status,
      note: note.note,
    })),
  };
}

/** Statuses in which the dispatcher will still try to send: their next check is the next attempt. */
const AWAITING_SEND: ReadonlySet<SurveyInvitationEntity['status']> = new Set(['scheduled', 'held']);
/** Statuses a hold reason explains. */
const HELD_BACK: ReadonlySet<SurveyInvitationEntity['status']> = new Set(['held', 'dropped']);

/** An invitation in the staff list: masked mobile, the hold reason, and the next attempt while unsent. */
export function toInvitationListItem(
  invitation: SurveyInvitationEntity,
  names: { storeName: string; consultantName: string | null },
): SurveyInvitationListItem {
  return {
    id: invitation.id,
    kind: invitation.kind,
    storeId: invitation.storeId,
    storeName: names.storeName,
    customerName: invitation.customerName,
    mobileMasked: maskMobile(invitation.customerMobile),
    subject: invitation.subject,
    consultantName: names.consultantName,
    status: invitation.status,
    holdReason: HELD_BACK.has(invitation.status) ? invitation.holdReason : null,
    sendAt: iso(invitation.sendAt),
    nextCheckAt: AWAITING_SEND.has(invitation.status) ? isoOrNull(invitation.nextCheckAt) : null,
    sentAt: isoOrNull(invitation.sentAt),
    remindedAt: isoOrNull(invitation.remindedAt),
    openedAt: isoOrNull(invitation.openedAt),
    completedAt: isoOrNull(invitation.completedAt),
    expiresAt: isoOrNull(invitation.expiresAt),
    createdAt: iso(invitation.createdAt),
  };
}
