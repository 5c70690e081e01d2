import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  MAX_PARTY_SIZE,
  pendingRequestNote,
  waitingForDatesText,
  type SalesOrder,
} from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import { useDetailPage } from '../../../../hooks/use-detail-page';
import { api } from '../../../../services/api';
import { prepareSubscription, requestSubscription } from '../../../../services/subscribe';
import { formatSlotStart, localDateOf } from '../../../../utils/datetime';
import { errorMessage, fieldErrors } from '../../../../utils/errors';
import { DELIVERY_DETAIL_PAGE } from '../../../../utils/navigation';
import DeliveryTimeline from '../../components/delivery-timeline';
import { AppointmentCard, Confirmations } from './appointment';
import { BringList, HandoverList } from './checklists';
import ChooseDate, { NOTE_MAX_LENGTH } from './choose-date';
import DelayBanner from './delay-banner';
import OrderHeader from './order-header';
import OtherDatesForm, { type OtherDatesMode } from './other-dates-form';
import styles from './index.module.scss';

/** Which action a message belongs to, so it shows next to the button that caused it. */
type ActionKind = 'choose' | 'other' | 'attend';

/** Today in the store's zone; the device's date when the engine cannot tell. */
function todayAtStore(order: SalesOrder | null): string {
  return localDateOf(new Date(), order?.storeTimeZone);
}

