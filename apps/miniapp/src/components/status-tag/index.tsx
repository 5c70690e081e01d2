import { Tag } from '@nutui/nutui-react-taro';
import { BOOKING_STATUS_LABEL_ZH, type BookingStatus } from '@dealer-care/domain';

const STATUS_COLOR: Record<BookingStatus, string> = {
  requested: '#d46b08',
  confirmed: '#1d4ed8',
  checked_in: '#08979c',
  completed: '#389e0d',
  rejected: '#cf1322',
  cancelled: '#8c8c8c',
  no_show: '#8c8c8c',
};

interface StatusTagProps {
  status: BookingStatus;
}

/** A booking's status in Chinese (待确认, 已确认 …), coloured by how it stands. */
export default function StatusTag({ status }: StatusTagProps) {
  return (
    <Tag
      className={`status-tag status-tag--${status}`}
      background={STATUS_COLOR[status] ?? '#8c8c8c'}
      data-testid="booking-status"
    >
      {BOOKING_STATUS_LABEL_ZH[status] ?? status}
    </Tag>
  );
}
