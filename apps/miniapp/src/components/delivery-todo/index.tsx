import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  DELIVERY_ATTENTION_TEXT_ZH,
  ordersNeedingAttention,
  type DeliveryAttention,
  type SalesOrder,
} from '@dealer-care/domain';
import { api } from '../../services/api';
import { useSession } from '../../services/session';
import { openDeliveryDetail, openMyDeliveries } from '../../utils/navigation';
import styles from './index.module.scss';

const MAX_ROWS = 3;

interface DeliveryTodoProps {
  /** Changes when the page is shown again, to reload. */
  refreshKey: number;
}

/**
 * 待办 on the home page: the customer's orders that wait for them (a delay declared by the store, a
 * date to choose, 按时到店 due today). Nothing at all when logged out, when nothing waits or when the
 * request fails: the home page must never look broken because of it. Main package: keep it tiny.
 */
export default function DeliveryTodo({ refreshKey }: DeliveryTodoProps) {
  const { customer } = useSession();
  const [rows, setRows] = useState<{ order: SalesOrder; attention: DeliveryAttention }[]>([]);
  const loggedIn = customer !== null;

  useEffect(() => {
    if (!loggedIn) {
      setRows([]);
      return;
    }
    let stale = false;
    api.deliveries.mine().then(
      (orders) => {
        if (!stale) setRows(ordersNeedingAttention(orders));
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [loggedIn, refreshKey]);

  if (rows.length === 0) return null;
  return (
    <View className={styles.card} data-testid="todo-card">
      <View className={styles.title}>
        <View className={styles.dot} />
        <Text>待办</Text>
      </View>
      {rows.slice(0, MAX_ROWS).map(({ order, attention }) => (
        <View
          key={order.id}
          className={`${styles.item} todo-item`}
          data-order-id={order.id}
          data-attention={attention}
          onClick={() => openDeliveryDetail(order.id)}
        >
          <View className={styles.text}>
            <Text className={styles.what}>{DELIVERY_ATTENTION_TEXT_ZH[attention]}</Text>
            <Text className={styles.car}>
              交车 · {order.model.name} {order.colour}
            </Text>
          </View>
          <Text className={styles.arrow}>›</Text>
        </View>
      ))}
      {rows.length > MAX_ROWS ? (
        <View className={`${styles.item} todo-more`} onClick={openMyDeliveries}>
          <Text className={styles.car}>查看全部 {rows.length} 项</Text>
          <Text className={styles.arrow}>›</Text>
        </View>
      ) : null}
    </View>
  );
}
