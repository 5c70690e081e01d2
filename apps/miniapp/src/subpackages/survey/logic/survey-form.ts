import type { AnswerValue, SurveyAnswers, SurveyForm, SurveyQuestion } from '@dealer-care/domain';
import { errorMessage, isRetryable, isUnauthenticated } from '../../../utils/errors';

/**
 * The answer page's pure rules (unit-tested in Node; no Taro): editing answers, moving between the
 * visible questions, and the local draft kept per token so reopening the survey restores it.
 * Which questions are visible and whether answers are valid is the domain's (`visibleQuestions`,
 * `validateAnswers`), the same functions the server runs.
 */

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/** The answers with `key` set to `value`; an empty text or an empty selection removes the answer. */
export function withAnswer(
  answers: SurveyAnswers,
  key: string,
  value: AnswerValue | undefined,
): SurveyAnswers {
  const next = { ...answers };
  const empty =
    value === undefined ||
    (typeof value === 'string' && value.length === 0) ||
    (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}

/** A multi-choice selection with `option` ticked or unticked, in the template's option order. */
export function toggleOption(current: AnswerValue | undefined, option: string, order: string[]): string[] {
  const selected = new Set(Array.isArray(current) ? current : []);
  if (selected.has(option)) selected.delete(option);
  else selected.add(option);
  return order.filter((value) => selected.has(value));
}

/** Whether the question has an answer (text that is only spaces does not count). */
export function isAnswered(question: SurveyQuestion, answers: SurveyAnswers): boolean {
  const value = answers[question.key];
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Characters of a text answer as the server counts them (code points, so an emoji is one). */
export function textLength(value: string): number {
  return Array.from(value).length;
}

// ---------------------------------------------------------------------------------------------
// Moving between questions (by key: the visible list changes as answers change)
// ---------------------------------------------------------------------------------------------

/**
 * The question to show: `key` when it is visible; else the first visible question after where it was
 * in the template (it was hidden by an answer that changed); else the last visible one.
 */
export function resolveCurrent(
  questions: SurveyQuestion[],
  visible: SurveyQuestion[],
  key: string | null,
): SurveyQuestion | null {
  if (visible.length === 0) return null;
  if (key === null) return visible[0] ?? null;
  const found = visible.find((question) => question.key === key);
  if (found) return found;
  const at = questions.findIndex((question) => question.key === key);
  if (at < 0) return visible[0] ?? null;
  const later = new Set(questions.slice(at + 1).map((question) => question.key));
  return visible.find((question) => later.has(question.key)) ?? visible[visible.length - 1] ?? null;
}

/** The visible question after `key`, or null at the last one. */
export function nextQuestionKey(visible: SurveyQuestion[], key: string): string | null {
  const at = visible.findIndex((question) => question.key === key);
  return at >= 0 && at + 1 < visible.length ? (visible[at + 1]?.key ?? null) : null;
}

/** The visible question before `key`, or null at the first one. */
export function previousQuestionKey(visible: SurveyQuestion[], key: string): string | null {
  const at = visible.findIndex((question) => question.key === key);
  return at > 0 ? (visible[at - 1]?.key ?? null) : null;
}

/** Where the customer stands: question `current` of `total` (1-based) and the share shown on the bar (0–100). */
export function progressOf(
  visible: SurveyQuestion[],
  key: string | null,
): { current: number; total: number; percent: number } {
  const total = visible.length;
  const at = key === null ? -1 : visible.findIndex((question) => question.key === key);
  const current = at < 0 ? 0 : at + 1;
  return { current, total, percent: total === 0 ? 0 : Math.round((current / total) * 100) };
}

/** The first key (in visible order) that has an error, to jump to after a failed submit. */
export function firstErrorKey(visible: SurveyQuestion[], errors: Record<string, string>): string | null {
  return visible.find((question) => question.key in errors)?.key ?? null;
}

// ---------------------------------------------------------------------------------------------
// The local draft (per token)
// ---------------------------------------------------------------------------------------------

export interface SurveyDraft {
  token: string;
  answers: SurveyAnswers;
  /** The question the customer was on; null on the intro screen. */
  currentKey: string | null;
  /** Local changes the server has not confirmed through saveProgress. */
  dirty: boolean;
  savedAt: number;
  /**
   * The form as last opened (template, subject, store), so the survey can be answered again on a
   * signal too weak to open it.
   */
  form: SurveyForm | null;
}

export type SurveyDrafts = Record<string, SurveyDraft>;

/** A draft untouched this long is forgotten, whatever the form says. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The answers to start from when the survey opens: unsynced answers on this phone win (the server
 * only has an older copy); a synced draft gives way to the server (answered further elsewhere).
 */
export function restoreAnswers(server: SurveyAnswers, draft: SurveyDraft | null): SurveyAnswers {
  if (!draft) return server;
  return draft.dirty ? draft.answers : server;
}

/** Whether the page must send the phone's answers to the server (saveProgress) after opening. */
export function needsSync(draft: SurveyDraft | null): boolean {
  return draft !== null && draft.dirty && Object.keys(draft.answers).length > 0;
}

/** Forgets drafts of expired surveys and drafts untouched for a month. */
export function pruneDrafts(drafts: SurveyDrafts, now: number): SurveyDrafts {
  const out: SurveyDrafts = {};
  for (const [token, draft] of Object.entries(drafts)) {
    const expires = draft.form ? Date.parse(draft.form.expiresAt) : NaN;
    if (Number.isFinite(expires) && expires < now) continue;
    if (now - draft.savedAt > DRAFT_MAX_AGE_MS) continue;
    out[token] = draft;
  }
  return out;
}

/** Reads stored drafts defensively: anything malformed is left out. */
export function parseDrafts(value: unknown): SurveyDrafts {
  const out: SurveyDrafts = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [token, raw] of Object.entries(value as Record<string, unknown>)) {
    const draft = raw as Partial<SurveyDraft> | null;
    if (!draft || typeof draft !== 'object' || draft.token !== token) continue;
    if (!draft.answers || typeof draft.answers !== 'object' || Array.isArray(draft.answers)) continue;
    const form = draft.form;
    out[token] = {
      token,
      answers: draft.answers,
      currentKey: typeof draft.currentKey === 'string' ? draft.currentKey : null,
      dirty: draft.dirty === true,
      savedAt: Number(draft.savedAt) || 0,
      form:
        form && typeof form === 'object' && form.token === token && Array.isArray(form.template?.questions)
          ? form
          : null,
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------------

export const NOT_FOUND_TEXT = '没有找到这份问卷：链接可能有误，或问卷不属于当前登录的账号。';

/** What a failed open means for the answer page. */
export type OpenFailure =
  | { kind: 'login' }
  /** 409: the only conflict opening answers is an expired survey (a completed one opens normally). */
  | { kind: 'expired' }
  /** A refusal a retry will not change: 404 (a wrong token, another customer's), other 4xx. */
  | { kind: 'error'; message: string }
  /** No answer or a 5xx: the phone's copy may serve, else offer a retry. */
  | { kind: 'offline'; message: string };

export function openFailure(error: unknown): OpenFailure {
  if (isUnauthenticated(error)) return { kind: 'login' };
  if (isRetryable(error)) return { kind: 'offline', message: errorMessage(error) };
  const status = (error as { problem?: { status?: unknown } } | null)?.problem?.status;
  if (status === 409) return { kind: 'expired' };
  return { kind: 'error', message: status === 404 ? NOT_FOUND_TEXT : errorMessage(error) };
}
