import type { FollowUpRateRow } from './follow-up-views.js';

export type FollowUpCounts = Pick<FollowUpRateRow, 'total' | 'done' | 'onTime' | 'overdueOpen' | 'cancelled'>;

/**
 * Completion and on-time rates from counts. Cancelled tasks are left out of the completion rate:
 * nobody had to call (an order arrived, a drive was cancelled).
 */
export function followUpRates(counts: FollowUpCounts): FollowUpRateRow {
  const due = counts.total - counts.cancelled;
  return {
    ...counts,
    completionRate: due > 0 ? counts.done / due : null,
    onTimeRate: counts.done > 0 ? counts.onTime / counts.done : null,
  };
}
