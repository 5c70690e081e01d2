import type { ProblemDetails, SurveyAnswers, SurveySubmitted } from '@dealer-care/domain';

/**
 * The survey outbox (pure; no Taro here, so it is unit-tested in Node): submissions kept on the phone
 * until the server has acknowledged them. An entry leaves the outbox only when the server answered
 * the submission (first answer or a resubmission — the server makes submit idempotent per token) or
 * said the survey can no longer take one (expired). Everything else keeps the answers: a network
 * error or a 5xx is retried with backoff; a refusal the customer may fix (400) or an unknown token is
 * kept, not retried automatically, and forgotten a week after the survey's own expiry.
 */

export interface OutboxEntry {
  token: string;
  /** The answers as validated on the phone (domain `validateAnswers`, final). */
  answers: SurveyAnswers;
  /** The customer who answered: only their session sends it (a shared phone, another login). */
  customerId: number | null;
  /** For the pending screen when the form cannot be loaded. */
  title: string;
  thanks: string;
  /** The token's expiry (ISO), after which a refused entry may be forgotten; null when unknown. */
  expiresAt: string | null;
  queuedAt: number;
  /** Sends that failed and will be retried. */
  attempts: number;
  /** Not sent before this instant (epoch ms). */
  nextAttemptAt: number;
  /** pending: to be sent; refused: the server said no for a reason a retry will not change. */
  state: 'pending' | 'refused';
  /** The last failure, in Chinese; null before the first attempt. */
  lastError: string | null;
  /** Per-question messages of a 400, keyed by question key. */
  fieldErrors: Record<string, string>;
}

/** The outbox, by token. */
export type Outbox = Record<string, OutboxEntry>;

export interface QueueMeta {
  customerId: number | null;
  title: string;
  thanks: string;
  expiresAt: string | null;
}

/** What one send came to. */
export type SendOutcome =
  | { kind: 'sent'; result: SurveySubmitted }
  /** No answer, a timeout, a 5xx, 429: try again later. */
  | { kind: 'retry'; message: string }
  /** The session is gone: wait for a login, keep the answers. */
  | { kind: 'unauthenticated'; message: string }
  /** The survey can no longer take answers (409: expired, completed): nothing to keep. */
  | { kind: 'closed'; message: string }
  /** 400/403/404…: the server refused these answers; kept for the customer, not retried on its own. */
  | { kind: 'refused'; message: string; fieldErrors: Record<string, string> };

/** First retry after 2 s, doubling to at most 30 s (a phone in the hand should not wait longer). */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 30_000;
/** While logged out, look again this often (a login also wakes the outbox). */
export const LOGIN_WAIT_MS = 30_000;
/** A refused entry is forgotten this long after the survey's expiry (it cannot be sent any more). */
export const REFUSED_KEEP_AFTER_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

export const OFFLINE_MESSAGE = '网络不佳，答案已保存在手机上，恢复网络后将自动提交';

/** Delay before retry number `attempts` (1 = the first retry). `random` in [0, 1) adds up to 20% jitter. */
export function backoffMs(attempts: number, random = 0): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 10);
  const base = Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_MAX_MS);
  return Math.round(base * (1 + 0.2 * Math.min(Math.max(random, 0), 1)));
}

/**
 * Puts (or replaces) the submission of `token`: a new submission of the same survey (the customer
 * corrected a refused one) replaces the earlier answers and is due at once.
 */
export function enqueue(
  outbox: Outbox,
  token: string,
  answers: SurveyAnswers,
  meta: QueueMeta,
  now: number,
): Outbox {
  const entry: OutboxEntry = {
    token,
    answers,
    customerId: meta.customerId,
    title: meta.title,
    thanks: meta.thanks,
    expiresAt: meta.expiresAt,
    queuedAt: now,
    attempts: 0,
    nextAttemptAt: now,
    state: 'pending',
    lastError: null,
    fieldErrors: {},
  };
  return { ...outbox, [token]: entry };
}

export function remove(outbox: Outbox, token: string): Outbox {
  if (!(token in outbox)) return outbox;
  const next = { ...outbox };
  delete next[token];
  return next;
}

/** Whether the entry may be sent by this customer's session (an entry without an owner by anyone logged in). */
function ownedBy(entry: OutboxEntry, customerId: number | null): boolean {
  return customerId !== null && (entry.customerId === null || entry.customerId === customerId);
}

/**
 * The pending entries of `customerId` to send now, oldest first. `force` ignores the backoff (the
 * network came back, the app was shown, the customer tapped 重试).
 */
