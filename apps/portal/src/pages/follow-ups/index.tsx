import type { StaffUser, StoreOverview } from '@dealer-care/domain';
import { Flex, Tabs, Typography } from 'antd';
import { useCurrentStaff } from '../../auth/queries';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import { usePageParams } from '../../search-params';
import { useStaffStores } from '../stores/queries';
import { zoneLookup, type FollowUpContext } from './context';
import { followUpViewsFor, viewFromParam, type FollowUpView } from './inbox';
import { Inbox } from './Inbox';
import { Rates } from './Rates';

const VIEW_LABEL: Record<FollowUpView, string> = { inbox: '任务列表', rates: '完成率' };

/** Parameters of one view, dropped when the other opens. */
const VIEW_PARAMS = ['bucket', 'assignee', 'escalated', 'kind', 'page', 'task', 'from', 'to'] as const;

/** 回访任务: the calls promised to customers, by due time, and (for managers) how well they are kept. */
export default function FollowUpsPage() {
  const staff = useCurrentStaff();
  const stores = useStaffStores();
  if (!staff) return null;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        回访任务
      </Typography.Title>
      {stores.isPending ? (
        <QueryLoading />
      ) : stores.isError ? (
        <QueryFailed error={stores.error} onRetry={() => void stores.refetch()} />
      ) : (
        <Views staff={staff} stores={stores.data} />
      )}
    </Flex>
  );
}

function Views({ staff, stores }: { staff: StaffUser; stores: StoreOverview[] }) {
  const [params, update] = usePageParams();
  const view = viewFromParam(params.get('view'), staff.role);
  const context: FollowUpContext = {
    staff,
    stores,
    params,
    update,
    zoneOf: zoneLookup(stores, staff.storeId),
  };
  const views = followUpViewsFor(staff.role);
  if (views.length === 1) return <Inbox context={context} />;
  return (
    <Tabs
      activeKey={view}
      destroyOnHidden
      onChange={(key) => {
        const cleared = Object.fromEntries(VIEW_PARAMS.map((k) => [k, null]));
        update({ ...cleared, view: key === 'inbox' ? null : key });
      }}
      items={views.map((key) => ({
        key,
        label: VIEW_LABEL[key],
        children:
          key !== view ? null : key === 'inbox' ? <Inbox context={context} /> : <Rates context={context} />,
      }))}
    />
  );
}
