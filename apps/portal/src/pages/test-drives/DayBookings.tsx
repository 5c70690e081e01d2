import type { TestDriveBooking } from '@dealer-care/domain';
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { ActionModal } from './actions';
import { BookingActions } from './BookingActions';
import { groupBySlot, toDayRows, type DayRow } from './day-view';
import { StatusTag } from './StatusTag';
import { proposalText } from './timeline';

interface Props {
  bookings: readonly TestDriveBooking[];
  storeId: number;
  timeZone: string;
  loading: boolean;
  emptyText: string;
  onOpen: (booking: TestDriveBooking) => void;
  onOpenModal: (booking: TestDriveBooking, modal: ActionModal) => void;
}

const muted = <Typography.Text type="secondary">—</Typography.Text>;

/** The day by slot: one row per booking, the slot's time spanning its bookings. */
export function DayBookings({ bookings, storeId, timeZone, loading, emptyText, onOpen, onOpenModal }: Props) {
  const rows = toDayRows(groupBySlot(bookings, timeZone));

  const columns: TableColumnsType<DayRow> = [
    {
      title: '时段',
      key: 'slot',
      width: 112,
      onCell: (row) => ({
        rowSpan: row.slotRowSpan,
        // The shared cell belongs to no single booking.
        onClick: (event) => event.stopPropagation(),
        style: { cursor: 'default', verticalAlign: 'top' },
      }),
      render: (_, row) => <Typography.Text strong>{row.slotLabel}</Typography.Text>,
    },
    {
      title: '客户',
      key: 'customer',
      render: (_, { booking }) => (
        <Flex vertical>
          <Typography.Text>{booking.customerName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {booking.mobileMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '车型', key: 'model', render: (_, { booking }) => booking.modelName },
    {
      title: '状态',
      key: 'status',
      render: (_, { booking }) => {
        const proposal = proposalText(booking, timeZone);
        return (
          <Flex vertical gap={4} align="flex-start">
            <StatusTag status={booking.status} />
            {proposal && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {proposal}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    { title: '试驾车', key: 'car', render: (_, { booking }) => booking.car?.plate ?? muted },
    {
      title: '顾问',
      key: 'consultant',
      render: (_, { booking }) => booking.consultant?.displayName ?? muted,
    },
    {
      title: '预约号 / 备注',
      key: 'reference',
      render: (_, { booking }) => (
        <Flex vertical style={{ maxWidth: 200 }}>
          {/* The row opens on click; this link makes it reachable by keyboard too. */}
          <Button
            type="link"
            size="small"
            aria-label={`查看预约 ${booking.reference}`}
            style={{ padding: 0, alignSelf: 'flex-start', fontFamily: 'monospace' }}
            onClick={(event) => {
              event.stopPropagation();
              onOpen(booking);
            }}
          >
            {booking.reference}
          </Button>
          {booking.note && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: booking.note }} style={{ fontSize: 12 }}>
              {booking.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, { booking }) => (
        <BookingActions booking={booking} storeId={storeId} onOpenModal={onOpenModal} />
      ),
    },
  ];

  return (
    <Table<DayRow>
      size="middle"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 960 }}
      locale={{ emptyText }}
      onRow={(row) =>
        ({
          'data-testid': `booking-${row.booking.id}`,
          onClick: () => onOpen(row.booking),
          style: { cursor: 'pointer' },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
