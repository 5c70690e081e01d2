import { Text, View } from '@tarojs/components';
import type { SalesOrder } from '@dealer-care/domain';
import { formatMoment } from '../../../../utils/datetime';
import styles from './index.module.scss';

/**
 * The store's delay notice, first thing on the page: that the date must change, why, and what
 * happens next (DOMAIN: tell the customer at once, with the reason and what happens next).
 */
export default function DelayBanner({ order }: { order: SalesOrder }) {
  if (!order.delay || order.status === 'delivered' || order.status === 'cancelled') return null;
  const canChoose = order.allowedActions.includes('choose_date');
  return (
    <View className={`${styles.delay} delay-banner`} data-testid="delay-banner">
      <Text className={styles.delayTitle}>门店通知：交车时间需要调整</Text>
      <Text className={styles.delayReason}>原因：{order.delay.reason}</Text>
      <Text className={styles.delayNext}>
        {canChoose
          ? '门店已为您提供新的交车时间，请在下方重新选择交车时间'
          : '门店正在重新安排交车时间，新的可选时间提供后会通知您'}
      </Text>
      <Text className={styles.delayMeta}>
        {order.storeName} · {formatMoment(order.delay.at, order.storeTimeZone)} 通知
      </Text>
    </View>
  );
}
