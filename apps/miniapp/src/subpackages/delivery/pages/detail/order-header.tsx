import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { promisedWindowLabel, vinTail, type SalesOrder } from '@dealer-care/domain';
import { callStore } from '../../../../utils/navigation';
import DeliveryStatusChip from '../../components/delivery-status';
import styles from './index.module.scss';

/** The car being prepared, the order's status and who to call about it. */
export default function OrderHeader({ order, today }: { order: SalesOrder; today: string }) {
  const tail = vinTail(order.vin);
  const consultantPhone = order.consultant?.phone ?? null;
  return (
    <View className={styles.header} data-testid="order-header">
      <View className={styles.headRow}>
        <DeliveryStatusChip status={order.status} />
        <Text className={styles.orderNo}>订单号 {order.orderNo}</Text>
      </View>
      <Text className={styles.model}>{order.model.name}</Text>
      <Text className={styles.car}>{[order.trim, order.colour].filter(Boolean).join(' · ')}</Text>
      {tail ? <Text className={styles.sub}>车架号尾号 {tail}</Text> : null}
      {order.status === 'scheduling' ? (
        <Text className={styles.sub}>预计交车 {promisedWindowLabel(order, today)}</Text>
      ) : null}
      <View className={styles.contact}>
        <Text className={styles.consultant}>
          {order.consultant ? `销售顾问 ${order.consultant.name}` : order.storeName}
        </Text>
        {consultantPhone ? (
          <Button size="small" type="primary" fill="outline" onClick={() => callStore(consultantPhone)}>
            联系顾问
          </Button>
        ) : null}
        <Button size="small" type="default" onClick={() => callStore(order.storePhone)}>
          致电门店
        </Button>
      </View>
    </View>
  );
}
