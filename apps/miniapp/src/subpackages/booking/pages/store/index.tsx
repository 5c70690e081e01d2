import { useCallback, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { formatOpeningHours, type Store } from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import { api } from '../../../../services/api';
import { loading, type Loadable } from '../../../../utils/loadable';
import { callStore } from '../../../../utils/navigation';
import { todayHoursText, upcomingClosedDates } from '../../../../utils/store-hours';
import styles from './index.module.scss';

function navigateTo(store: Store): void {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.openLocation({
      latitude: store.latitude,
      longitude: store.longitude,
      name: store.name,
      address: store.address,
      scale: 16,
    }).catch(() => undefined);
    return;
  }
  // H5 has no native map: AMap's URI API takes GCJ-02, the datum the store is stored in.
  const url =
    `https://uri.amap.com/marker?position=${store.longitude},${store.latitude}` +
    `&name=${encodeURIComponent(store.name)}&coordinate=gaode&callnative=1`;
  window.open(url, '_blank', 'noopener');
}

export default function StoreDetailPage() {
  const [storeId, setStoreId] = useState<number | null>(null);
  const [store, setStore] = useState<Loadable<Store>>(loading);

  const load = useCallback(async (id: number) => {
    setStore(loading);
    try {
      const data = await api.stores.get(id);
      setStore({ status: 'ready', data });
      void Taro.setNavigationBarTitle({ title: data.name });
    } catch (error) {
      setStore({ status: 'error', error });
    }
  }, []);

  useLoad((params: Record<string, string | undefined>) => {
    const id = Number(params.id);
    if (!Number.isInteger(id) || id <= 0) {
      setStore({ status: 'error', error: new Error('bad id') });
      return;
    }
    setStoreId(id);
    void load(id);
  });

  return (
    <View className={styles.page}>
      <AsyncState state={store} onRetry={() => storeId !== null && void load(storeId)} emptyText="门店不存在">
        {(data) => {
          const closed = upcomingClosedDates(data);
          return (
            <>
              <View className={styles.header}>
                <Text className={styles.name}>{data.name}</Text>
                <Text className={styles.city}>{data.city}</Text>
                <Text className={styles.today}>{todayHoursText(data)}</Text>
              </View>

              <CellGroup title="门店信息">
                <Cell title="地址" description={data.address} />
                <Cell title="电话" extra={data.phone} clickable onClick={() => callStore(data.phone)} />
              </CellGroup>

              <CellGroup title="营业时间">
                {formatOpeningHours(data.openingHours).map((line) => (
                  <Cell key={line} title={line} />
                ))}
              </CellGroup>

              <CellGroup title="近期休息日">
                {closed.length > 0 ? (
                  closed.map((date) => <Cell key={date} title={date} extra="休息" />)
                ) : (
                  <Cell title="近期无特别休息日" />
                )}
              </CellGroup>

              <View className={styles.actions}>
                <Button block type="primary" onClick={() => navigateTo(data)}>
                  导航到店
                </Button>
                <Button block type="primary" fill="outline" onClick={() => callStore(data.phone)}>
                  拨打电话
                </Button>
              </View>
            </>
          );
        }}
      </AsyncState>
    </View>
  );
}
