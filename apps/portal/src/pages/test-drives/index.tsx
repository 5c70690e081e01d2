import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import {
  BOOKING_STATUS_LABEL_ZH,
  BOOKING_STATUSES,
  type StoreOverview,
  type TestDriveBooking,
} from '@dealer-care/domain';
import { Alert, Button, Card, DatePicker, Empty, Flex, Radio, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentStaff } from '../../auth/queries';
import { problemText } from '../../errors';
import { useStaffStores } from '../stores/queries';
import type { ActionModal } from './actions';
import { ActionModalHost, type PendingAction } from './ActionModals';
import { BookingDrawer } from './BookingDrawer';
import { CapacityCalendar } from './CapacityCalendar';
import { countByStatus, filterByStatus, isStatusFilter, type StatusFilter } from './day-view';
import { DayBookings } from './DayBookings';
import { useDayBookings } from './queries';
import { getRememberedStore, pickStore, rememberStore, subscribeRememberedStore } from './store-choice';
import { addDays, dateLabel, isCalendarDate, storeToday } from './time';

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default function TestDrivesPage() {
  const staff = useCurrentStaff();
  const stores = useStaffStores();
  const remembered = useSyncExternalStore(subscribeRememberedStore, getRememberedStore, () => null);
  if (!staff) return null;
  const store = pickStore(stores.data, staff, remembered);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          今日试驾
        </Typography.Title>
        {stores.data && stores.data.length > 1 && store && (
          <Select
            aria-label="门店"
            style={{ minWidth: 240 }}
            value={store.id}
            onChange={rememberStore}
            options={stores.data.map((s) => ({ value: s.id, label: s.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        )}
      </Flex>
      {stores.isPending ? (
        <QueryLoading />
      ) : stores.isError ? (
        <QueryFailed error={stores.error} onRetry={() => void stores.refetch()} />
      ) : !store ? (
        <Card>
          <Empty description="暂无可查看的门店" />
        </Card>
      ) : (
        <StoreTestDrives key={store.id} store={store} />
      )}
    </Flex>
  );
}

function StoreTestDrives({ store }: { store: StoreOverview }) {
  const [params, setParams] = useSearchParams();
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

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
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
      {day.isError && (
        <Alert
          type="error"
          showIcon
          title={problemText(day.error)}
          action={
            <Button size="small" onClick={() => void day.refetch()}>
              重试
            </Button>
          }
        />
      )}
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
        {store.timeZone !== browserTimeZone && ` · 时间均为门店当地时间（${store.timeZone}）`}
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
