import type { BookingStatus, StoreOverview, TestDriveBooking } from '@dealer-care/domain';
import { Alert, Descriptions, Drawer, Flex, Skeleton, Typography, type DescriptionsProps } from 'antd';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { problemText } from '../../errors';
import type { ActionModal } from './actions';
import { BookingActions } from './BookingActions';
import { useBooking } from './queries';
import { StatusTag } from './StatusTag';
import { pendingProposal, timelineItems } from './timeline';
import { localDateTime, localSlotLabel } from './time';

interface Props {
  store: StoreOverview;
  bookingId: number | null;
  /** The list's copy, shown at once while the detail loads. */
  fromList: TestDriveBooking | undefined;
  onClose: () => void;
  onOpenModal: (booking: TestDriveBooking, modal: ActionModal) => void;
}

const TIMELINE_COLOR: Record<BookingStatus, string> = {
  requested: 'orange',
  confirmed: 'blue',
  checked_in: 'blue',
  completed: 'green',
  rejected: 'red',
  cancelled: 'gray',
  no_show: 'red',
};

function details(booking: TestDriveBooking, timeZone: string): DescriptionsProps['items'] {
  const proposal = pendingProposal(booking);
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return [
    {
      key: 'reference',
      label: '预约号',
      children: <Typography.Text copyable>{booking.reference}</Typography.Text>,
    },
    { key: 'status', label: '状态', children: <StatusTag status={booking.status} /> },
    { key: 'slot', label: '时间', children: localSlotLabel(booking.startsAt, booking.endsAt, timeZone) },
    { key: 'model', label: '车型', children: booking.modelName },
    { key: 'car', label: '试驾车', children: booking.car?.plate ?? none },
    { key: 'consultant', label: '顾问', children: booking.consultant?.displayName ?? none },
    { key: 'customer', label: '客户', children: booking.customerName },
    { key: 'mobile', label: '手机', children: booking.mobileMasked },
    { key: 'licence', label: '驾驶证', children: booking.licenceMasked },
    { key: 'note', label: '客户备注', children: booking.note ?? none },
    ...(proposal
      ? [
          {
            key: 'proposal',
            label: '建议新时间',
            children: (
              <Flex vertical>
                <Typography.Text type="warning">
                  {localSlotLabel(proposal.startsAt, proposal.endsAt, timeZone)}（待客户答复）
                </Typography.Text>
                {proposal.note && <Typography.Text type="secondary">{proposal.note}</Typography.Text>}
              </Flex>
            ),
          },
        ]
      : []),
    ...(booking.closingReason ? [{ key: 'closing', label: '原因', children: booking.closingReason }] : []),
    { key: 'reschedules', label: '改期次数', children: booking.rescheduleCount },
    {
      key: 'consent',
      label: '同意书',
      children: `${booking.consentVersion} 版，${localDateTime(booking.consentAcceptedAt, timeZone)} 同意`,
    },
    { key: 'created', label: '提交时间', children: localDateTime(booking.createdAt, timeZone) },
  ];
}

/** A booking's detail, its actions and its history. */
export function BookingDrawer({ store, bookingId, fromList, onClose, onOpenModal }: Props) {
  const query = useBooking(store.id, bookingId, fromList);
  const booking = query.data;

  return (
    <Drawer
      open={bookingId !== null}
      onClose={onClose}
      size={520}
      title={booking ? `${booking.customerName} 的试驾预约` : '试驾预约'}
      extra={booking && <StatusTag status={booking.status} />}
      destroyOnHidden
    >
      {booking ? (
        <Flex vertical gap={16} data-testid={`booking-detail-${booking.id}`}>
          {query.isError && <Alert type="warning" showIcon title={problemText(query.error)} />}
          <Descriptions size="small" column={1} bordered items={details(booking, store.timeZone)} />
          <BookingActions booking={booking} storeId={store.id} onOpenModal={onOpenModal} size="middle" />
          <HistoryTimeline
            items={timelineItems(booking, store.timeZone)}
            colors={TIMELINE_COLOR}
            details={(item) => (
              <>
                {item.moved && <Typography.Text>{item.moved}</Typography.Text>}
                {item.reason && <Typography.Text type="secondary">“{item.reason}”</Typography.Text>}
              </>
            )}
          />
        </Flex>
      ) : query.isError ? (
        <Alert type="error" showIcon title={problemText(query.error)} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </Drawer>
  );
}
