import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { StoreListItem } from '@dealer-care/domain';
import { formatDistance, todayHoursText } from '../../utils/store-hours';
import { callStore, openBooking, openStoreDetail } from '../../utils/navigation';
import styles from './index.module.scss';

interface StoreCardProps {
  store: StoreListItem;
}

export default function StoreCard({ store }: StoreCardProps) {
  const today = todayHoursText(store);
  return (
    <View className={styles.card} data-testid="store-card" onClick={() => openStoreDetail(store.id)}>
      <View className={styles.head}>
        <Text className={styles.name}>{store.name}</Text>
        {store.distanceKm !== undefined ? (
          <Text className={styles.distance}>{formatDistance(store.distanceKm)}</Text>
        ) : null}
      </View>
      <View className={styles.meta}>
        <Tag plain background="#1d4ed8">
          {store.city}
        </Tag>
        <Text className={today === '今日休息' ? styles.closed : styles.hours}>{today}</Text>
      </View>
      <Text className={styles.address}>{store.address}</Text>
      <View className={styles.actions}>
        <Button
          size="small"
          type="primary"
          fill="outline"
          onClick={(event) => {
            event.stopPropagation();
            callStore(store.phone);
          }}
        >
          拨打电话
        </Button>
        <Button
          size="small"
          type="primary"
          onClick={(event) => {
            event.stopPropagation();
            openBooking({ storeId: store.id });
          }}
        >
          预约试驾
        </Button>
      </View>
    </View>
  );
}
