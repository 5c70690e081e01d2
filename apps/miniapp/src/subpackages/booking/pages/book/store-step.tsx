import { Text, View } from '@tarojs/components';
import type { StoreListItem } from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import type { Loadable } from '../../../../utils/loadable';
import { formatDistance, todayHoursText } from '../../../../utils/store-hours';
import styles from './index.module.scss';

interface StoreStepProps {
  stores: Loadable<StoreListItem[]>;
  selected: number | null;
  onRetry: () => void;
  onSelect: (store: StoreListItem) => void;
}

/** The dealer's stores, nearest first once the customer's location is known. */
export default function StoreStep({ stores, selected, onRetry, onSelect }: StoreStepProps) {
  return (
    <View className={styles.stepBody}>
      <Text className={styles.stepTitle}>选择门店</Text>
      <AsyncState state={stores} onRetry={onRetry} emptyText="暂无门店" isEmpty={(list) => list.length === 0}>
        {(list) =>
          list.map((store) => {
            const today = todayHoursText(store);
            return (
              <View
                key={store.id}
                className={`${styles.option} ${store.id === selected ? styles.optionActive : ''} store-option`}
                data-testid="store-option"
                onClick={() => onSelect(store)}
              >
                <View className={styles.optionHead}>
                  <Text className={styles.optionName}>{store.name}</Text>
                  {store.distanceKm !== undefined ? (
                    <Text className={styles.optionExtra}>{formatDistance(store.distanceKm)}</Text>
                  ) : null}
                </View>
                <Text className={styles.optionMeta}>{store.address}</Text>
                <Text className={today === '今日休息' ? styles.optionMuted : styles.optionOk}>{today}</Text>
              </View>
            );
          })
        }
      </AsyncState>
    </View>
  );
}
