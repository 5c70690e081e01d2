import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { StaffUser, StoreOverview } from '@dealer-care/domain';
import { Button, Card, Empty, Flex, Select, Space, Typography } from 'antd';
import { useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentStaff } from '../../auth/queries';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import { useStaffStores } from '../stores/queries';
import {
  getRememberedStore,
  pickStore,
  rememberStore,
  subscribeRememberedStore,
} from '../test-drives/store-choice';
import { storeToday } from '../test-drives/time';
import { CallsDuePanel } from './CallsDuePanel';
import { ChecklistSettingsDrawer } from './ChecklistSettingsDrawer';
import { CreateOrderDrawer } from './CreateOrderDrawer';
import { HandoverView } from './HandoverView';
import { OrderDrawer } from './OrderDrawer';
import { useStoreOrders } from './queries';
import { WEEK_DAYS, weekFromParam } from './week';
import { WeekOrders } from './WeekOrders';

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default function DeliveriesPage() {
  const staff = useCurrentStaff();
  const stores = useStaffStores();
  const remembered = useSyncExternalStore(subscribeRememberedStore, getRememberedStore, () => null);
  if (!staff) return null;
  const store = pickStore(stores.data, staff, remembered);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          交车管理
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
        <StoreDeliveries key={store.id} store={store} staff={staff} />
      )}
    </Flex>
  );
}

/** Days the calls panel looks ahead: a T-3 call is for a delivery up to three days away. */
const CALL_HORIZON_DAYS = 4;

function StoreDeliveries({ store, staff }: { store: StoreOverview; staff: StaffUser }) {
  const [params, setParams] = useSearchParams();
  const today = storeToday(store.timeZone);
  const from = weekFromParam(params.get('week'), today);
  const orderId = Number(params.get('order')) || null;
  const handover = params.get('handover') === '1';
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);

  const week = useStoreOrders(store.id, from, WEEK_DAYS);
  const soon = useStoreOrders(store.id, today, CALL_HORIZON_DAYS);
  const listed = [...(week.data ?? []), ...(soon.data ?? [])].find((order) => order.id === orderId);

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
  const openOrder = (id: number) => update({ order: String(id), handover: null });

  return (
    <>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Text type="secondary">
          {store.name}
          {store.timeZone !== browserTimeZone && ` · 时间均为门店当地时间（${store.timeZone}）`}
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
