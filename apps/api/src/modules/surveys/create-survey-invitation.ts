import type { EntityManager } from 'typeorm';
import {
  DEFAULT_SURVEY_POLICY,
  invitationSendAt,
  SURVEY_EVENT_KIND,
  type SurveyPolicy,
} from '@dealer-care/domain';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { invitationRow, type SurveyEvent } from './survey-rows.js';
import { activeSurveyTemplate } from './survey-templates.js';

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
  const template = await activeSurveyTemplate(manager, SURVEY_EVENT_KIND[event.type]);
  const sendAt = invitationSendAt(event.type, event.at, event.store.timeZone, policy);
  try {
    await repo.insert(invitationRow(event, template, sendAt));
  } catch (error) {
    // Another transaction recorded the same event first: its invitation stands.
    if (!isUniqueViolation(error)) throw error;
  }
}
