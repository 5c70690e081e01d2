import type { EntityManager } from 'typeorm';
import {
  countAnswered,
  DEFAULT_SURVEY_POLICY,
  invitationSendAt,
  SURVEY_EVENT_KIND,
  utcToZoned,
  visibleQuestions,
  type SurveyEventType,
  type SurveyPolicy,
} from '@dealer-care/domain';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { activeSurveyTemplate } from './survey-templates.js';

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

/** "试驾 云岚 星河 · 11月20日 · 星河汽车城店". */
export function invitationSubject(event: SurveyEvent): string {
  const [, month, day] = utcToZoned(event.at, event.store.timeZone).date.split('-');
  const subject = `${event.what.trim()} · ${Number(month)}月${Number(day)}日 · ${event.store.name}`;
  return Array.from(subject).slice(0, 120).join('');
}

/**
 * Owes the customer one survey for the event, scheduled for its send time. Call it inside the
 * transaction that records the event, so both are committed or neither. One invitation per event:
 * a repeat finds the first (unique event key) and does nothing.
 */
export async function createSurveyInvitation(
  manager: EntityManager,
  event: SurveyEvent,
  policy: SurveyPolicy = DEFAULT_SURVEY_POLICY,
): Promise<void> {
  const repo = manager.getRepository(SurveyInvitationEntity);
  if (await repo.existsBy({ eventType: event.type, eventId: event.id })) return;
  const kind = SURVEY_EVENT_KIND[event.type];
  const template = await activeSurveyTemplate(manager, kind);
  const sendAt = invitationSendAt(event.type, event.at, event.store.timeZone, policy);
  try {
    await repo.insert({
      kind,
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
      answers: {},
      answeredCount: countAnswered(template.content.questions, {}),
      questionCount: visibleQuestions(template.content.questions, {}).length,
    });
  } catch (error) {
    // Another transaction recorded the same event first: its invitation stands.
    if (!isUniqueViolation(error)) throw error;
  }
}
