import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Store, TestDriveBooking } from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import { LoginPrompt } from '../../../../components/prompt-panel';
import StatusTag from '../../../../components/status-tag';
import { useCustomerList } from '../../../../hooks/use-customer-list';
import { api } from '../../../../services/api';
import { storeDirectory, storeTimeZone } from '../../../../services/stores';
import { formatSlotRange } from '../../../../utils/datetime';
import { MY_BOOKINGS_PAGE, openBooking, openBookingDetail } from '../../../../utils/navigation';
import styles from './index.module.scss';

/** Newest slot first. */
function bySlotDescending(a: TestDriveBooking, b: TestDriveBooking): number {
  return b.startsAt.localeCompare(a.startsAt);
}

export default function MyBookingsPage() {
  const [stores, setStores] = useState<Map<number, Store> | null>(null);

  const fetchBookings = useCallback(async () => {
    // Store time zones for the local times; the list shows without them (mainland default) if that fails.
    void storeDirectory().then(setStores, () => undefined);
    const data = await api.testDrives.mine();
    return [...data].sort(bySlotDescending);
  }, []);

  // Refreshed when shown again: a booking cancelled or moved on its detail page comes back changed.
  const { customer, list: bookings, reload, sessionLost } = useCustomerList(fetchBookings);

  if (!customer || sessionLost) {
    return (
      <View className={styles.page}>
        <LoginPrompt text="登录后查看您的试驾预约" returnTo={MY_BOOKINGS_PAGE} />
      </View>
    );
  }

  const zoneOf = (storeId: number) => stores?.get(storeId)?.timeZone ?? storeTimeZone(storeId);

  return (
    <View className={styles.page}>
      <AsyncState
        state={bookings}
        onRetry={() => void reload(true)}
        emptyText="还没有试驾预约"
        isEmpty={(list) => list.length === 0}
      >
        {(list) =>
          list.map((booking) => (
            <View
              key={booking.id}
              className={`${styles.card} booking-card`}
              data-testid="booking-card"
              data-booking-id={booking.id}
              onClick={() => openBookingDetail(booking.id)}
            >
              <View className={styles.head}>
                <Text className={styles.model}>{booking.modelName}</Text>
                <StatusTag status={booking.status} />
              </View>
              <Text className={styles.time}>
                {formatSlotRange(booking.startsAt, booking.endsAt, zoneOf(booking.storeId))}
              </Text>
              <Text className={styles.store}>{booking.storeName}</Text>
              {booking.proposal && booking.allowedActions.includes('accept_proposal') ? (
                <Text className={styles.attention}>门店建议了新的时间，请查看</Text>
              ) : null}
              <Text className={styles.reference}>预约号 {booking.reference}</Text>
            </View>
          ))
        }
      </AsyncState>
      {bookings.status === 'ready' ? (
        <View className={styles.actions}>
          <Button block type="primary" fill="outline" onClick={() => openBooking()}>
            预约试驾
          </Button>
        </View>
      ) : null}
    </View>
  );
}
