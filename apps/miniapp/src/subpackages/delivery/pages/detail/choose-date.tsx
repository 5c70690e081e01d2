import { Text, View } from '@tarojs/components';
import { Button, InputNumber, TextArea } from '@nutui/nutui-react-taro';
import {
  dateOptionLabel,
  dateOptionParts,
  MAX_PARTY_SIZE,
  type DeliveryDateOption,
} from '@dealer-care/domain';
import styles from './index.module.scss';

export const NOTE_MAX_LENGTH = 200;

interface ChooseDateProps {
  options: DeliveryDateOption[];
  today: string;
  /** `startsAt` of the chosen option. */
  selected: string | null;
  onSelect: (startsAt: string) => void;
  partySize: number;
  onPartySize: (size: number) => void;
  note: string;
  onNote: (note: string) => void;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  /** Shown when asking for other dates is allowed. */
  onOtherDates: (() => void) | null;
}

/** The offered dates as large cards, who is coming, a note, and 确认交车时间. */
export default function ChooseDate(props: ChooseDateProps) {
  const { options, today, selected, partySize } = props;
  const chosen = options.find((option) => option.startsAt === selected) ?? null;
  return (
    <View className={styles.card} data-testid="choose-date">
      <Text className={styles.sectionTitle}>选择交车时间</Text>
      <Text className={styles.hint}>门店为您准备了以下时间，请选择一个方便到店的时间。</Text>
      <View className={styles.options}>
        {options.map((option) => {
          const parts = dateOptionParts(option, today);
          const isSelected = option.startsAt === selected;
          return (
            <View
              key={option.startsAt}
              className={`${styles.option} ${isSelected ? styles.optionSelected : ''} date-option ${
                isSelected ? 'date-option--selected' : ''
              }`}
              data-date={option.localDate}
              data-starts-at={option.startsAt}
              onClick={() => props.onSelect(option.startsAt)}
            >
              <View className={styles.optionDay}>
                <Text className={styles.optionDate}>{parts.day}</Text>
                <Text className={styles.optionWeekday}>
                  {parts.weekday}
                  {parts.relative ? ` · ${parts.relative}` : ''}
                </Text>
                <Text className={styles.optionIso}>{option.localDate}</Text>
              </View>
              <View className={styles.optionRight}>
                <Text className={styles.optionTime}>{parts.time}</Text>
                <View className={`${styles.check} ${isSelected ? styles.checkOn : ''}`}>
                  {isSelected ? <Text>✓</Text> : null}
                </View>
              </View>
            </View>
          );
        })}
      </View>

      <View className={styles.field} data-testid="party-size" data-value={partySize}>
        <View className={styles.fieldRow}>
          <Text className={styles.label}>到店人数</Text>
          <InputNumber
            className="party-size-input"
            value={partySize}
            min={1}
            max={MAX_PARTY_SIZE}
            onChange={(value) => {
              const size = Math.round(Number(value));
              if (Number.isFinite(size)) props.onPartySize(Math.min(MAX_PARTY_SIZE, Math.max(1, size)));
            }}
          />
        </View>
        <Text className={styles.hint}>含您本人，最多{MAX_PARTY_SIZE}人，门店将按人数准备座位和茶水。</Text>
      </View>

      <View className={styles.field}>
        <Text className={styles.label}>给门店的留言（选填）</Text>
        <TextArea
          className={`${styles.textarea} choose-note`}
          value={props.note}
          placeholder="如需协助上牌、希望了解的功能等"
          maxLength={NOTE_MAX_LENGTH}
          onChange={props.onNote}
        />
      </View>

      {chosen ? (
        <Text className={styles.summary}>
          您选择了 {dateOptionLabel(chosen, today)}，{partySize}人到店
        </Text>
      ) : (
        <Text className={styles.hint}>请先选择一个交车时间</Text>
      )}
      {props.error ? <Text className={styles.error}>{props.error}</Text> : null}
      <Button
        block
        size="large"
        type="primary"
        loading={props.busy}
        disabled={props.busy || !chosen}
        onClick={props.onConfirm}
      >
        确认交车时间
      </Button>
      {props.onOtherDates ? (
        <Text className={`${styles.link} other-dates-link`} onClick={props.onOtherDates}>
          都不合适，申请其他时间 ›
        </Text>
      ) : null}
    </View>
  );
}
