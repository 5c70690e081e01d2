import { api } from './api';
import { queuedTokens } from './survey-outbox';

/**
 * How many surveys wait for the customer (待评价问卷): those the server still lists, less those
 * already answered on this phone and waiting in the outbox for a signal.
 */
export async function pendingSurveyCount(): Promise<number> {
  const pending = await api.surveys.pending();
  const queued = new Set(queuedTokens());
  return pending.filter((survey) => !queued.has(survey.token)).length;
}
