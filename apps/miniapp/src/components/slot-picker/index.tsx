import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DayAvailability, TimeSlot } from '@dealer-care/domain';
import AsyncState from '../async-state';
import DateStrip, { dayState } from '../date-strip';
import SlotGrid from '../slot-grid';
import { api } from '../../services/api';
import { localDateOf } from '../../utils/datetime';
import { loading, type Loadable } from '../../utils/loadable';
import styles from './index.module.scss';

export interface SlotSelection {
  date: string | null;
  slot: TimeSlot | null;
}

interface SlotPickerProps {
  storeId: number;
  modelId: number;
  timeZone: string;
  value: SlotSelection;
  onChange: (value: SlotSelection) => void;
  /** The booking's present slot when moving it: shown but not choosable. */
  currentStartsAt?: string | null;
  /** Change it to load the availability again (after a slot was taken under the customer's nose). */
  reloadKey?: number;
}

/** Date strip + slot grid over a store's availability for one model; used to book and to move a booking. */
export default function SlotPicker({
  storeId,
  modelId,
  timeZone,
  value,
  onChange,
  currentStartsAt,
  reloadKey = 0,
}: SlotPickerProps) {
  const [days, setDays] = useState<Loadable<DayAvailability[]>>(loading);
  const [attempt, setAttempt] = useState(0);
  // The latest selection and callback, read when fresh availability arrives without re-running the load.
  const latest = useRef({ value, onChange, currentStartsAt });
  latest.current = { value, onChange, currentStartsAt };

  const load = useCallback(async () => {
    setDays(loading);
    try {
      const data = await api.testDrives.availability(storeId, modelId);
      setDays({ status: 'ready', data });
      // Keep the choice only if it is still free, with the fresh remaining count; else pick the first free day.
      const { value: selection, onChange: change, currentStartsAt: current } = latest.current;
      const day = data.find((d) => d.date === selection.date);
      const slot = selection.slot
        ? (day?.slots.find((s) => s.startsAt === selection.slot?.startsAt && s.remaining > 0) ?? null)
        : null;
      const keepDay = day && dayState(day) === 'free' ? day.date : null;
      const firstFree =
        data.find(
          (d) => dayState(d) === 'free' && d.slots.some((s) => s.remaining > 0 && s.startsAt !== current),
        )?.date ?? null;
      const date = keepDay ?? firstFree;
      if (date !== selection.date || slot !== selection.slot)
        change({ date, slot: date === keepDay ? slot : null });
    } catch (error) {
      setDays({ status: 'error', error });
    }
  }, [storeId, modelId]);

  useEffect(() => {
    void load();
  }, [load, reloadKey, attempt]);

  const today = useMemo(() => localDateOf(new Date(), timeZone), [timeZone]);

  return (
    <AsyncState
      state={days}
      onRetry={() => setAttempt((n) => n + 1)}
      emptyText="暂无可预约日期"
      isEmpty={(list) => list.length === 0}
    >
      {(list) => {
        const day = list.find((d) => d.date === value.date) ?? null;
        const anyFree = list.some((d) => dayState(d) === 'free');
        return (
          <View className={styles.picker}>
            <DateStrip
              days={list}
              selected={value.date}
              today={today}
              onSelect={(date) => onChange({ date, slot: date === value.date ? value.slot : null })}
            />
            {!anyFree ? (
              <Text className={styles.note}>近期已约满，请选择其他门店或车型，或致电门店咨询</Text>
            ) : day ? (
              <SlotGrid
                slots={day.slots}
                selected={value.slot?.startsAt ?? null}
                current={currentStartsAt}
                onSelect={(slot) => onChange({ date: day.date, slot })}
              />
            ) : (
              <Text className={styles.note}>请选择日期</Text>
            )}
          </View>
        );
      }}
    </AsyncState>
  );
}
