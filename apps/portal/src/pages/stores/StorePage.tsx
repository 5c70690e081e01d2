import type { StaffUser, StoreOverview } from '@dealer-care/domain';
import { Card, Empty, Flex, Select, Typography } from 'antd';
import { Fragment, useSyncExternalStore, type ReactNode } from 'react';
import { useCurrentStaff } from '../../auth/queries';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import {
  getRememberedStore,
  pickStore,
  rememberStore,
  subscribeRememberedStore,
} from '../test-drives/store-choice';
import { useStaffStores } from './queries';

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** " · 时间均为门店当地时间（Asia/Urumqi）" when the store keeps another time than this browser. */
export function storeZoneNote(timeZone: string): string | null {
  return timeZone === browserTimeZone ? null : ` · 时间均为门店当地时间（${timeZone}）`;
}

interface Props {
  /** The section's heading, "交车管理". */
  title: string;
  /** The section's work on the store picked, mounted afresh for each store. */
  children: (store: StoreOverview, staff: StaffUser) => ReactNode;
}

/**
 * A section that works on one store at a time: its heading, a store picker for staff who see
 * several stores (the choice is remembered in this browser), and the store's content once the
 * stores have loaded.
 */
export function StorePage({ title, children }: Props) {
  const staff = useCurrentStaff();
  const stores = useStaffStores();
  const remembered = useSyncExternalStore(subscribeRememberedStore, getRememberedStore, () => null);
  if (!staff) return null;
  const store = pickStore(stores.data, staff, remembered);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
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
        <Fragment key={store.id}>{children(store, staff)}</Fragment>
      )}
    </Flex>
  );
}