export function dueEntries(
  outbox: Outbox,
  customerId: number | null,
  now: number,
  force = false,
): OutboxEntry[] {
  return Object.values(outbox)
    .filter(
      (entry) =>
        entry.state === 'pending' && ownedBy(entry, customerId) && (force || entry.nextAttemptAt <= now),
    )
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

/** When the next pending entry of `customerId` falls due (epoch ms), or null when none waits. */
export function nextWakeAt(outbox: Outbox, customerId: number | null): number | null {
  let earliest: number | null = null;
  for (const entry of Object.values(outbox)) {
    if (entry.state !== 'pending' || !ownedBy(entry, customerId)) continue;
    if (earliest === null || entry.nextAttemptAt < earliest) earliest = entry.nextAttemptAt;
  }
  return earliest;
}

/**
 * The outbox after a send of `sent` answers for `token` came to `outcome`. When the customer queued
 * different answers while that send was under way, a success or a closed survey still settles the
 * token (the server keeps only the first submission), but a failure leaves the newer entry alone.
 */
export function applyOutcome(
  outbox: Outbox,
  token: string,
  sent: SurveyAnswers,
  outcome: SendOutcome,
  now: number,
  random = 0,
): Outbox {
  const entry = outbox[token];
  if (!entry) return outbox;
  if (outcome.kind === 'sent' || outcome.kind === 'closed') return remove(outbox, token);
  if (entry.answers !== sent && !sameAnswers(entry.answers, sent)) return outbox;
  let next: OutboxEntry;
  switch (outcome.kind) {
    case 'retry': {
      const attempts = entry.attempts + 1;
      next = {
        ...entry,
        attempts,
        nextAttemptAt: now + backoffMs(attempts, random),
        lastError: outcome.message,
      };
      break;
    }
    case 'unauthenticated':
      next = { ...entry, nextAttemptAt: now + LOGIN_WAIT_MS, lastError: outcome.message };
      break;
    case 'refused':
      next = { ...entry, state: 'refused', lastError: outcome.message, fieldErrors: outcome.fieldErrors };
      break;
  }
  return { ...outbox, [token]: next };
}

/** Forgets refused entries of surveys expired over a week ago; pending ones stay until the server answers. */
export function prune(outbox: Outbox, now: number): Outbox {
  let next = outbox;
  for (const entry of Object.values(outbox)) {
    if (entry.state !== 'refused' || !entry.expiresAt) continue;
    const expires = Date.parse(entry.expiresAt);
    if (Number.isFinite(expires) && now > expires + REFUSED_KEEP_AFTER_EXPIRY_MS) {
      next = remove(next, entry.token);
    }
  }
  return next;
}

/** Reads a stored outbox defensively: anything that is not a well-formed entry is left out. */
export function parseOutbox(value: unknown): Outbox {
  const out: Outbox = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [token, raw] of Object.entries(value as Record<string, unknown>)) {
    const entry = raw as Partial<OutboxEntry> | null;
    if (
      !entry ||
      typeof entry !== 'object' ||
      entry.token !== token ||
      !entry.answers ||
      typeof entry.answers !== 'object' ||
      (entry.state !== 'pending' && entry.state !== 'refused')
    ) {
      continue;
    }
    out[token] = {
      token,
      answers: entry.answers,
      customerId: typeof entry.customerId === 'number' ? entry.customerId : null,
      title: typeof entry.title === 'string' ? entry.title : '',
      thanks: typeof entry.thanks === 'string' ? entry.thanks : '',
      expiresAt: typeof entry.expiresAt === 'string' ? entry.expiresAt : null,
      queuedAt: Number(entry.queuedAt) || 0,
      attempts: Number(entry.attempts) || 0,
      nextAttemptAt: Number(entry.nextAttemptAt) || 0,
      state: entry.state,
      lastError: typeof entry.lastError === 'string' ? entry.lastError : null,
      fieldErrors: entry.fieldErrors && typeof entry.fieldErrors === 'object' ? { ...entry.fieldErrors } : {},
    };
  }
  return out;
}

function problemOf(error: unknown): ProblemDetails | null {
  const problem = (error as { problem?: unknown } | null)?.problem;
  if (!problem || typeof problem !== 'object') return null;
  const { status, title } = problem as Partial<ProblemDetails>;
  return typeof status === 'number' && typeof title === 'string' ? (problem as ProblemDetails) : null;
}

/**
 * A 400's per-question messages, keyed by question key. The server names the fields `answers.<key>`
 * (or just `<key>`); a message about the whole body has no key and is left to the title.
 */
export function answerFieldErrors(problem: ProblemDetails | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of problem?.errors ?? []) {
    const parts = row.field.split('.');
    const key = parts[0] === 'answers' ? parts[1] : parts[0];
    if (key && key !== 'answers' && !(key in out)) out[key] = row.message;
  }
  return out;
}

/**
 * What a failed submit means for the answers. Anything that is not a problem from the server (no
 * answer, a thrown TypeError) counts as a network failure: the answers are kept and sent again.
 */
export function classifySubmitError(error: unknown): Exclude<SendOutcome, { kind: 'sent' }> {
  const problem = problemOf(error);
  if (!problem || problem.code === 'network_error' || problem.status === 0) {
    return { kind: 'retry', message: OFFLINE_MESSAGE };
  }
  const { status } = problem;
  if (status >= 500 || status === 408 || status === 429) return { kind: 'retry', message: OFFLINE_MESSAGE };
  if (status === 401 || problem.code === 'unauthenticated' || problem.code === 'token_expired') {
    return { kind: 'unauthenticated', message: '登录已失效，重新登录后将自动提交' };
  }
  const message = problem.detail || problem.title;
  if (status === 409 || status === 410) return { kind: 'closed', message };
  return { kind: 'refused', message, fieldErrors: answerFieldErrors(problem) };
}

/** Answers compared by value (key order does not matter). */
export function sameAnswers(a: SurveyAnswers, b: SurveyAnswers): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) || Array.isArray(y)) {
      return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]);
    }
    return x === y;
  });
}
