import Taro from '@tarojs/taro';
import type { SurveyAnswers } from '@dealer-care/domain';
import {
  applyOutcome,
  classifySubmitError,
  dueEntries,
  enqueue,
  nextWakeAt,
  parseOutbox,
  prune,
  remove,
  type OutboxEntry,
  type QueueMeta,
  type SendOutcome,
} from '../utils/survey-outbox';
import { storedRecord } from '../utils/stored-record';
import { api } from './api';
import { currentCustomerId, getAccessToken, onSessionChange } from './session';

/**
 * Survey answers that have not reached the server yet, kept in storage (`dc.survey.outbox`) and sent
 * again until the server acknowledges them: with backoff, when the network comes back, when the app
 * is shown and after a login. Started from app.tsx, so it lives in the main package: the rules are
 * the pure functions of utils/survey-outbox.ts; this is their storage and their timers.
 */

const STORAGE_KEY = 'dc.survey.outbox';
/** Never poll faster than this, whatever the outbox says. */
const MIN_WAKE_MS = 500;

/** The outbox; its in-memory copy serves while storage cannot be read or written (full, private mode). */
const { load, save } = storedRecord(Taro, STORAGE_KEY, parseOutbox);

type OutcomeListener = (token: string, outcome: SendOutcome) => void;
const listeners = new Set<OutcomeListener>();

/** Calls `listener` after every send (the answer page learns that a background retry got through). */
export function onOutboxOutcome(listener: OutcomeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps the submission on the phone first; `sendSubmission` or the next flush sends it. */
export function queueSubmission(
  token: string,
  answers: SurveyAnswers,
  meta: Omit<QueueMeta, 'customerId'>,
): void {
  save(enqueue(load(), token, answers, { ...meta, customerId: currentCustomerId() }, Date.now()));
}

/** Whether the logged-in customer may send the entry (one queued while logged out: anyone logged in). */
function isMine(entry: OutboxEntry): boolean {
  const customerId = currentCustomerId();
  return customerId !== null && (entry.customerId === null || entry.customerId === customerId);
}

/** The logged-in customer's submission of `token` still on the phone, or null. */
export function queuedSubmission(token: string): OutboxEntry | null {
  const entry = load()[token];
  return entry && isMine(entry) ? entry : null;
}

/** Tokens whose answers wait on the phone for the logged-in customer (not yet acknowledged by the server). */
export function queuedTokens(): string[] {
  return Object.values(load())
    .filter(isMine)
    .map((entry) => entry.token);
}

/** Forgets the submission of `token`: the server says the survey is completed or expired. */
export function forgetSubmission(token: string): void {
  save(remove(load(), token));
}

const inFlight = new Map<string, Promise<SendOutcome>>();

function send(entry: OutboxEntry): Promise<SendOutcome> {
  const running = inFlight.get(entry.token);
  if (running) return running;
  const promise = api.surveys
    .submit(entry.token, { answers: entry.answers })
    .then(
      (result): SendOutcome => ({ kind: 'sent', result }),
      (error: unknown): SendOutcome => classifySubmitError(error),
    )
    .then((outcome) => {
      save(applyOutcome(load(), entry.token, entry.answers, outcome, Date.now(), Math.random()));
      listeners.forEach((listener) => listener(entry.token, outcome));
      return outcome;
    })
    .finally(() => {
      inFlight.delete(entry.token);
      schedule();
    });
  inFlight.set(entry.token, promise);
  return promise;
}

/** Sends the submission of `token` now, whatever its backoff; null when there is none to send. */
export function sendSubmission(token: string): Promise<SendOutcome> | null {
  const entry = queuedSubmission(token);
  return entry && entry.state === 'pending' ? send(entry) : null;
}

let timer: ReturnType<typeof setTimeout> | null = null;

/** Wakes up when the next pending submission falls due (nothing while logged out: a login wakes it). */
function schedule(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const wake = getAccessToken() ? nextWakeAt(load(), currentCustomerId()) : null;
  if (wake === null) return;
  timer = setTimeout(() => void flushSurveyOutbox(), Math.max(wake - Date.now(), MIN_WAKE_MS));
}

/**
 * Sends every due submission of the logged-in customer, one after another (a weak network, and
 * WeChat's limit of concurrent requests). `force` ignores the backoff: the network came back, the
 * app or a page was shown.
 */
export async function flushSurveyOutbox(force = false): Promise<void> {
  const customerId = currentCustomerId();
  if (customerId === null || !getAccessToken()) {
    schedule();
    return;
  }
  for (const entry of dueEntries(load(), customerId, Date.now(), force)) {
    await send(entry);
  }
  schedule();
}

let started = false;

/** Starts the outbox once (app launch): sends what is left from last time and listens for a way out. */
export function startSurveyOutbox(): void {
  if (started) return;
  started = true;
  save(prune(load(), Date.now()));
  const flushNow = () => void flushSurveyOutbox(true);
  Taro.onNetworkStatusChange(({ isConnected }) => {
    if (isConnected) flushNow();
  });
  // H5 reports only connection-type changes through Taro; the browser's own event says "back online".
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined')
    window.addEventListener('online', flushNow);
  Taro.onAppShow(flushNow);
  // A login (or another customer's) sends what waited for it; a logout stops the timer.
  onSessionChange(flushNow);
  flushNow();
}
