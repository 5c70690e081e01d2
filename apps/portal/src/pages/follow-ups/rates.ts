import {
  FOLLOW_UP_TASK_KIND_LABEL_ZH,
  type FollowUpRateRow,
  type FollowUpStats,
  type FollowUpStatsQuery,
  type StaffRole,
} from '@dealer-care/domain';
import { isCalendarDate } from '../test-drives/time';
import { idParam } from '../satisfaction/filters';

export interface RateTableRow extends FollowUpRateRow {
  key: string;
  /** The consultant's name (未分配 for the pool) or the rule's label. */
  name: string;
}

/** The stats query of the 完成率 tab: `?from=2026-01-01&to=2026-01-31` (store-local), `store` for admins. */
export function statsQueryFromParams(params: URLSearchParams, role: StaffRole): FollowUpStatsQuery {
  const query: FollowUpStatsQuery = {};
  const from = params.get('from');
  const to = params.get('to');
  if (isCalendarDate(from) && isCalendarDate(to) && from <= to) {
    query.from = from;
    query.to = to;
  }
  const store = role === 'admin' ? idParam(params.get('store')) : null;
  if (store !== null) query.storeId = store;
  return query;
}

/** Lowest completion first: who needs help shows on top; nothing due sorts last. */
function byNeed(a: RateTableRow, b: RateTableRow): number {
  const ra = a.completionRate ?? 2;
  const rb = b.completionRate ?? 2;
  return ra - rb || b.overdueOpen - a.overdueOpen || a.name.localeCompare(b.name, 'zh-CN');
}

export function assigneeRows(stats: FollowUpStats): RateTableRow[] {
  return stats.byAssignee
    .map((row) => ({
      ...row,
      key: `staff-${row.staffId ?? 'pool'}`,
      name: row.staffId === null ? '未分配' : row.name,
    }))
    .sort(byNeed);
}

export function kindRows(stats: FollowUpStats): RateTableRow[] {
  return stats.byKind
    .map((row) => ({ ...row, key: row.kind, name: FOLLOW_UP_TASK_KIND_LABEL_ZH[row.kind] }))
    .sort(byNeed);
}

/** Below this share of tasks done, the rate shows in red. */
export const LOW_RATE = 0.8;

export function isLowRate(rate: number | null): boolean {
  return rate !== null && rate < LOW_RATE;
}
