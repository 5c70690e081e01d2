import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro';
import {
  BOOKING_STATUS_LABEL_ZH,
  CAR_HOLDING_STATUSES,
  DEFAULT_BOOKING_POLICY,
  formatDurationZh,
  type Store,
  type TestDriveBooking,
  type TimeSlot,
} from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import BookingTimeline from '../../../../components/booking-timeline';
import SlotPicker, { type SlotSelection } from '../../../../components/slot-picker';
import SuggestedSlots from '../../../../components/suggested-slots';
import { useDetailPage } from '../../../../hooks/use-detail-page';
import { api } from '../../../../services/api';
import { getStore, storeTimeZone } from '../../../../services/stores';
import { formatSlotRange, formatSlotStart, localDateOf } from '../../../../utils/datetime';
import { errorMessage, slotTaken } from '../../../../utils/errors';
import { BOOKING_DETAIL_PAGE, callStore } from '../../../../utils/navigation';
import styles from './index.module.scss';

const REASON_MAX_LENGTH = 200;

type ReasonDialog = 'cancel' | 'decline' | null;

/** "已确认 · 粤A·S5001 · 顾问 陈晓明" */
function headline(booking: TestDriveBooking): string {
  const parts = [BOOKING_STATUS_LABEL_ZH[booking.status] ?? booking.status];
  if (booking.car) parts.push(booking.car.plate);
  if (booking.consultant) parts.push(`顾问 ${booking.consultant.displayName}`);
  return parts.join(' · ');
}

/**
 * Why the customer cannot change a booking online any more, with the store's phone; null when
 * they can (or when nothing could change it: a finished booking).
 */
function phoneOnlyNotice(booking: TestDriveBooking, now: Date): string | null {
  if (!CAR_HOLDING_STATUSES.includes(booking.status) || booking.status === 'checked_in') return null;
  const canCancel = booking.allowedActions.includes('cancel');
  const canMove = booking.allowedActions.includes('reschedule');
  if (canCancel && canMove) return null;
  const startsAt = new Date(booking.startsAt).getTime();
  if (startsAt <= now.getTime()) return null;
  const cutoffMinutes = DEFAULT_BOOKING_POLICY.customerCutoffMinutes;
  const withinCutoff = startsAt - now.getTime() < cutoffMinutes * 60_000;
  if (!canCancel && !canMove && withinCutoff) {
    return `距离试驾开始不足${formatDurationZh(cutoffMinutes)}，如需修改请致电门店 ${booking.storePhone}`;
  }
  if (canCancel && !canMove && booking.rescheduleCount > 0) {
    return `本预约已改期${booking.rescheduleCount}次，不能再在线改期，如需调整请致电门店 ${booking.storePhone}`;
  }
  return `如需修改请致电门店 ${booking.storePhone}`;
}

