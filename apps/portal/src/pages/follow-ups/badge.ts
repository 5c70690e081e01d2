import type { FollowUpInbox } from '@dealer-care/domain';

/** The menu badge: what needs a call today, overdue included. */
export function badgeCount(counts: FollowUpInbox['counts'] | undefined): number {
  return counts === undefined ? 0 : counts.overdue + counts.today;
}
