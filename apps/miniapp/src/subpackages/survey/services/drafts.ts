import Taro from '@tarojs/taro';
import type { SurveyAnswers, SurveyForm } from '@dealer-care/domain';
import { storedRecord } from '../../../utils/stored-record';
import { sameAnswers } from '../../../utils/survey-outbox';
import { parseDrafts, pruneDrafts, type SurveyDraft } from '../logic/survey-form';

/**
 * The answers in progress, per token, in storage (`dc.survey.drafts`): written on every change, so
 * closing the mini-program or losing the signal never loses an answer; reopening the survey starts
 * from here. The rules are the pure functions of logic/survey-form.ts.
 */

const STORAGE_KEY = 'dc.survey.drafts';

/** The drafts; their in-memory copy serves while storage cannot be read or written. */
const { load, save } = storedRecord(Taro, STORAGE_KEY, parseDrafts);

export function loadDraft(token: string): SurveyDraft | null {
  return load()[token] ?? null;
}

/** Writes the draft of `token`, keeping what `patch` does not mention; old drafts are pruned on the way. */
export function saveDraft(
  token: string,
  patch: Partial<Pick<SurveyDraft, 'answers' | 'currentKey' | 'dirty' | 'form'>>,
): void {
  const now = Date.now();
  const drafts = pruneDrafts(load(), now);
  const previous: SurveyDraft = drafts[token] ?? {
    token,
    answers: {},
    currentKey: null,
    dirty: false,
    savedAt: now,
    form: null,
  };
  save({ ...drafts, [token]: { ...previous, ...patch, token, savedAt: now } });
}

/** Marks the draft synced when the server has exactly these answers (saveProgress succeeded). */
export function markSynced(token: string, answers: SurveyAnswers): void {
  const draft = load()[token];
  if (draft?.dirty && sameAnswers(draft.answers, answers)) saveDraft(token, { dirty: false });
}

/** Keeps the form as opened, so a later visit on no signal can still show it. */
export function rememberForm(form: SurveyForm): void {
  saveDraft(form.token, { form });
}

export function forgetDraft(token: string): void {
  const drafts = load();
  if (!(token in drafts)) return;
  const next = { ...drafts };
  delete next[token];
  save(next);
}
