import {
  asksIntent,
  CALL_BACK_MAX_DAYS,
  FOLLOW_UP_OUTCOME_LABEL_ZH,
  OUTCOME_NOTE_MAX_LENGTH,
  type FollowUpOutcome,
  type FollowUpTaskKind,
  type FollowUpTaskView,
  type IntentLevel,
  type RecordFollowUpOutcomeRequest,
} from '@dealer-care/domain';
import { problemOf, problemText } from '../../errors';

export { OUTCOME_NOTE_MAX_LENGTH };

/** The one-tap buttons of the drawer, in order, with their short labels. */
export const OUTCOME_BUTTONS: ReadonlyArray<{ outcome: FollowUpOutcome; label: string }> = [
  { outcome: 'reached_confirmed', label: FOLLOW_UP_OUTCOME_LABEL_ZH.reached_confirmed },
  { outcome: 'not_reached', label: FOLLOW_UP_OUTCOME_LABEL_ZH.not_reached },
  { outcome: 'call_back_at', label: FOLLOW_UP_OUTCOME_LABEL_ZH.call_back_at },
  { outcome: 'complaint_escalated', label: '客户投诉升级' },
];

export { asksIntent };

/** What the drawer's form holds when a button is tapped. */
export interface OutcomeFormValues {
  note?: string;
  /** ISO instant picked in the DatePicker. */
  callBackAt?: string | null;
  intentLevel?: IntentLevel | null;
}

export type OutcomeBuild =
  | { ok: true; body: RecordFollowUpOutcomeRequest }
  | { ok: false; field: 'note' | 'callBackAt'; message: string };

/**
 * The request for a tapped outcome, or why it cannot be sent yet: a complaint needs a note, a
 * call-back a future time within 30 days. The intent is only sent when the customer answered.
 */
export function buildOutcome(
  outcome: FollowUpOutcome,
  values: OutcomeFormValues,
  kind: FollowUpTaskKind,
  now: Date,
): OutcomeBuild {
  const note = values.note?.trim() ?? '';
  if (note.length > OUTCOME_NOTE_MAX_LENGTH) {
    return { ok: false, field: 'note', message: `备注最多 ${OUTCOME_NOTE_MAX_LENGTH} 个字` };
  }
  const body: RecordFollowUpOutcomeRequest = { outcome };
  if (note) body.note = note;
  if (outcome === 'complaint_escalated' && note.length < 2) {
    return { ok: false, field: 'note', message: '请在备注中写明客户投诉的内容' };
  }
  if (outcome === 'call_back_at') {
    const at = values.callBackAt ? Date.parse(values.callBackAt) : NaN;
    if (Number.isNaN(at)) return { ok: false, field: 'callBackAt', message: '请选择约定的回访时间' };
    if (at <= now.getTime()) return { ok: false, field: 'callBackAt', message: '约定时间需晚于现在' };
    if (at > now.getTime() + CALL_BACK_MAX_DAYS * 86_400_000) {
      return { ok: false, field: 'callBackAt', message: `约定时间需在 ${CALL_BACK_MAX_DAYS} 天之内` };
    }
    body.callBackAt = new Date(at).toISOString();
  }
  if (outcome !== 'not_reached' && asksIntent(kind) && values.intentLevel) {
    body.intentLevel = values.intentLevel;
  }
  return { ok: true, body };
}

/** The message after the server took the outcome, from the task it answered with. */
export function outcomeDoneText(
  outcome: FollowUpOutcome,
  task: Pick<FollowUpTaskView, 'status' | 'attempts'>,
): string {
  switch (outcome) {
    case 'reached_confirmed':
      return '已记录：已接通并确认，任务完成';
    case 'not_reached':
      return task.status === 'done'
        ? `已记录：未接通（已尝试 ${task.attempts} 次，任务关闭）`
        : `已记录：未接通（第 ${task.attempts} 次），稍后再试`;
    case 'call_back_at':
      return '已记录：约定时间再联系';
    case 'complaint_escalated':
      return '已记录投诉并升级给门店经理';
  }
}

/**
 * One outcome at a time per task: the first tap locks the task at once, before React renders the
 * disabled buttons, so a double click sends a single request.
 */
export class OutcomeGuard {
  private readonly busy = new Set<number>();

  tryLock(taskId: number): boolean {
    if (this.busy.has(taskId)) return false;
    this.busy.add(taskId);
    return true;
  }

  release(taskId: number): void {
    this.busy.delete(taskId);
  }

  isLocked(taskId: number): boolean {
    return this.busy.has(taskId);
  }
}

export type OutcomeResult =
  | { kind: 'done'; task: FollowUpTaskView; text: string }
  /** Someone else handled the task first (409), or it is gone: show why and refresh. */
  | { kind: 'stale'; text: string }
  | { kind: 'failed'; text: string }
  /** A tap while the previous one is still on its way: ignored. */
  | { kind: 'busy' };

export interface OutcomeClient {
  recordOutcome: (id: number, body: RecordFollowUpOutcomeRequest) => Promise<FollowUpTaskView>;
}

/** Sends one outcome through the guard; never rejects. */
export async function sendOutcome(
  client: OutcomeClient,
  guard: OutcomeGuard,
  taskId: number,
  body: RecordFollowUpOutcomeRequest,
): Promise<OutcomeResult> {
  if (!guard.tryLock(taskId)) return { kind: 'busy' };
  try {
    const task = await client.recordOutcome(taskId, body);
    return { kind: 'done', task, text: outcomeDoneText(body.outcome, task) };
  } catch (error) {
    const { status } = problemOf(error);
    if (status === 409 || status === 404) return { kind: 'stale', text: problemText(error) };
    return { kind: 'failed', text: problemText(error) };
  } finally {
    guard.release(taskId);
  }
}
