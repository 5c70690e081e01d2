import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  CONFIRMATION_STAGE_LABEL_ZH,
  confirmationRows,
  dateOptionLabel,
  localDateLabel,
  relativeDayLabel,
  type ConfirmationRow,
  type SalesOrder,
} from '@dealer-care/domain';
import { formatMoment } from '../../../../utils/datetime';
import styles from './index.module.scss';

/** The agreed appointment: when, where, who is coming. */
export function AppointmentCard({ order, today }: { order: SalesOrder; today: string }) {
  if (!order.scheduled) return null;
  const relative = order.status === 'delivered' ? null : relativeDayLabel(order.scheduled.localDate, today);
  return (
    <View className={styles.card} data-testid="appointment">
      <Text className={styles.sectionTitle}>交车预约</Text>
      <View className={styles.item}>
        <Text className={styles.itemLabel}>交车时间</Text>
        <Text className={`${styles.itemValue} ${styles.big}`} data-testid="appointment-time">
          {dateOptionLabel(order.scheduled, today)}
          {relative ? `（${relative}）` : ''}
        </Text>
      </View>
      <View className={styles.item}>
        <Text className={styles.itemLabel}>交车门店</Text>
        <View className={styles.itemColumn}>
          <Text className={styles.itemValue}>{order.storeName}</Text>
          {order.storeAddress ? <Text className={styles.muted}>{order.storeAddress}</Text> : null}
        </View>
      </View>
      {order.partySize ? (
        <View className={styles.item}>
          <Text className={styles.itemLabel}>到店人数</Text>
          <Text className={styles.itemValue} data-testid="appointment-party-size">
            {order.partySize} 人
          </Text>
        </View>
      ) : null}
      {order.customerNote ? (
        <View className={styles.item}>
          <Text className={styles.itemLabel}>我的留言</Text>
          <Text className={styles.itemValue}>{order.customerNote}</Text>
        </View>
      ) : null}
    </View>
  );
}

function rowState(
  row: ConfirmationRow,
  timeZone: string,
  today: string,
): { text: string; detail: string | null; tone: string } {
  const entry = row.confirmation;
  if (row.state === 'confirmed' && entry) {
    const by = entry.by === 'customer' ? '您已在线确认' : `顾问${entry.staffName ?? ''}来电确认`;
    return {
      text: '已确认按时到店',
      detail: `${by} · ${formatMoment(entry.at, timeZone)}`,
      tone: styles.stateConfirmed,
    };
  }
  switch (row.state) {
    case 'due':
      return {
        text: '待确认',
        detail: row.lastCallNotReached ? '门店来电未接通，可在线确认' : '今天可确认',
        tone: styles.stateDue,
      };
    case 'upcoming':
      return { text: `${localDateLabel(row.opensOn, today)}起可确认`, detail: null, tone: styles.stateIdle };
    default:
      return { text: '未确认', detail: null, tone: styles.stateIdle };
  }
}

interface ConfirmationsProps {
  order: SalesOrder;
  today: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
}

/**
 * 到店确认: the T-3 and T-1 confirmations of the appointment (by the customer or on the consultant's
 * call), and 按时到店 when today's is due.
 */
export function Confirmations({ order, today, busy, error, onConfirm }: ConfirmationsProps) {
  const rows = confirmationRows(order, today);
  if (rows.length === 0 || !order.scheduled) return null;
  const canConfirm = order.allowedActions.includes('confirm_attendance');
  const due = order.confirmationDue;
  return (
    <View className={styles.card} data-testid="confirmations">
      <Text className={styles.sectionTitle}>到店确认</Text>
      <Text className={styles.hint}>交车前3天和前1天，门店会与您确认到店时间；您也可以在这里直接确认。</Text>
      {rows.map((row) => {
        const state = rowState(row, order.storeTimeZone, today);
        return (
          <View
            key={row.stage}
            className={`${styles.confirmRow} confirmation-row confirmation-row--${row.state}`}
            data-stage={row.stage}
          >
            <Text className={styles.confirmStage}>{CONFIRMATION_STAGE_LABEL_ZH[row.stage]}</Text>
            <View className={styles.confirmState}>
              <Text className={state.tone}>{state.text}</Text>
              {state.detail ? <Text className={styles.muted}>{state.detail}</Text> : null}
            </View>
          </View>
        );
      })}
      {canConfirm && due ? (
        <View className={styles.attend} data-testid="attend-panel">
          <Text className={styles.attendStage}>{CONFIRMATION_STAGE_LABEL_ZH[due.stage]}</Text>
          <Text className={styles.attendText}>
            请确认您将于 {dateOptionLabel(order.scheduled, today)} 按时到店提车，门店将为您做好准备。
          </Text>
          {error ? <Text className={styles.error}>{error}</Text> : null}
          <Button block size="large" type="primary" loading={busy} disabled={busy} onClick={onConfirm}>
            按时到店
          </Button>
        </View>
      ) : due?.done ? (
        <View className={styles.attended} data-testid="attend-done">
          <Text>✓ 已确认按时到店，门店期待您的到来</Text>
        </View>
      ) : null}
    </View>
  );
}
