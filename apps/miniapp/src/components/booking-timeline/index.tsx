import { Text, View } from '@tarojs/components';
import {
  BOOKING_ACTION_LABEL_ZH,
  BOOKING_STATUS_LABEL_ZH,
  type BookingTimelineEntry,
} from '@dealer-care/domain';
import { formatMoment, formatSlotStart } from '../../utils/datetime';
import styles from './index.module.scss';

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

interface Row {
  entry: BookingTimelineEntry;
  title: string;
  /** Slot line: 预约时间 …, 改至 …（原 …）, 建议时间 … */
  slot: string | null;
}

function rows(entries: BookingTimelineEntry[], timeZone: string, startsAt: string): Row[] {
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
    const title =
      entry.action === 'create' ? '提交预约' : (BOOKING_ACTION_LABEL_ZH[entry.action] ?? entry.action);
    return { entry, title, slot };
  });
}

/** Every change of a booking, newest first: when, who, what, the slot it moved to and the reason given. */
export default function BookingTimeline({ entries, timeZone, startsAt }: BookingTimelineProps) {
  const list = rows(entries, timeZone, startsAt).reverse();
  return (
    <View className={styles.timeline} data-testid="booking-timeline">
      {list.map(({ entry, title, slot }, index) => (
        <View
          key={`${entry.at}-${entry.action}-${index}`}
          className={`${styles.item} ${index === 0 ? styles.latest : ''} timeline-item`}
        >
          <View className={styles.rail}>
            <View className={styles.dot} />
            {index < list.length - 1 ? <View className={styles.line} /> : null}
          </View>
          <View className={styles.body}>
            <View className={styles.head}>
              <Text className={styles.title}>{title}</Text>
              <Text className={styles.time}>{formatMoment(entry.at, timeZone)}</Text>
            </View>
            <Text className={styles.meta}>
              {actorText(entry)}
              {entry.from !== entry.to ? ` · ${BOOKING_STATUS_LABEL_ZH[entry.to] ?? entry.to}` : ''}
            </Text>
            {slot ? <Text className={`${styles.slot} timeline-slot`}>{slot}</Text> : null}
            {entry.reason ? (
              <Text className={styles.reason}>
                {entry.action === 'propose' ? '备注' : '原因'}：{entry.reason}
              </Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
