import { Text, View } from '@tarojs/components';
import {
  DELIVERY_ACTION_LABEL_ZH,
  DELIVERY_STATUS_LABEL_ZH,
  type DeliveryTimelineEntry,
} from '@dealer-care/domain';
import { formatMoment } from '../../../utils/datetime';
import styles from './delivery-timeline.module.scss';

// The wording is the customer's own ("我"); the portal words the same timeline for the store.

/** Who did it, as the customer reads it. */
function timelineActor(entry: Pick<DeliveryTimelineEntry, 'actor' | 'actorName'>): string {
  return entry.actor === 'customer' ? '我' : (entry.actorName ?? '门店');
}

function timelineTitle(entry: Pick<DeliveryTimelineEntry, 'action'>): string {
  return entry.action === 'create' ? '创建订单' : (DELIVERY_ACTION_LABEL_ZH[entry.action] ?? entry.action);
}

interface DeliveryTimelineProps {
  entries: DeliveryTimelineEntry[];
  timeZone: string;
}

/** Every step of an order, newest first: when, who, what, the status it led to and the note given. */
export default function DeliveryTimeline({ entries, timeZone }: DeliveryTimelineProps) {
  const list = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <View className={styles.timeline} data-testid="delivery-timeline">
      {list.map((entry, index) => (
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
              <Text className={styles.title}>{timelineTitle(entry)}</Text>
              <Text className={styles.time}>{formatMoment(entry.at, timeZone)}</Text>
            </View>
            <Text className={styles.meta}>
              {timelineActor(entry)}
              {entry.fromStatus !== entry.toStatus
                ? ` · ${DELIVERY_STATUS_LABEL_ZH[entry.toStatus] ?? entry.toStatus}`
                : ''}
            </Text>
            {entry.note ? <Text className={styles.note}>{entry.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
