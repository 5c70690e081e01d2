import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import {
  BOOKING_STATUS_LABEL_ZH,
  BOOKING_STATUSES,
  type StoreOverview,
  type TestDriveBooking,
} from '@dealer-care/domain';
import { Button, Card, DatePicker, Flex, Radio, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryFailedLine } from '../../components/query-state';
import { usePageParams } from '../../search-params';
import { StorePage, storeZoneNote } from '../stores/StorePage';
import type { ActionModal } from './actions';
import { ActionModalHost, type PendingAction } from './ActionModals';
import { BookingDrawer } from './BookingDrawer';
import { CapacityCalendar } from './CapacityCalendar';
import { countByStatus, filterByStatus, isStatusFilter, type StatusFilter } from './day-view';
import { DayBookings } from './DayBookings';
import { useDayBookings } from './queries';
import { addDays, dateLabel, isCalendarDate, storeToday } from './time';

export default function TestDrivesPage() {
  return <StorePage title="今日试驾">{(store) => <StoreTestDrives store={store} />}</StorePage>;
}

function StoreTestDrives({ store }: { store: StoreOverview }) {
  const [params, update] = usePageParams();
  const today = storeToday(store.timeZone);
  const dateParam = params.get('date');
  const date = isCalendarDate(dateParam) ? dateParam : today;
  const statusParam = params.get('status');
  const status: StatusFilter = isStatusFilter(statusParam) ? statusParam : 'all';
  const bookingId = Number(params.get('booking')) || null;
  const view = params.get('view') === 'week' ? 'week' : 'day';
  const [pending, setPending] = useState<PendingAction | null>(null);

  const day = useDayBookings(store.id, date);
  const all = day.data ?? [];
  const counts = countByStatus(all);
  const shown = filterByStatus(all, status);

  const openModal = (booking: TestDriveBooking, modal: ActionModal) => setPending({ booking, modal });

  const dayView = (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Space wrap>
          <Space.Compact>
            <Button
              aria-label="前一天"
              icon={<LeftOutlined />}
              onClick={() => update({ date: addDays(date, -1) })}
            />
            <DatePicker
              aria-label="日期"
              allowClear={false}
              value={dayjs(date)}
              format="YYYY-MM-DD dddd"
              onChange={(value) => value && update({ date: value.format('YYYY-MM-DD') })}
            />
            <Button
              aria-label="后一天"
              icon={<RightOutlined />}
              onClick={() => update({ date: addDays(date, 1) })}
            />
          </Space.Compact>
          <Button disabled={date === today} onClick={() => update({ date: null })}>
            今天
          </Button>
          <Button
            aria-label="刷新"
            icon={<ReloadOutlined />}
            loading={day.isFetching && !day.isPending}
            onClick={() => void day.refetch()}
          />
        </Space>
        <Radio.Group
          aria-label="状态"
          optionType="button"
          size="middle"
          value={status}
          onChange={(event) =>
            update({ status: event.target.value === 'all' ? null : (event.target.value as string) })
          }
          options={[
            { value: 'all', label: `全部 ${counts.all}` },
            ...BOOKING_STATUSES.map((s) => ({
              value: s,
              label: `${BOOKING_STATUS_LABEL_ZH[s]} ${counts[s]}`,
            })),
          ]}
        />
      </Flex>
      {day.isError && <QueryFailedLine error={day.error} onRetry={() => void day.refetch()} />}
      <DayBookings
        bookings={shown}
        storeId={store.id}
        timeZone={store.timeZone}
        loading={day.isPending}
        emptyText={
          status === 'all'
            ? `${dateLabel(date)}暂无试驾预约`
            : `${dateLabel(date)}暂无${BOOKING_STATUS_LABEL_ZH[status]}的预约`
        }
        onOpen={(booking) => update({ booking: String(booking.id) })}
        onOpenModal={openModal}
      />
    </Flex>
  );

  return (
    <>
      <Typography.Text type="secondary">
        {store.name} · {dateLabel(date)}
        {date === today ? '（今天）' : ''}
        {storeZoneNote(store.timeZone)}
      </Typography.Text>
      <Card>
        <Tabs
          activeKey={view}
          onChange={(key) => update({ view: key === 'week' ? 'week' : null })}
          items={[
            { key: 'day', label: '当日预约', children: dayView },
            {
              key: 'week',
              label: '未来7天',
              children: (
                <CapacityCalendar
                  store={store}
                  onPickDate={(d) => update({ view: null, date: d, status: null })}
                />
              ),
            },
          ]}
        />
      </Card>
      <BookingDrawer
        store={store}
        bookingId={bookingId}
        fromList={all.find((booking) => booking.id === bookingId)}
        onClose={() => update({ booking: null })}
        onOpenModal={openModal}
      />
      <ActionModalHost pending={pending} store={store} dayBookings={all} onClose={() => setPending(null)} />
    </>
  );
}