export default function BookingDetailPage() {
  const [store, setStore] = useState<Store | null>(null);
  const [rescheduling, setRescheduling] = useState(false);
  const [selection, setSelection] = useState<SlotSelection>({ date: null, slot: null });
  const [suggestions, setSuggestions] = useState<TimeSlot[] | null>(null);
  const [availabilityReload, setAvailabilityReload] = useState(0);
  const [dialog, setDialog] = useState<ReasonDialog>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const fetchBooking = useCallback(async (id: number) => {
    const data = await api.testDrives.get(id);
    getStore(data.storeId).then(setStore, () => undefined);
    return data;
  }, []);

  // Refreshed when shown again (back from the background, say), but not while the customer moves or
  // cancels it: the store may have confirmed or moved it meanwhile.
  const {
    state: booking,
    reload,
    perform,
  } = useDetailPage(fetchBooking, {
    page: BOOKING_DETAIL_PAGE,
    refreshOnShow: () => !rescheduling && dialog === null,
  });

  const data = booking.status === 'ready' ? booking.data : null;
  const timeZone = store?.timeZone ?? (data ? storeTimeZone(data.storeId) : undefined);

  /** Runs one action on the booking; the answer (the booking as it now is) replaces the one shown. */
  async function act(action: () => Promise<TestDriveBooking>, success: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setActionError(null);
    try {
      return await perform(action, success, (error) => {
        const taken = slotTaken(error);
        if (taken && rescheduling) {
          setSuggestions(taken.suggestedSlots.length > 0 ? taken.suggestedSlots : null);
          setSelection((previous) => ({ ...previous, slot: null }));
          setAvailabilityReload((n) => n + 1);
          // The suggestions box says what happened.
          if (taken.suggestedSlots.length > 0) return;
        }
        setActionError(errorMessage(error));
        // The booking may have changed under us (the store confirmed or moved it): show it as it is.
        if (!taken) void reload(false);
      });
    } finally {
      setBusy(false);
    }
  }

  function startReschedule() {
    setActionError(null);
    setSuggestions(null);
    setSelection({ date: null, slot: null });
    setRescheduling(true);
  }

  async function confirmReschedule(current: TestDriveBooking) {
    const slot = selection.slot;
    if (!slot) return;
    const moved = await act(
      () => api.testDrives.reschedule(current.id, { startsAt: slot.startsAt }),
      '已改期',
    );
    if (moved) {
      setRescheduling(false);
      setSuggestions(null);
    }
  }

  /** Opens the reason dialog with an empty reason and no error left from an earlier action. */
  function openDialog(kind: NonNullable<ReasonDialog>) {
    setActionError(null);
    setReason('');
    setDialog(kind);
  }

  async function confirmDialog(current: TestDriveBooking) {
    const text = reason.trim();
    const body = text ? { reason: text } : {};
    const ok =
      dialog === 'cancel'
        ? await act(() => api.testDrives.cancel(current.id, body), '已取消预约')
        : await act(() => api.testDrives.declineProposal(current.id, body), '已回复门店');
    if (!ok) throw new Error('action failed'); // keeps the dialog open with the error shown below
    setDialog(null);
    setReason('');
  }

  return (
    <View className={styles.page}>
      <AsyncState state={booking} onRetry={() => void reload(true)} emptyText="预约不存在">
        {(current) => {
          const allowed = current.allowedActions;
          const notice = phoneOnlyNotice(current, new Date());
          return (
            <>
              <View className={styles.header}>
                <Text
                  className={`${styles.headline} ${styles[`status_${current.status}`] ?? ''}`}
                  data-testid="booking-status"
                  data-status={current.status}
                >
                  {headline(current)}
                </Text>
                {current.status === 'requested' && !current.proposal ? (
                  <Text className={styles.sub}>门店将尽快确认，确认后会通知您</Text>
                ) : null}
                {current.closingReason ? (
                  <Text className={styles.sub}>原因：{current.closingReason}</Text>
                ) : null}
              </View>

              {current.proposal ? (
                <View className={styles.proposal} data-testid="booking-proposal">
                  <Text className={styles.proposalTitle}>门店建议改到新的时间</Text>
                  <Text className={styles.proposalTime}>
                    {formatSlotRange(current.proposal.startsAt, current.proposal.endsAt, timeZone)}
                  </Text>
                  {current.proposal.note ? (
                    <Text className={styles.sub}>门店留言：{current.proposal.note}</Text>
                  ) : null}
                  <View className={styles.row2}>
                    {allowed.includes('decline_proposal') ? (
                      <Button
                        className={styles.grow}
                        type="default"
                        disabled={busy}
                        onClick={() => openDialog('decline')}
                      >
                        不接受
                      </Button>
                    ) : null}
                    {allowed.includes('accept_proposal') ? (
                      <Button
                        className={styles.grow}
                        type="primary"
                        loading={busy}
                        disabled={busy}
                        onClick={() =>
                          void act(() => api.testDrives.acceptProposal(current.id), '已接受新时间')
                        }
                      >
                        接受新时间
                      </Button>
                    ) : null}
                  </View>
                </View>
              ) : null}

              <View className={styles.card}>
                <View className={styles.item}>
                  <Text className={styles.label}>时间</Text>
                  <Text className={`${styles.value} ${styles.strong}`} data-testid="booking-time">
                    {formatSlotRange(current.startsAt, current.endsAt, timeZone)}
                  </Text>
                </View>
                <View className={styles.item}>
                  <Text className={styles.label}>车型</Text>
                  <Text className={styles.value}>{current.modelName}</Text>
                </View>
                {current.car ? (
                  <View className={styles.item}>
                    <Text className={styles.label}>试驾车</Text>
                    <Text className={styles.value}>{current.car.plate}</Text>
                  </View>
                ) : null}
                {current.consultant ? (
                  <View className={styles.item}>
                    <Text className={styles.label}>顾问</Text>
                    <Text className={styles.value}>{current.consultant.displayName}</Text>
                  </View>
                ) : null}
                <View className={styles.item}>
                  <Text className={styles.label}>门店</Text>
                  <View className={styles.valueColumn}>
                    <Text className={styles.value}>{current.storeName}</Text>
                    {store?.address ? <Text className={styles.muted}>{store.address}</Text> : null}
                  </View>
                  <Button
                    size="small"
                    type="primary"
                    fill="outline"
                    onClick={() => callStore(current.storePhone)}
                  >
                    拨打电话
                  </Button>
                </View>
                <View className={styles.item}>
                  <Text className={styles.label}>预约号</Text>
                  <Text className={`${styles.value} ${styles.mono}`}>{current.reference}</Text>
                </View>
                <View className={styles.item}>
                  <Text className={styles.label}>试驾人</Text>
                  <Text className={styles.value}>
                    {current.customerName} {current.mobileMasked}
                  </Text>
                </View>
                <View className={styles.item}>
                  <Text className={styles.label}>驾驶证号</Text>
                  <Text className={styles.value}>{current.licenceMasked}</Text>
                </View>
                {current.note ? (
                  <View className={styles.item}>
                    <Text className={styles.label}>备注</Text>
                    <Text className={styles.value}>{current.note}</Text>
                  </View>
                ) : null}
              </View>

              {notice ? (
                <View
                  className={styles.notice}
                  data-testid="cutoff-notice"
                  onClick={() => callStore(current.storePhone)}
                >
                  <Text>{notice}</Text>
                </View>
              ) : null}

              {rescheduling && allowed.includes('reschedule') ? (
                <View className={styles.card} data-testid="reschedule-panel">
                  <Text className={styles.sectionTitle}>选择新的时间</Text>
                  <SlotPicker
                    storeId={current.storeId}
                    modelId={current.modelId}
                    timeZone={timeZone ?? storeTimeZone(current.storeId)}
                    value={selection}
                    onChange={(value) => {
                      setSelection(value);
                      setActionError(null);
                    }}
                    currentStartsAt={current.startsAt}
                    reloadKey={availabilityReload}
                  />
                  {suggestions ? (
                    <SuggestedSlots
                      slots={suggestions}
                      timeZone={timeZone ?? storeTimeZone(current.storeId)}
                      onPick={(slot) => {
                        setSelection({ date: localDateOf(slot.startsAt, timeZone), slot });
                        setSuggestions(null);
                        setActionError(null);
                      }}
                    />
                  ) : null}
                  {selection.slot ? (
                    <Text className={styles.sub}>
                      改到 {formatSlotStart(selection.slot.startsAt, timeZone)}（原{' '}
                      {formatSlotStart(current.startsAt, timeZone)}）
                    </Text>
                  ) : null}
                  {actionError ? <Text className={styles.error}>{actionError}</Text> : null}
                  <View className={styles.row2}>
                    <Button
                      className={styles.grow}
                      type="default"
                      disabled={busy}
                      onClick={() => setRescheduling(false)}
                    >
                      暂不改期
                    </Button>
                    <Button
                      className={styles.grow}
                      type="primary"
                      loading={busy}
                      disabled={busy || !selection.slot}
                      onClick={() => void confirmReschedule(current)}
                    >
                      确认改期
                    </Button>
                  </View>
                </View>
              ) : null}

              {!rescheduling && actionError ? <Text className={styles.error}>{actionError}</Text> : null}

              {!rescheduling && (allowed.includes('reschedule') || allowed.includes('cancel')) ? (
                <View className={styles.row2}>
                  {allowed.includes('cancel') ? (
                    <Button
                      className={styles.grow}
                      type="default"
                      disabled={busy}
                      onClick={() => openDialog('cancel')}
                    >
                      取消预约
                    </Button>
                  ) : null}
                  {allowed.includes('reschedule') ? (
                    <Button className={styles.grow} type="primary" disabled={busy} onClick={startReschedule}>
                      改期
                    </Button>
                  ) : null}
                </View>
              ) : null}

              <View className={styles.card}>
                <Text className={styles.sectionTitle}>预约进度</Text>
                <BookingTimeline
                  entries={current.timeline}
                  timeZone={timeZone ?? storeTimeZone(current.storeId)}
                  startsAt={current.startsAt}
                />
              </View>

              <Dialog
                visible={dialog !== null}
                title={dialog === 'cancel' ? '取消预约' : '不接受新时间'}
                confirmText={dialog === 'cancel' ? '确认取消' : '确认'}
                cancelText={dialog === 'cancel' ? '再想想' : '返回'}
                onConfirm={() => confirmDialog(current)}
                onCancel={() => setDialog(null)}
                onClose={() => setDialog(null)}
              >
                <View className={styles.dialogBody}>
                  <Text className={styles.sub}>
                    {dialog === 'cancel'
                      ? `确定取消 ${formatSlotStart(current.startsAt, timeZone)} 的试驾吗？取消后该时段将释放给其他客户。`
                      : '不接受后门店会与您联系，另行安排时间。'}
                  </Text>
                  <TextArea
                    className={styles.reason}
                    value={reason}
                    placeholder={dialog === 'cancel' ? '取消原因（选填）' : '原因或方便的时间（选填）'}
                    maxLength={REASON_MAX_LENGTH}
                    onChange={setReason}
                  />
                  {actionError && dialog ? <Text className={styles.error}>{actionError}</Text> : null}
                </View>
              </Dialog>
            </>
          );
        }}
      </AsyncState>
    </View>
  );
}
