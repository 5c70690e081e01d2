import { Text, View } from '@tarojs/components';
import { formatMoment } from '../../utils/datetime';
import styles from './index.module.scss';

/** One step of a timeline, worded for the customer. */
export interface TimelineEntry {
  /** When it happened (an ISO instant). */
  at: string;
  title: string;
  /** Who did it: 我, 系统, 门店 or the member of staff. */
  who: string;
  /** The status it led to, when it changed the status. */
  status?: string | null;
  /** The time it set or proposed: 预约时间 …, 改至 …（原 …）. */
  slot?: string | null;
  /** What was said with it, ready to show (a reason, a note). */
  note?: string | null;
}

interface TimelineProps {
  /** Newest first. */
  entries: TimelineEntry[];
  timeZone: string;
  testId: string;
}

/** The steps of a booking or an order, newest first: when, who, what, the status it led to and what was said. */
export default function Timeline({ entries, timeZone, testId }: TimelineProps) {
  return (
    <View className={styles.timeline} data-testid={testId}>
      {entries.map((entry, index) => (
        <View
          key={`${entry.at}-${entry.title}-${index}`}
          className={`${styles.item} ${index === 0 ? styles.latest : ''} timeline-item`}
        >
          <View className={styles.rail}>
            <View className={styles.dot} />
            {index < entries.length - 1 ? <View className={styles.line} /> : null}
          </View>
          <View className={styles.body}>
            <View className={styles.head}>
              <Text className={styles.title}>{entry.title}</Text>
              <Text className={styles.time}>{formatMoment(entry.at, timeZone)}</Text>
            </View>
            <Text className={styles.meta}>
              {entry.who}
              {entry.status ? ` · ${entry.status}` : ''}
            </Text>
            {entry.slot ? <Text className={`${styles.slot} timeline-slot`}>{entry.slot}</Text> : null}
            {entry.note ? <Text className={styles.note}>{entry.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
