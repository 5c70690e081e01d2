import {
  CASE_STATUS_LABEL_ZH,
  closedOnTimeRate,
  decideCaseTransition,
  isCaseOverdue,
  type CaseStatus,
  type LowScoreCase,
  type StaffUser,
} from '@dealer-care/domain';
import { canAssignCases, canWorkCase } from '../../access';
import type { HistoryItem } from '../../components/HistoryTimeline';
import { localDateTime } from '../test-drives/time';
import { durationText } from './format';

export const CASE_STATUS_COLOR: Record<CaseStatus, string> = {
  open: 'red',
  contacted: 'gold',
  resolved: 'green',
};

/** Filter of the case list: 'active' is open and contacted, what still needs work. */
export const CASE_FILTERS = ['active', 'open', 'contacted', 'resolved', 'all'] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

export const CASE_FILTER_LABEL_ZH: Record<CaseFilter, string> = {
  active: '待处理',
  open: CASE_STATUS_LABEL_ZH.open,
  contacted: CASE_STATUS_LABEL_ZH.contacted,
  resolved: CASE_STATUS_LABEL_ZH.resolved,
  all: '全部',
};

export function isCaseFilter(value: string | null): value is CaseFilter {
  return (CASE_FILTERS as readonly string[]).includes(value ?? '');
}

/** The cases a filter keeps; the API filters by one status, 'active' is two. */
export function filterCases(cases: readonly LowScoreCase[], filter: CaseFilter): LowScoreCase[] {
  if (filter === 'all') return [...cases];
  if (filter === 'active') return cases.filter((c) => c.status !== 'resolved');
  return cases.filter((c) => c.status === filter);
}

/** The API's status parameter for a filter (none for 'active' and 'all'). */
export function caseStatusParam(filter: CaseFilter): CaseStatus | undefined {
  return filter === 'active' || filter === 'all' ? undefined : filter;
}

type Timed = Pick<LowScoreCase, 'status' | 'dueAt' | 'resolvedAt'>;

const asDates = (c: Timed) => ({
  status: c.status,
  dueAt: new Date(c.dueAt),
  resolvedAt: c.resolvedAt === null ? null : new Date(c.resolvedAt),
});

/** Overdue now: not resolved and past due, or resolved after it. */
export function caseOverdue(c: Timed, now: Date): boolean {
  return isCaseOverdue(asDates(c), now);
}

/** The due time in words, for the list: "剩余 5 小时", "已超时 2 小时 10 分", "按时解决", "超时 3 小时后解决". */
export function dueText(c: Timed, now: Date): { text: string; overdue: boolean } {
  const due = Date.parse(c.dueAt);
  if (c.status === 'resolved' && c.resolvedAt !== null) {
    const late = Date.parse(c.resolvedAt) - due;
    return late > 0
      ? { text: `超时 ${durationText(late)}后解决`, overdue: true }
      : { text: '按时解决', overdue: false };
  }
  const left = due - now.getTime();
  return left >= 0
    ? { text: `剩余 ${durationText(left)}`, overdue: false }
    : { text: `已超时 ${durationText(-left)}`, overdue: true };
}

/** Resolved by their due time, of the resolved ones (0–1), or null when none is resolved. */
export function closedOnTimeShare(cases: readonly Timed[]): number | null {
  return closedOnTimeRate(cases.map(asDates));
}

/** Unresolved first, most overdue (earliest due) first; resolved last, latest first. */
export function sortCases(cases: readonly LowScoreCase[]): LowScoreCase[] {
  return [...cases].sort((a, b) => {
    const ra = a.status === 'resolved' ? 1 : 0;
    const rb = b.status === 'resolved' ? 1 : 0;
    if (ra !== rb) return ra - rb;
    if (ra === 0) return Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id - b.id;
    return Date.parse(b.resolvedAt ?? b.dueAt) - Date.parse(a.resolvedAt ?? a.dueAt) || b.id - a.id;
  });
}

export interface CaseActions {
  contacted: boolean;
  resolved: boolean;
  assign: boolean;
}

/** What the signed-in member of staff may do to a case now, as the domain's case machine allows. */
export function caseActions(
  c: Pick<LowScoreCase, 'status' | 'owner'>,
  staff: Pick<StaffUser, 'id' | 'role'>,
): CaseActions {
  const works = canWorkCase(staff, c);
  return {
    contacted: works && decideCaseTransition(c.status, 'contacted').allowed,
    resolved: works && decideCaseTransition(c.status, 'resolved').allowed,
    assign: canAssignCases(staff.role) && c.status !== 'resolved',
  };
}

/** The case's history for the timeline: when it opened, then every note. */
export function caseHistory(
  c: Pick<LowScoreCase, 'openedAt' | 'notes'>,
  timeZone: string,
): Array<HistoryItem<CaseStatus> & { note: string | null }> {
  const items: Array<HistoryItem<CaseStatus> & { note: string | null }> = [
    {
      key: 'opened',
      at: localDateTime(c.openedAt, timeZone),
      title: '系统 生成低分回访',
      transition: CASE_STATUS_LABEL_ZH.open,
      status: 'open',
      note: null,
    },
  ];
  let previous: CaseStatus = 'open';
  [...c.notes]
    .map((note, index) => ({ note, index }))
    .sort((a, b) => Date.parse(a.note.at) - Date.parse(b.note.at) || a.index - b.index)
    .forEach(({ note, index }) => {
      items.push({
        key: `${index}:${note.at}`,
        at: localDateTime(note.at, timeZone),
        title: `${note.byName} ${note.status === 'resolved' ? '标记已解决' : '记录回访'}`,
        transition:
          previous === note.status
            ? CASE_STATUS_LABEL_ZH[note.status]
            : `${CASE_STATUS_LABEL_ZH[previous]} → ${CASE_STATUS_LABEL_ZH[note.status]}`,
        status: note.status,
        note: note.note,
      });
      previous = note.status;
    });
  return items;
}

/** The note the server is sent: trimmed. */
export function caseUpdate(
  status: Exclude<CaseStatus, 'open'>,
  note: string,
): { status: Exclude<CaseStatus, 'open'>; note: string } {
  return { status, note: note.trim() };
}
