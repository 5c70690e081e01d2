import { Text } from '@tarojs/components';
import { DELIVERY_STATUS_LABEL_ZH, type DeliveryStatus } from '@dealer-care/domain';
import styles from './delivery-status.module.scss';

/** An order's delivery status in Chinese (待定交车时间, 车辆已备妥 …), coloured by how it stands. */
export default function DeliveryStatusChip({ status }: { status: DeliveryStatus }) {
  return (
    <Text
      className={`${styles.chip} ${styles[status] ?? ''} delivery-status`}
      data-testid="delivery-status"
      data-status={status}
    >
      {DELIVERY_STATUS_LABEL_ZH[status] ?? status}
    </Text>
  );
}
