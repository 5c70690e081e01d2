import {
  BOOKING_ACTION_LABEL_ZH,
  BOOKING_STATUS_LABEL_ZH,
  type BookingTimelineEntry,
} from '@dealer-care/domain';
import { formatSlotStart } from '../../utils/datetime';
import Timeline, { type TimelineEntry } from '../timeline';

interface BookingTimelineProps {
  entries: BookingTimelineEntry[];
  timeZone: string;
  /** The booking's slot now: the time of the first entry when the server leaves it out. */
  startsAt: string;
}

const MOVES: ReadonlyArray<BookingTimelineEntry['action']> = ['reschedule', 'accept_proposal'];

function actorText(entry: BookingTimelineEntry): string {
  if (entry.actor === 'customer') return '我';
  if (entry.actor === 'system') return '系统';
  return entry.actorName ?? '门店';
}

/** The entries oldest first, each with its slot line: 预约时间 …, 改至 …（原 …）, 建议时间 … */
function rows(entries: BookingTimelineEntry[], timeZone: string, startsAt: string): TimelineEntry[] {
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  const movesLater = (index: number) =>
    sorted.slice(index + 1).some((e) => MOVES.includes(e.action) && e.startsAt);
  let slotBefore: string | null = null;
  return sorted.map((entry, index) => {
    let slot: string | null = null;
    if (entry.action === 'create') {
      // Without a later move the booking's present slot is the one it was made for.
      const created = entry.startsAt ?? (movesLater(index) ? null : startsAt);
      slotBefore = created;
      slot = created ? `预约时间 ${formatSlotStart(created, timeZone)}` : null;
    } else if (MOVES.includes(entry.action) && entry.startsAt) {
      const was =
        slotBefore && slotBefore !== entry.startsAt ? `（原 ${formatSlotStart(slotBefore, timeZone)}）` : '';
      slot = `改至 ${formatSlotStart(entry.startsAt, timeZone)}${was}`;
      slotBefore = entry.startsAt;
    } else if (entry.action === 'propose' && entry.startsAt) {
      slot = `建议时间 ${formatSlotStart(entry.startsAt, timeZone)}`;
    }
    return {
      at: entry.at,
      title: entry.action === 'create' ? '提交预约' : (BOOKING_ACTION_LABEL_ZH[entry.action] ?? entry.action),
      who: actorText(entry),
      status: entry.from !== entry.to ? (BOOKING_STATUS_LABEL_ZH[entry.to] ?? entry.to) : null,
      slot,
      note: entry.reason ? `${entry.action === 'propose' ? '备注' : '原因'}：${entry.reason}` : null,
    };
  });
}

/** Every change of a booking, newest first: when, who, what, the slot it moved to and the reason given. */
export default function BookingTimeline({ entries, timeZone, startsAt }: BookingTimelineProps) {
  return (
    <Timeline
      entries={rows(entries, timeZone, startsAt).reverse()}
      timeZone={timeZone}
      testId="booking-timeline"
    />
  );
}
