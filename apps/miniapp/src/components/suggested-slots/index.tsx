import { Text, View } from '@tarojs/components';
import type { TimeSlot } from '@dealer-care/domain';
import { formatSlotStart } from '../../utils/datetime';
import styles from './index.module.scss';

interface SuggestedSlotsProps {
  slots: TimeSlot[];
  timeZone: string;
  onPick: (slot: TimeSlot) => void;
}

/** The nearest free slots the server suggested after the chosen one was taken (409), as tappable chips. */
export default function SuggestedSlots({ slots, timeZone, onPick }: SuggestedSlotsProps) {
  return (
    <View className={styles.box} data-testid="suggested-slots">
      <Text className={styles.title}>
        {slots.length > 0 ? '该时段刚刚被约满，以下相近时段仍可预约：' : '该时段刚刚被约满，请重新选择时段'}
      </Text>
      {slots.length > 0 ? (
        <View className={styles.list}>
          {slots.map((slot) => (
            <View
              key={slot.startsAt}
              className={`${styles.chip} suggested-slot`}
              onClick={() => onPick(slot)}
            >
              <Text>{formatSlotStart(slot.startsAt, timeZone)}</Text>
              <Text className={styles.remaining}>剩余{slot.remaining}台</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
