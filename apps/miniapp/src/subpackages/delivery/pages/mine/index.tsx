import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  dateOptionLabel,
  DELIVERY_ATTENTION_TEXT_ZH,
  deliveryAttention,
  vinTail,
  type SalesOrder,
} from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import PromptPanel, { LoginPrompt } from '../../../../components/prompt-panel';
import { useCustomerList } from '../../../../hooks/use-customer-list';
import { api } from '../../../../services/api';
import { ME_PAGE, MY_DELIVERIES_PAGE, openDeliveryDetail } from '../../../../utils/navigation';
import DeliveryStatusChip from '../../components/delivery-status';
import styles from './index.module.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Orders that need the customer first, then open ones, then finished ones; newest first within each. */
function byRelevance(a: SalesOrder, b: SalesOrder): number {
  const rank = (order: SalesOrder) =>
    deliveryAttention(order) ? 0 : order.status === 'delivered' || order.status === 'cancelled' ? 2 : 1;
  return rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt);
}

function OrderCard({ order }: { order: SalesOrder }) {
  const attention = deliveryAttention(order);
  const tail = vinTail(order.vin);
  return (
    <View
      className={`${styles.card} ${attention ? styles.attentionCard : ''} order-card`}
      data-testid="order-card"
      data-order-id={order.id}
      data-attention={attention ?? ''}
      onClick={() => openDeliveryDetail(order.id)}
    >
      <View className={styles.head}>
        <Text className={styles.model}>{order.model.name}</Text>
        <DeliveryStatusChip status={order.status} />
      </View>
      <Text className={styles.car}>
        {[order.trim, order.colour].filter(Boolean).join(' · ')}
        {tail ? ` · 车架号尾号 ${tail}` : ''}
      </Text>
      {order.scheduled && order.status !== 'scheduling' && order.status !== 'cancelled' ? (
        <Text className={styles.time}>交车时间 {dateOptionLabel(order.scheduled)}</Text>
      ) : order.status === 'scheduling' ? (
        <Text className={styles.pending}>待选择交车时间</Text>
      ) : null}
      <Text className={styles.store}>{order.storeName}</Text>
      {attention ? (
        <View className={`${styles.attention} order-attention`}>
          <View className={styles.dot} />
          <Text>
            {DELIVERY_ATTENTION_TEXT_ZH[attention]}
            {attention === 'choose_date' ? `（${order.dateOptions.length}个可选时间）` : ''}
          </Text>
        </View>
      ) : null}
      <Text className={styles.reference}>订单号 {order.orderNo}</Text>
    </View>
  );
}

/** The customer's orders, those needing them first. */
async function fetchOrders(): Promise<SalesOrder[]> {
  const data = await api.deliveries.mine();
  return [...data].sort(byRelevance);
}

export default function MyDeliveriesPage() {
  // Refreshed when shown again: back from an order (a date chosen) or from the background (the
  // store declared a delay).
  const { customer, list: orders, reload, sessionLost } = useCustomerList(fetchOrders);

  if (!customer || sessionLost) {
    return (
      <View className={styles.page}>
        <LoginPrompt text="登录后查看您的交车进度" returnTo={MY_DELIVERIES_PAGE} />
      </View>
    );
  }

  if (orders.status === 'ready' && orders.data.length === 0) {
    return (
      <View className={styles.page}>
        <PromptPanel
          text="暂无交车订单"
          hint={
            customer.hasPhone
              ? `购车订单按手机号关联。如已购车但未看到订单，请确认购车时登记的手机号与您绑定的 ${customer.phoneMasked ?? ''} 一致，或联系您的销售顾问。`
              : '购车订单按手机号关联，绑定手机号后即可查看您的交车进度。'
          }
          testId="no-orders"
        >
          {isWeapp && !customer.hasPhone ? (
            <Button type="primary" onClick={() => void Taro.switchTab({ url: ME_PAGE })}>
              去绑定手机号
            </Button>
          ) : null}
        </PromptPanel>
      </View>
    );
  }

  return (
    <View className={styles.page}>
      <AsyncState state={orders} onRetry={() => void reload(true)} emptyText="暂无交车订单">
        {(list) => list.map((order) => <OrderCard key={order.id} order={order} />)}
      </AsyncState>
    </View>
  );
}
