import { Image, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import {
  BODY_TYPE_LABEL_ZH,
  ENERGY_TYPE_LABEL_ZH,
  formatPriceFen,
  type EnergyType,
  type VehicleModel,
} from '@dealer-care/domain';
import styles from './index.module.scss';

const ENERGY_TAG_COLOR: Record<EnergyType, string> = {
  petrol: '#595959',
  hybrid: '#d46b08',
  phev: '#08979c',
  bev: '#389e0d',
};

interface ModelCardProps {
  model: VehicleModel;
  /** Shows a 预约试驾 button (home page). */
  onBook?: () => void;
}

export default function ModelCard({ model, onBook }: ModelCardProps) {
  return (
    <View className={styles.card} data-testid="model-card">
      {model.imageUrl ? (
        <Image className={styles.image} src={model.imageUrl} mode="aspectFill" lazyLoad />
      ) : null}
      <View className={styles.body}>
        <Text className={styles.brand}>{model.brand}</Text>
        <Text className={styles.name}>{model.name}</Text>
        <View className={styles.tags}>
          <Tag plain background={ENERGY_TAG_COLOR[model.energyType] ?? '#595959'}>
            {ENERGY_TYPE_LABEL_ZH[model.energyType] ?? model.energyType}
          </Tag>
          <Tag plain background="#595959">
            {BODY_TYPE_LABEL_ZH[model.bodyType] ?? model.bodyType}
          </Tag>
          <Text className={styles.seats}>{model.seats}座</Text>
        </View>
        <View className={styles.footer}>
          <Text className={styles.price}>{formatPriceFen(model.priceFromFen)} 起</Text>
          {onBook ? (
            <Button
              size="small"
              type="primary"
              onClick={(event) => {
                event.stopPropagation();
                onBook();
              }}
            >
              预约试驾
            </Button>
          ) : null}
        </View>
      </View>
    </View>
  );
}
