import { BOOKING_STATUS_LABEL_ZH, type BookingStatus } from '@dealer-care/domain';
import { Tag } from 'antd';
import { STATUS_COLOR } from './day-view';

export function StatusTag({ status }: { status: BookingStatus }) {
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {BOOKING_STATUS_LABEL_ZH[status]}
    </Tag>
  );
}
