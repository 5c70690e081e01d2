import { DELIVERY_STATUS_LABEL_ZH, type DeliveryStatus } from '@dealer-care/domain';
import { Tag } from 'antd';
import { STATUS_COLOR } from './format';

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {DELIVERY_STATUS_LABEL_ZH[status]}
    </Tag>
  );
}
