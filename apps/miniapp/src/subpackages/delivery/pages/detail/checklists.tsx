import { Text, View } from '@tarojs/components';
import { CHECKLIST_KIND_LABEL_ZH, type SalesOrder } from '@dealer-care/domain';
import styles from './index.module.scss';

/** 提车请携带: what to bring on the day. Nothing to tick. */
export function BringList({ order }: { order: SalesOrder }) {
  const items = order.checklists.bring;
  if (items.length === 0) return null;
  return (
    <View className={styles.card} data-testid="bring-list">
      <Text className={styles.sectionTitle}>{CHECKLIST_KIND_LABEL_ZH.bring}</Text>
      <View className={styles.list}>
        {items.map((item) => (
          <View key={item.key} className={`${styles.listItem} bring-item`}>
            <Text className={styles.bullet}>•</Text>
            <Text className={styles.listText}>{item.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 交车交接单: what the customer checks and signs for on the day, to read beforehand. Read-only;
 * items show a tick once the consultant has handed them over.
 */
export function HandoverList({ order }: { order: SalesOrder }) {
  const items = order.checklists.handover;
  if (items.length === 0) return null;
  return (
    <View className={styles.card} data-testid="handover-list">
      <Text className={styles.sectionTitle}>{CHECKLIST_KIND_LABEL_ZH.handover}</Text>
      {order.status !== 'delivered' ? (
        <Text className={styles.hint}>
          交车当天，顾问将与您逐项核对以下内容，确认无误后签字提车。可提前了解。
        </Text>
      ) : null}
      <View className={styles.list}>
        {items.map((item) => (
          <View
            key={item.key}
            className={`${styles.listItem} handover-item ${item.done ? 'handover-item--done' : ''}`}
          >
            <View className={`${styles.tick} ${item.done ? styles.tickDone : ''}`}>
              {item.done ? <Text>✓</Text> : null}
            </View>
            <Text className={styles.listText}>{item.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
