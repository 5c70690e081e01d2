import { ScrollView, Text, View } from '@tarojs/components';
import type { DayAvailability } from '@dealer-care/domain';
import { dateCellLabels } from '../../utils/datetime';
import styles from './index.module.scss';

interface DateStripProps {
  days: DayAvailability[];
  /** Selected store-local date, YYYY-MM-DD. */
  selected: string | null;
  /** The store's today, for 今天/明天 labels. */
  today: string;
  onSelect: (date: string) => void;
}

type DayState = 'closed' | 'full' | 'none' | 'free';

/** 休息 (closed), 已满 (every slot taken), 不可约 (open, but no slot left to book: past the notice), or free. */
export function dayState(day: DayAvailability): DayState {
  if (!day.open) return 'closed';
  if (day.slots.length === 0) return 'none';
  return day.remaining > 0 && day.slots.some((slot) => slot.remaining > 0) ? 'free' : 'full';
}

const BADGE: Record<Exclude<DayState, 'free'>, string> = { closed: '休息', full: '已满', none: '不可约' };

/**
 * A horizontal strip of the coming days. Days without a free slot are shown but cannot be chosen.
 * Stable classes for tests: `.date-cell`, `.date-cell--active`, `.date-cell--disabled`, and
 * `.date-cell--full` / `.date-cell--closed` / `.date-cell--none`.
 */
export default function DateStrip({ days, selected, today, onSelect }: DateStripProps) {
  return (
    <ScrollView
      className={styles.strip}
      scrollX
      enhanced
      showScrollbar={false}
      scrollIntoView={selected ? `date-${selected}` : undefined}
      scrollWithAnimation
    >
      <View className={styles.row}>
        {days.map((day) => {
          const state = dayState(day);
          const labels = dateCellLabels(day.date, today);
          const active = day.date === selected;
          const classes = [
            styles.cell,
            'date-cell',
            active ? `${styles.active} date-cell--active` : '',
            state !== 'free' ? `${styles.disabled} date-cell--disabled date-cell--${state}` : '',
          ].join(' ');
          return (
            <View
              key={day.date}
              id={`date-${day.date}`}
              className={classes}
              data-testid="date-cell"
              data-date={day.date}
              onClick={() => {
                if (state === 'free') onSelect(day.date);
              }}
            >
              <Text className={styles.weekday}>{labels.weekday}</Text>
              <Text className={styles.day}>{labels.day}</Text>
              <Text className={state === 'free' ? styles.badgeFree : styles.badge}>
                {state === 'free' ? `余${day.remaining}` : BADGE[state]}
              </Text>
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
