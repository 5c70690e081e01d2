import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GeoPoint } from '@dealer-care/domain';
import AsyncState from '../../components/async-state';
import DeliveryTodo from '../../components/delivery-todo';
import ModelCard from '../../components/model-card';
import Section from '../../components/section';
import StoreCard from '../../components/store-card';
import SurveyTodo from '../../components/survey-todo';
import { useCatalogue } from '../../hooks/use-catalogue';
import { getCustomerLocation } from '../../services/location';
import { openBooking } from '../../utils/navigation';
import styles from './index.module.scss';

const DEALER_NAME = process.env.TARO_APP_DEALER_NAME;

export default function IndexPage() {
  const { stores, models, loadStores, loadModels } = useCatalogue();
  const location = useRef<GeoPoint | null>(null);
  /**
   * Bumped when the page is shown again or pulled down: the 待办 and 待评价问卷 cards reload (a delay,
   * a date chosen, a survey answered).
   */
  const [todoKey, setTodoKey] = useState(0);
  const shownOnce = useRef(false);

  useDidShow(() => {
    if (shownOnce.current) setTodoKey((key) => key + 1);
    shownOnce.current = true;
  });

  useEffect(() => {
    void loadStores(true, location.current);
    void loadModels();
    // The list shows at once; when (and if) the customer grants location it is re-sorted nearest first.
    void getCustomerLocation().then((point) => {
      if (!point) return;
      location.current = point;
      void loadStores(false, point);
    });
  }, [loadStores, loadModels]);

  usePullDownRefresh(() => {
    setTodoKey((key) => key + 1);
    void Promise.all([loadStores(false, location.current), loadModels()]).finally(() =>
      Taro.stopPullDownRefresh(),
    );
  });

  return (
    <View className={styles.page}>
      <View className={styles.hero}>
        <Text className={styles.dealer}>{DEALER_NAME}</Text>
        <Text className={styles.slogan}>预约试驾 · 交车服务 · 用车关怀</Text>
      </View>

      <DeliveryTodo refreshKey={todoKey} />
      <SurveyTodo refreshKey={todoKey} />

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
          onRetry={() => void loadStores(true, location.current)}
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
