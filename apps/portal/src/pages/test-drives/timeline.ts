import {
  BOOKING_ACTION_LABEL_ZH,
  BOOKING_STATUS_LABEL_ZH,
  type BookingStatus,
  type BookingTimelineEntry,
  type TestDriveBooking,
} from '@dealer-care/domain';
import type { HistoryItem } from '../../components/HistoryTimeline';
import { localDateTime } from './time';

/** An event of the booking's history: "客户 提交预约", "待确认 → 已确认". */
export interface TimelineItem extends HistoryItem<BookingTimelineEntry['to']> {
  /** "新时间：11月26日 14:00", or null. */
  moved: string | null;
  reason: string | null;
}

function actorOf(entry: BookingTimelineEntry): string {
  if (entry.actor === 'customer') return '客户';
  if (entry.actor === 'system') return '系统';
  return entry.actorName ?? '门店';
}

function actionOf(entry: BookingTimelineEntry): string {
  return entry.action === 'create' ? '提交预约' : BOOKING_ACTION_LABEL_ZH[entry.action];
}

/** The booking's history, oldest first, in words. */
export function timelineItems(booking: Pick<TestDriveBooking, 'timeline'>, timeZone: string): TimelineItem[] {
  return [...booking.timeline]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((entry, index) => ({
      key: `${index}:${entry.at}`,
      at: localDateTime(entry.at, timeZone),
      title: `${actorOf(entry)} ${actionOf(entry)}`,
      transition:
        entry.from === null || entry.from === entry.to
          ? BOOKING_STATUS_LABEL_ZH[entry.to]
          : `${BOOKING_STATUS_LABEL_ZH[entry.from]} → ${BOOKING_STATUS_LABEL_ZH[entry.to]}`,
      moved:
        entry.startsAt && entry.action !== 'create'
          ? `${entry.action === 'propose' ? '建议时间' : '新时间'}：${localDateTime(entry.startsAt, timeZone)}`
          : null,
      reason: entry.reason,
      status: entry.to,
    }));
}

/** Statuses in which a customer can still answer a proposal (as the lifecycle allows). */
const ANSWERABLE: readonly BookingStatus[] = ['requested', 'confirmed'];

/** A proposal the customer has still to answer: none once the customer is here or it is over. */
export function pendingProposal(
  booking: Pick<TestDriveBooking, 'proposal' | 'status'>,
): TestDriveBooking['proposal'] {
  return booking.proposal && ANSWERABLE.includes(booking.status) ? booking.proposal : null;
}

/** "建议改至 11月26日 14:00，待客户答复", for a proposal waiting for the customer. */
export function proposalText(
  booking: Pick<TestDriveBooking, 'proposal' | 'status'>,
  timeZone: string,
): string | null {
  const proposal = pendingProposal(booking);
  return proposal ? `建议改至 ${localDateTime(proposal.startsAt, timeZone)}，待客户答复` : null;
}
