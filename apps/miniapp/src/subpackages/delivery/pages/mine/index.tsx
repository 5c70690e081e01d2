import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
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
import { api } from '../../../../services/api';
import { useSession } from '../../../../services/session';
import { isUnauthenticated } from '../../../../utils/errors';
import { loading, type Loadable } from '../../../../utils/loadable';
import { goLogin, ME_PAGE, MY_DELIVERIES_PAGE, openDeliveryDetail } from '../../../../utils/navigation';
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

export default function MyDeliveriesPage() {
  const { customer } = useSession();
  const [orders, setOrders] = useState<Loadable<SalesOrder[]>>(loading);
  const loaded = useRef(false);

  const load = useCallback(async (showLoading: boolean) => {
    if (showLoading) setOrders(loading);
    try {
      const data = await api.deliveries.mine();
      setOrders({ status: 'ready', data: [...data].sort(byRelevance) });
      loaded.current = true;
    } catch (error) {
      setOrders((previous) =>
        !showLoading && previous.status === 'ready' && !isUnauthenticated(error)
          ? previous
          : { status: 'error', error },
      );
    }
  }, []);

  useEffect(() => {
    if (customer) void load(true);
  }, [customer, load]);

  // Back from an order (a date chosen) or from the background (the store declared a delay).
  useDidShow(() => {
    if (loaded.current) void load(false);
  });

  usePullDownRefresh(() => {
    void load(false).finally(() => Taro.stopPullDownRefresh());
  });

  if (!customer || (orders.status === 'error' && isUnauthenticated(orders.error))) {
    return (
      <View className={styles.page}>
        <View className={styles.empty}>
          <Text className={styles.emptyText}>登录后查看您的交车进度</Text>
          <Button type="primary" onClick={() => goLogin(MY_DELIVERIES_PAGE)}>
            去登录
          </Button>
        </View>
      </View>
    );
  }

  if (orders.status === 'ready' && orders.data.length === 0) {
    return (
      <View className={styles.page}>
        <View className={styles.empty} data-testid="no-orders">
          <Text className={styles.emptyText}>暂无交车订单</Text>
          <Text className={styles.emptyHint}>
            {customer.hasPhone
              ? `购车订单按手机号关联。如已购车但未看到订单，请确认购车时登记的手机号与您绑定的 ${customer.phoneMasked ?? ''} 一致，或联系您的销售顾问。`
              : '购车订单按手机号关联，绑定手机号后即可查看您的交车进度。'}
          </Text>
          {isWeapp && !customer.hasPhone ? (
            <Button type="primary" onClick={() => void Taro.switchTab({ url: ME_PAGE })}>
              去绑定手机号
            </Button>
          ) : null}
        </View>
      </View>
    );
  }

  return (
    <View className={styles.page}>
      <AsyncState state={orders} onRetry={() => void load(true)} emptyText="暂无交车订单">
        {(list) => list.map((order) => <OrderCard key={order.id} order={order} />)}
      </AsyncState>
    </View>
  );
}
