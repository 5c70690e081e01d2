import { Text, View } from '@tarojs/components';
import {
  BODY_TYPE_LABEL_ZH,
  ENERGY_TYPE_LABEL_ZH,
  formatPriceFen,
  type VehicleModel,
} from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import type { Loadable } from '../../../../utils/loadable';
import styles from './index.module.scss';

interface ModelStepProps {
  models: Loadable<VehicleModel[]>;
  selected: number | null;
  onRetry: () => void;
  onSelect: (model: VehicleModel) => void;
}

export default function ModelStep({ models, selected, onRetry, onSelect }: ModelStepProps) {
  return (
    <View className={styles.stepBody}>
      <Text className={styles.stepTitle}>选择车型</Text>
      <AsyncState
        state={models}
        onRetry={onRetry}
        emptyText="暂无可试驾车型"
        isEmpty={(list) => list.length === 0}
      >
        {(list) =>
          list.map((model) => (
            <View
              key={model.id}
              className={`${styles.option} ${model.id === selected ? styles.optionActive : ''} model-option`}
              data-testid="model-option"
              onClick={() => onSelect(model)}
            >
              <View className={styles.optionHead}>
                <Text className={styles.optionName}>{model.name}</Text>
                <Text className={styles.optionPrice}>{formatPriceFen(model.priceFromFen)} 起</Text>
              </View>
              <Text className={styles.optionMeta}>
                {model.brand} · {ENERGY_TYPE_LABEL_ZH[model.energyType] ?? model.energyType} ·{' '}
                {BODY_TYPE_LABEL_ZH[model.bodyType] ?? model.bodyType} · {model.seats}座
              </Text>
            </View>
          ))
        }
      </AsyncState>
    </View>
  );
}
