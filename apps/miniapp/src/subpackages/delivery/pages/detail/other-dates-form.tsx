import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { NOTE_MAX_LENGTH } from './choose-date';
import styles from './index.module.scss';

export type OtherDatesMode = 'other' | 'reschedule';

interface OtherDatesFormProps {
  mode: OtherDatesMode;
  note: string;
  onNote: (note: string) => void;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * Asking the store for other dates: none of the offered ones suit (`other`), or the agreed date no
 * longer does (`reschedule`, which gives it up). The note is required: the store needs to know when
 * the customer can come.
 */
export default function OtherDatesForm({
  mode,
  note,
  onNote,
  busy,
  error,
  onSubmit,
  onCancel,
}: OtherDatesFormProps) {
  return (
    <View className={styles.card} data-testid="other-dates-form">
      <Text className={styles.sectionTitle}>{mode === 'other' ? '申请其他时间' : '申请改期'}</Text>
      {mode === 'reschedule' ? (
        <Text className={styles.warn}>
          提交后当前约定的交车时间将取消，门店会重新为您提供可选时间。交车当天如需改期，请直接致电门店。
        </Text>
      ) : (
        <Text className={styles.hint}>告诉门店您方便的日期和时间段，门店会重新为您安排。</Text>
      )}
      <TextArea
        className={`${styles.textarea} other-dates-note`}
        value={note}
        placeholder={
          mode === 'other' ? '必填：方便的日期和时间段，如：下周六上午' : '必填：改期原因和方便的时间'
        }
        maxLength={NOTE_MAX_LENGTH}
        showCount
        onChange={onNote}
      />
      {error ? <Text className={styles.error}>{error}</Text> : null}
      <View className={styles.row2}>
        <Button className={styles.grow} type="default" disabled={busy} onClick={onCancel}>
          返回
        </Button>
        <Button
          className={styles.grow}
          type="primary"
          loading={busy}
          disabled={busy || note.trim().length === 0}
          onClick={onSubmit}
        >
          {mode === 'other' ? '申请其他时间' : '提交改期申请'}
        </Button>
      </View>
    </View>
  );
}
