import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GeoPoint, StoreListItem, VehicleModel } from '@dealer-care/domain';
import AsyncState from '../../components/async-state';
import ModelCard from '../../components/model-card';
import Section from '../../components/section';
import StoreCard from '../../components/store-card';
import { api } from '../../services/api';
import { getCustomerLocation } from '../../services/location';
import { openBooking } from '../../utils/navigation';
import { loading, type Loadable } from '../../utils/loadable';
import styles from './index.module.scss';

const DEALER_NAME = process.env.TARO_APP_DEALER_NAME;

export default function IndexPage() {
  const [stores, setStores] = useState<Loadable<StoreListItem[]>>(loading);
  const [models, setModels] = useState<Loadable<VehicleModel[]>>(loading);
  const location = useRef<GeoPoint | null>(null);
  const storesRequest = useRef(0);

  /** Only the latest request may set the list, so a late answer without location cannot replace one with it. */
  const loadStores = useCallback(async (showLoading: boolean) => {
    const request = ++storesRequest.current;
    if (showLoading) setStores(loading);
    try {
      const data = await api.stores.list(location.current);
      if (request === storesRequest.current) setStores({ status: 'ready', data });
    } catch (error) {
      if (request !== storesRequest.current) return;
      // A failed refresh keeps the list already shown.
      setStores((previous) =>
        !showLoading && previous.status === 'ready' ? previous : { status: 'error', error },
      );
    }
  }, []);

  const loadModels = useCallback(async () => {
    setModels(loading);
    try {
      const data = await api.models.list();
      setModels({ status: 'ready', data: data.filter((model) => model.active) });
    } catch (error) {
      setModels({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void loadStores(true);
    void loadModels();
    // The list shows at once; when (and if) the customer grants location it is re-sorted nearest first.
    void getCustomerLocation().then((point) => {
      if (!point) return;
      location.current = point;
      void loadStores(false);
    });
  }, [loadStores, loadModels]);

  usePullDownRefresh(() => {
    void Promise.all([loadStores(false), loadModels()]).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className={styles.page}>
      <View className={styles.hero}>
        <Text className={styles.dealer}>{DEALER_NAME}</Text>
        <Text className={styles.slogan}>预约试驾 · 交车服务 · 用车关怀</Text>
      </View>

      <Section
        title="门店"
        extra={
          stores.status === 'ready' && stores.data.some((s) => s.distanceKm !== undefined)
            ? '离您最近优先'
            : null
        }
      >
        <AsyncState
          state={stores}
          onRetry={() => void loadStores(true)}
          emptyText="暂无门店"
          isEmpty={(list) => list.length === 0}
        >
          {(list) => list.map((store) => <StoreCard key={store.id} store={store} />)}
        </AsyncState>
      </Section>

      <Section title="车型">
        <AsyncState
          state={models}
          onRetry={() => void loadModels()}
          emptyText="暂无在售车型"
          isEmpty={(list) => list.length === 0}
        >
          {(list) =>
            list.map((model) => (
              <ModelCard key={model.id} model={model} onBook={() => openBooking({ modelId: model.id })} />
            ))
          }
        </AsyncState>
      </Section>
    </View>
  );
}
