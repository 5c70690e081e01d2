import {
  FOLLOW_UP_OUTCOME_LABEL_ZH,
  FOLLOW_UP_TASK_KINDS,
  INBOX_BUCKETS,
  INBOX_BUCKET_LABEL_ZH,
  type FollowUpInbox,
  type FollowUpInboxQuery,
  type FollowUpTaskKind,
  type FollowUpTaskStatus,
  type FollowUpTaskView,
  type InboxBucket,
  type StaffRole,
} from '@dealer-care/domain';
import { canManageFollowUps } from '../../access';
import type { HistoryItem } from '../../components/HistoryTimeline';
import { durationText } from '../satisfaction/format';
import { idParam } from '../satisfaction/filters';
import { addDays, localDateOf, localDateTime, localTime } from '../test-drives/time';

/** The inbox tabs, in order: what is late first. */
export const INBOX_TABS: readonly InboxBucket[] = INBOX_BUCKETS;

/** The tab the inbox opens on: what is due today. */
export const DEFAULT_BUCKET: InboxBucket = 'today';

export const INBOX_PAGE_SIZE = 20;

/** Parts of the follow-ups page. The completion rates are for managers and admins. */
export const FOLLOW_UP_VIEWS = ['inbox', 'rates'] as const;
export type FollowUpView = (typeof FOLLOW_UP_VIEWS)[number];

export function followUpViewsFor(role: StaffRole): FollowUpView[] {
  return FOLLOW_UP_VIEWS.filter((view) => view !== 'rates' || canManageFollowUps(role));
}

export function viewFromParam(value: string | null, role: StaffRole): FollowUpView {
  const view = FOLLOW_UP_VIEWS.find((v) => v === value);
  return view && followUpViewsFor(role).includes(view) ? view : 'inbox';
}

export function isInboxBucket(value: string | null): value is InboxBucket {
  return (INBOX_BUCKETS as readonly string[]).includes(value ?? '');
}

export function isTaskKind(value: string | null): value is FollowUpTaskKind {
  return (FOLLOW_UP_TASK_KINDS as readonly string[]).includes(value ?? '');
}

/** What the inbox shows, kept in the query string: `?bucket=overdue&assignee=7&escalated=1&task=12`. */
export interface InboxFilters {
  bucket: InboxBucket;
  /** Managers and admins: one member of staff's tasks; null for the whole store. */
  assigneeId: number | null;
  /** Managers and admins: only the tasks escalated to them. */
  escalatedOnly: boolean;
  kind: FollowUpTaskKind | null;
  /** Admins: one store; null for every store in scope. */
  storeId: number | null;
  page: number;
}

export function inboxFiltersFromParams(params: URLSearchParams, role: StaffRole): InboxFilters {
  const bucket = params.get('bucket');
  const kind = params.get('kind');
  const manages = canManageFollowUps(role);
  return {
    bucket: isInboxBucket(bucket) ? bucket : DEFAULT_BUCKET,
    assigneeId: manages ? idParam(params.get('assignee')) : null,
    escalatedOnly: manages && params.get('escalated') === '1',
    kind: isTaskKind(kind) ? kind : null,
    storeId: role === 'admin' ? idParam(params.get('store')) : null,
    page: idParam(params.get('page')) ?? 1,
  };
}

/** The API query of the inbox; consultants get their own tasks and the store's pool by default. */
export function inboxQuery(filters: InboxFilters): FollowUpInboxQuery {
  const query: FollowUpInboxQuery = {
    bucket: filters.bucket,
    page: filters.page,
    pageSize: INBOX_PAGE_SIZE,
  };
  if (filters.storeId !== null) query.storeId = filters.storeId;
  if (filters.assigneeId !== null) query.assigneeId = filters.assigneeId;
  if (filters.escalatedOnly) query.escalatedOnly = true;
  if (filters.kind !== null) query.kind = filters.kind;
  return query;
}

/** "已逾期 3": the tab's label with the number waiting in it; 已完成 has no count. */
export function bucketTabLabel(bucket: InboxBucket, counts: FollowUpInbox['counts'] | undefined): string {
  const label = INBOX_BUCKET_LABEL_ZH[bucket];
  if (bucket === 'closed' || counts === undefined) return label;
  return `${label} ${counts[bucket]}`;
}

type DueTask = Pick<FollowUpTaskView, 'status' | 'dueAt' | 'windowStart' | 'completedAt' | 'onTime'>;

export interface DueWords {
  /** "今天 15:00 到期", "已逾期 2 小时", "按时完成". */
  text: string;
  /** "还剩 3 小时", "11月25日 10:00 起可联系", or null. */
  hint: string | null;
  tone: 'danger' | 'warning' | 'secondary' | 'success';
}

/** The due time in words relative to now and the store's calendar. */
export function dueWords(task: DueTask, now: Date, timeZone: string): DueWords {
  const due = Date.parse(task.dueAt);
  if (task.status === 'cancelled') return { text: '已取消', hint: null, tone: 'secondary' };
  if (task.status === 'done') {
    const at = task.completedAt === null ? null : localDateTime(task.completedAt, timeZone);
    const late = task.onTime === false;
    return {
      text: late ? '逾期完成' : '按时完成',
      hint: at === null ? null : `完成于 ${at}`,
      tone: late ? 'warning' : 'success',
    };
  }
  const left = due - now.getTime();
  if (left < 0) {
    return {
      text: `已逾期 ${durationText(-left)}`,
      hint: `应于 ${localDateTime(task.dueAt, timeZone)} 前完成`,
      tone: 'danger',
    };
  }
  const today = localDateOf(now.toISOString(), timeZone);
  const dueDate = localDateOf(task.dueAt, timeZone);
  const time = localTime(task.dueAt, timeZone);
  const windowOpen =
    task.windowStart !== null && Date.parse(task.windowStart) > now.getTime()
      ? `${localDateTime(task.windowStart, timeZone)} 起可联系`
      : null;
  if (dueDate === today) {
    return { text: `今天 ${time} 到期`, hint: windowOpen ?? `还剩 ${durationText(left)}`, tone: 'warning' };
  }
  if (dueDate === addDays(today, 1)) {
    return { text: `明天 ${time} 到期`, hint: windowOpen, tone: 'secondary' };
  }
  const days = Math.round(
    (Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  return {
    text: `${localDateTime(task.dueAt, timeZone)} 到期`,
    hint: windowOpen ?? `${days} 天后`,
    tone: 'secondary',
  };
}

/** A task's calls so far, oldest first, for the drawer's 记录 timeline. */
export function taskHistory(
  task: Pick<FollowUpTaskView, 'history'>,
  timeZone: string,
): Array<HistoryItem<FollowUpTaskStatus> & { note: string | null }> {
  return [...task.history]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((attempt, index) => ({
      key: `${index}-${attempt.at}`,
      at: localDateTime(attempt.at, timeZone),
      title: attempt.byName,
      transition: FOLLOW_UP_OUTCOME_LABEL_ZH[attempt.outcome],
      status:
        attempt.outcome === 'reached_confirmed' || attempt.outcome === 'complaint_escalated'
          ? 'done'
          : 'pending',
      note: attempt.note,
    }));
}

/** Escalated to the manager: overdue too long, or a complaint. */
export function isEscalated(task: Pick<FollowUpTaskView, 'escalatedAt'>): boolean {
  return task.escalatedAt !== null;
}
