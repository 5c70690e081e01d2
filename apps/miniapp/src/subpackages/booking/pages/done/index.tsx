import { useCallback, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { TestDriveBooking } from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import StatusTag from '../../../../components/status-tag';
import { api } from '../../../../services/api';
import { recallCreated } from '../../../../services/booking-draft';
import { getStore, storeTimeZone } from '../../../../services/stores';
import type { SubscribeOutcome } from '../../../../services/subscribe';
import { formatSlotRange } from '../../../../utils/datetime';
import { loading, type Loadable } from '../../../../utils/loadable';
import { goHome, MY_BOOKINGS_PAGE } from '../../../../utils/navigation';
import styles from './index.module.scss';

export default function BookingDonePage() {
  const [bookingId, setBookingId] = useState<number | null>(null);
  const [booking, setBooking] = useState<Loadable<TestDriveBooking>>(loading);
  const [subscription, setSubscription] = useState<SubscribeOutcome>('skipped');
  const [timeZone, setTimeZone] = useState<string | null>(null);

  const load = useCallback(async (id: number) => {
    const recalled = recallCreated(id);
    if (recalled) setSubscription(recalled.subscription);
    setBooking(recalled ? { status: 'ready', data: recalled.booking } : loading);
    try {
      const data = recalled?.booking ?? (await api.testDrives.get(id));
      setBooking({ status: 'ready', data });
      setTimeZone(storeTimeZone(data.storeId));
      // The store's own zone when it was not in memory yet; until then the mainland default.
      const store = await getStore(data.storeId).catch(() => null);
      if (store) setTimeZone(store.timeZone);
    } catch (error) {
      setBooking({ status: 'error', error });
    }
  }, []);

  useLoad((params: Record<string, string | undefined>) => {
    const id = Number(params.id);
    if (!Number.isInteger(id) || id <= 0) {
      setBooking({ status: 'error', error: new Error('bad id') });
      return;
    }
    setBookingId(id);
    void load(id);
  });

  return (
    <View className={styles.page}>
      <AsyncState
        state={booking}
        onRetry={() => bookingId !== null && void load(bookingId)}
        emptyText="预约不存在"
      >
        {(data) => (
          <>
            <View className={styles.result}>
              <View className={styles.icon}>
                <Text>✓</Text>
              </View>
              <Text className={styles.title}>预约已提交</Text>
              <Text className={styles.subtitle}>
                {data.status === 'requested' ? '等待门店确认，确认后会通知您' : '门店已处理您的预约'}
              </Text>
              <StatusTag status={data.status} />
            </View>

            <View className={styles.card}>
              <View className={styles.row}>
                <Text className={styles.label}>门店</Text>
                <Text className={styles.value}>{data.storeName}</Text>
              </View>
              <View className={styles.row}>
                <Text className={styles.label}>车型</Text>
                <Text className={styles.value}>{data.modelName}</Text>
              </View>
              <View className={styles.row}>
                <Text className={styles.label}>时间</Text>
                <Text className={styles.value}>
                  {formatSlotRange(data.startsAt, data.endsAt, timeZone ?? storeTimeZone(data.storeId))}
                </Text>
              </View>
              <View className={styles.row}>
                <Text className={styles.label}>预约号</Text>
                <Text className={`${styles.value} ${styles.reference}`} data-testid="booking-reference">
                  {data.reference}
                </Text>
              </View>
            </View>

            {subscription === 'rejected' ? (
              <Text className={styles.notice}>
                您未开启预约结果通知，门店确认后会电话联系您，也可在“我的试驾”中查看进度。
              </Text>
            ) : null}

            <View className={styles.actions}>
              <Button block type="primary" onClick={() => void Taro.redirectTo({ url: MY_BOOKINGS_PAGE })}>
                查看我的试驾
              </Button>
              <Button block type="default" onClick={goHome}>
                返回首页
              </Button>
            </View>
          </>
        )}
      </AsyncState>
    </View>
  );
}
