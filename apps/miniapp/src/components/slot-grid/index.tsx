import { Text, View } from '@tarojs/components';
import type { TimeSlot } from '@dealer-care/domain';
import styles from './index.module.scss';

interface SlotGridProps {
  slots: TimeSlot[];
  /** `startsAt` of the chosen slot. */
  selected: string | null;
  /** `startsAt` of the booking's present slot when moving it: shown, not choosable. */
  current?: string | null;
  onSelect: (slot: TimeSlot) => void;
}

/**
 * The slots of one day, full ones disabled. Stable classes for tests: `.slot-cell`,
 * `.slot-cell--full`, `.slot-cell--current`, `.slot-cell--active`.
 */
export default function SlotGrid({ slots, selected, current, onSelect }: SlotGridProps) {
  return (
    <View className={styles.grid}>
      {slots.map((slot) => {
        const full = slot.remaining <= 0;
        const isCurrent = slot.startsAt === current;
        const active = slot.startsAt === selected;
        const classes = [
          styles.cell,
          'slot-cell',
          full ? `${styles.disabled} slot-cell--full` : '',
          isCurrent ? `${styles.disabled} slot-cell--current` : '',
          active ? `${styles.active} slot-cell--active` : '',
        ].join(' ');
        return (
          <View
            key={slot.startsAt}
            className={classes}
            data-testid="slot-cell"
            data-starts-at={slot.startsAt}
            onClick={() => {
              if (!full && !isCurrent) onSelect(slot);
            }}
          >
            <Text className={styles.time}>
              {slot.localStart}–{slot.localEnd}
            </Text>
            <Text className={styles.remaining}>
              {isCurrent ? '当前时间' : full ? '已满' : `剩余${slot.remaining}台`}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