export default function DeliveryDetailPage() {
  const [selected, setSelected] = useState<string | null>(null);
  const [partySize, setPartySize] = useState(1);
  const [note, setNote] = useState('');
  const [otherDates, setOtherDates] = useState<OtherDatesMode | null>(null);
  const [otherNote, setOtherNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<{ kind: ActionKind; message: string } | null>(null);
  const [timelineOpen, setTimelineOpen] = useState(false);
  const busyRef = useRef(false);

  // Refreshed when shown again (back from the background, say), but not under a running action: the
  // store may have declared a delay or offered dates meanwhile.
  const {
    state: order,
    reload,
    perform,
  } = useDetailPage(api.deliveries.get, {
    page: DELIVERY_DETAIL_PAGE,
    refreshOnShow: () => !busyRef.current,
  });

  const data = order.status === 'ready' ? order.data : null;

  // The template ids of delivery notices are fetched once the order shows, so a tap can ask at once.
  const loaded = data !== null;
  useEffect(() => {
    if (loaded) prepareSubscription('delivery');
  }, [loaded]);

  // The party size starts from the customer's last answer (a new date after a delay, say).
  const partySizeSeeded = useRef(false);
  useEffect(() => {
    if (!data || partySizeSeeded.current) return;
    partySizeSeeded.current = true;
    if (data.partySize) setPartySize(Math.min(MAX_PARTY_SIZE, Math.max(1, data.partySize)));
  }, [data]);

  /**
   * Runs one action; the answer (the order as it now is) replaces the one shown. On failure the
   * message shows beside the action's button and the order is reloaded (it may have changed).
   */
  async function act(
    kind: ActionKind,
    action: () => Promise<SalesOrder>,
    success: string,
    before?: () => Promise<unknown>,
  ): Promise<boolean> {
    if (busyRef.current) return false;
    busyRef.current = true;
    setBusy(true);
    setActionError(null);
    try {
      const run = async () => {
        if (before) await before();
        return action();
      };
      return await perform(run, success, (error) => {
        const fields = fieldErrors(error);
        const message = fields.note ?? fields.partySize ?? fields.startsAt ?? errorMessage(error);
        setActionError({ kind, message });
        void reload(false);
      });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  /** The chosen date while the store still offers it (a reload may have withdrawn it). */
  const chosen =
    data && selected && data.dateOptions.some((option) => option.startsAt === selected) ? selected : null;

  function chooseDate(current: SalesOrder) {
    const startsAt = chosen;
    if (!startsAt) return;
    // First thing in the tap handler: WeChat opens the prompt only from a tap.
    const subscription = requestSubscription('delivery');
    const text = note.trim();
    void act(
      'choose',
      () => api.deliveries.chooseDate(current.id, { startsAt, partySize, ...(text ? { note: text } : {}) }),
      '已确认交车时间',
      () => subscription,
    ).then((ok) => {
      if (!ok) return;
      setSelected(null);
      setNote('');
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
    });
  }

  function openOtherDates(mode: OtherDatesMode) {
    setActionError(null);
    setOtherNote('');
    setOtherDates(mode);
  }

  function requestOtherDates(current: SalesOrder) {
    const text = otherNote.trim();
    if (!text) {
      setActionError({ kind: 'other', message: '请填写方便的时间或原因' });
      return;
    }
    if (text.length > NOTE_MAX_LENGTH) {
      setActionError({ kind: 'other', message: `最多${NOTE_MAX_LENGTH}个字` });
      return;
    }
    // The new dates come as a message: ask for it while still inside the tap.
    const subscription = requestSubscription('delivery');
    const wasScheduled = current.status !== 'scheduling';
    void act(
      'other',
      () => api.deliveries.requestOtherDates(current.id, { note: text }),
      wasScheduled ? '已申请改期' : '已提交申请',
      () => subscription,
    ).then((ok) => {
      if (!ok) return;
      setOtherDates(null);
      setOtherNote('');
      setSelected(null);
    });
  }

  function confirmAttendance(current: SalesOrder) {
    // A delay or the car being ready still comes as a message: ask inside the tap.
    const subscription = requestSubscription('delivery');
    void act(
      'attend',
      () => api.deliveries.confirmAttendance(current.id),
      '已确认到店',
      () => subscription,
    );
  }

  const errorFor = (kind: ActionKind) => (actionError?.kind === kind ? actionError.message : null);

  return (
    <View className={styles.page}>
      <AsyncState state={order} onRetry={() => void reload(true)} emptyText="订单不存在">
        {(current) => {
          const allowed = current.allowedActions;
          const today = todayAtStore(current);
          const canChoose = allowed.includes('choose_date') && current.dateOptions.length > 0;
          const canAskOther = allowed.includes('request_other_dates');
          const waiting = waitingForDatesText(current);
          const requestNote = pendingRequestNote(current);
          const scheduledStatus = current.status === 'date_confirmed' || current.status === 'ready';
          return (
            <>
              <DelayBanner order={current} />

              {current.status === 'delivered' ? (
                <View className={styles.congrats} data-testid="delivered-note">
                  <Text className={styles.congratsTitle}>恭喜您喜提爱车！</Text>
                  <Text className={styles.congratsText}>
                    {current.handover
                      ? `交接单已于 ${formatSlotStart(current.handover.signedAt, current.storeTimeZone)} 由 ${current.handover.signerName} 签字确认`
                      : '车辆已交付'}
                  </Text>
                  <Text className={styles.congratsText}>感谢您的信任，祝您用车愉快，一路平安。</Text>
                </View>
              ) : null}

              <OrderHeader order={current} today={today} />

              {current.status === 'cancelled' ? (
                <View className={styles.cancelled} data-testid="cancelled-note">
                  <Text>订单已取消{current.cancelReason ? `：${current.cancelReason}` : ''}</Text>
                </View>
              ) : null}

              {current.status === 'ready' ? (
                <View className={styles.readyNote} data-testid="ready-note">
                  <Text>车辆已备妥：交车前检查、证件和清洁均已完成，期待您按时到店提车。</Text>
                </View>
              ) : null}

              {waiting ? (
                <View className={styles.waiting} data-testid="waiting-for-dates">
                  <Text>{waiting}</Text>
                  {requestNote ? <Text className={styles.waitingNote}>您的留言：{requestNote}</Text> : null}
                </View>
              ) : null}

              {canChoose && otherDates !== 'other' ? (
                <ChooseDate
                  options={current.dateOptions}
                  today={today}
                  selected={chosen}
                  onSelect={(startsAt) => {
                    setSelected(startsAt);
                    setActionError(null);
                  }}
                  partySize={partySize}
                  onPartySize={setPartySize}
                  note={note}
                  onNote={setNote}
                  busy={busy}
                  error={errorFor('choose')}
                  onConfirm={() => chooseDate(current)}
                  onOtherDates={canAskOther ? () => openOtherDates('other') : null}
                />
              ) : null}

              {otherDates && canAskOther ? (
                <OtherDatesForm
                  mode={otherDates}
                  note={otherNote}
                  onNote={(value) => {
                    setOtherNote(value);
                    if (actionError?.kind === 'other') setActionError(null);
                  }}
                  busy={busy}
                  error={errorFor('other')}
                  onSubmit={() => requestOtherDates(current)}
                  onCancel={() => {
                    setOtherDates(null);
                    setActionError(null);
                  }}
                />
              ) : null}

              {current.status === 'scheduling' && !canChoose && canAskOther && !otherDates ? (
                <Text className={`${styles.link} other-dates-link`} onClick={() => openOtherDates('other')}>
                  申请其他时间 ›
                </Text>
              ) : null}

              {scheduledStatus || current.status === 'delivered' ? (
                <AppointmentCard order={current} today={today} />
              ) : null}

              {scheduledStatus ? (
                <Confirmations
                  order={current}
                  today={today}
                  busy={busy}
                  error={errorFor('attend')}
                  onConfirm={() => confirmAttendance(current)}
                />
              ) : null}

              {scheduledStatus && canAskOther && !otherDates ? (
                <Button block type="default" disabled={busy} onClick={() => openOtherDates('reschedule')}>
                  申请改期
                </Button>
              ) : null}

              {current.status !== 'delivered' && current.status !== 'cancelled' ? (
                <BringList order={current} />
              ) : null}

              {current.status !== 'cancelled' ? <HandoverList order={current} /> : null}

              {current.timeline.length > 0 ? (
                <View className={styles.card}>
                  <View
                    className={`${styles.timelineHead} timeline-toggle`}
                    onClick={() => setTimelineOpen((open) => !open)}
                  >
                    <Text className={styles.sectionTitle}>交车进度</Text>
                    <Text className={styles.toggle}>
                      {timelineOpen ? '收起' : `展开（${current.timeline.length}）`}
                    </Text>
                  </View>
                  {timelineOpen ? (
                    <DeliveryTimeline entries={current.timeline} timeZone={current.storeTimeZone} />
                  ) : null}
                </View>
              ) : null}
            </>
          );
        }}
      </AsyncState>
    </View>
  );
}
