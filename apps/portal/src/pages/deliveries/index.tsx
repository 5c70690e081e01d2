import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { StaffUser, StoreOverview } from '@dealer-care/domain';
import { Button, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { usePageParams } from '../../search-params';
import { StorePage, storeZoneNote } from '../stores/StorePage';
import { storeToday } from '../test-drives/time';
import { CallsDuePanel } from './CallsDuePanel';
import { ChecklistSettingsDrawer } from './ChecklistSettingsDrawer';
import { CreateOrderDrawer } from './CreateOrderDrawer';
import { HandoverView } from './HandoverView';
import { OrderDrawer } from './OrderDrawer';
import { useStoreOrders } from './queries';
import { WEEK_DAYS, weekFromParam } from './week';
import { WeekOrders } from './WeekOrders';

export default function DeliveriesPage() {
  return (
    <StorePage title="交车管理">
      {(store, staff) => <StoreDeliveries store={store} staff={staff} />}
    </StorePage>
  );
}

/** Days the calls panel looks ahead: a T-3 call is for a delivery up to three days away. */
const CALL_HORIZON_DAYS = 4;

function StoreDeliveries({ store, staff }: { store: StoreOverview; staff: StaffUser }) {
  const [params, update] = usePageParams();
  const today = storeToday(store.timeZone);
  const from = weekFromParam(params.get('week'), today);
  const orderId = Number(params.get('order')) || null;
  const handover = params.get('handover') === '1';
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);

  const week = useStoreOrders(store.id, from, WEEK_DAYS);
  const soon = useStoreOrders(store.id, today, CALL_HORIZON_DAYS);
  const listed = [...(week.data ?? []), ...(soon.data ?? [])].find((order) => order.id === orderId);

  const openOrder = (id: number) => update({ order: String(id), handover: null });

  return (
    <>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Text type="secondary">
          {store.name}
          {storeZoneNote(store.timeZone)}
        </Typography.Text>
        <Space wrap>
          <Button icon={<SettingOutlined />} onClick={() => setSettings(true)}>
            清单设置
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="new-order"
            onClick={() => setCreating(true)}
          >
            新建订单
          </Button>
        </Space>
      </Flex>
      <CallsDuePanel store={store} query={soon} onOpen={openOrder} />
      <WeekOrders
        from={from}
        today={today}
        query={week}
        onWeek={(date) => update({ week: date })}
        onOpen={openOrder}
      />
      <OrderDrawer
        store={store}
        orderId={orderId}
        fromList={listed}
        onClose={() => update({ order: null, handover: null })}
        onStartHandover={() => update({ handover: '1' })}
      />
      {orderId !== null && handover && (
        <HandoverView
          store={store}
          orderId={orderId}
          fromList={listed}
          onExit={() => update({ handover: null })}
        />
      )}
      <CreateOrderDrawer
        open={creating}
        store={store}
        staff={staff}
        onClose={() => setCreating(false)}
        onCreated={(order) => {
          setCreating(false);
          update({ order: String(order.id), handover: null });
        }}
      />
      <ChecklistSettingsDrawer
        open={settings}
        store={store}
        staff={staff}
        onClose={() => setSettings(false)}
      />
    </>
  );
}
