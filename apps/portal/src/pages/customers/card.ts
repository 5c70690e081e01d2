import {
  CONTACT_CHANNEL_LABEL_ZH,
  LOST_REASON_LABEL_ZH,
  type ContactLogEntry,
  type CustomerCard,
  type IntentChange,
  type StaffRole,
  type TimelineEntry,
} from '@dealer-care/domain';
import { canReassignProspect } from '../../access';
import { intentShort } from './format';

/** Newest first, whatever order the server sent. */
export function newestFirst<T extends { at: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

export function sortedTimeline(card: Pick<CustomerCard, 'timeline'>): TimelineEntry[] {
  return newestFirst(card.timeline);
}

/** "B级 → A级", or "评为 A级" the first time. */
export function intentChangeText(change: Pick<IntentChange, 'level' | 'previous'>): string {
  return change.previous === null
    ? `评为 ${intentShort(change.level)}`
    : `${intentShort(change.previous)} → ${intentShort(change.level)}`;
}

/** "来店 · 陈晓明". */
export function contactTitle(entry: Pick<ContactLogEntry, 'channel' | 'byName'>): string {
  return `${CONTACT_CHANNEL_LABEL_ZH[entry.channel]} · ${entry.byName}`;
}

/** "购买竞品：买了另一品牌" for the lost banner. */
export function lostReasonText(reason: NonNullable<CustomerCard['prospect']['lostReason']>): string {
  const label = LOST_REASON_LABEL_ZH[reason.category];
  return reason.note ? `${label}：${reason.note}` : label;
}

export interface CardActions {
  /** 战败: only while the prospect is still being followed. */
  markLost: boolean;
  /** Hand to another consultant. */
  reassign: boolean;
}

export function cardActions(
  prospect: Pick<CustomerCard['prospect'], 'status'>,
  role: StaffRole,
): CardActions {
  return { markLost: prospect.status === 'active', reassign: canReassignProspect(role) };
}
