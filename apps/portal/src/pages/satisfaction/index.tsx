import type { StaffUser, StoreOverview } from '@dealer-care/domain';
import { Badge, Flex, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { satisfactionTabsFor, type SatisfactionTab } from '../../access';
import { useCurrentStaff } from '../../auth/queries';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import { usePageParams } from '../../search-params';
import { useStaffStores } from '../stores/queries';
import { storeToday } from '../test-drives/time';
import { Audits } from './Audits';
import { Cases } from './Cases';
import type { SatisfactionContext } from './context';
import { Dashboard } from './Dashboard';
import { filtersFromParams, filtersToParams, satisfactionTimeZone, tabFromParam } from './filters';
import { useOpenCaseCount } from './queries';
import { Messages } from './Messages';
import { Responses } from './Responses';
import { Templates } from './Templates';

const TAB_LABEL: Record<SatisfactionTab, string> = {
  dashboard: '概览',
  responses: '答卷',
  cases: '低分回访',
  templates: '问卷模板',
  audits: '过程检核',
  messages: '消息投递',
};

/** Parameters that belong to one tab and are dropped when another opens. */
const TAB_PARAMS = [
  'page',
  'low',
  'consultant',
  'response',
  'case',
  'cases',
  'overdue',
  'version',
  'invitations',
  'msg',
] as const;

export default function SatisfactionPage() {
  const staff = useCurrentStaff();
  const stores = useStaffStores();
  if (!staff) return null;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        满意度
      </Typography.Title>
      {stores.isPending ? (
        <QueryLoading />
      ) : stores.isError ? (
        <QueryFailed error={stores.error} onRetry={() => void stores.refetch()} />
      ) : (
        <Sections staff={staff} stores={stores.data} />
      )}
    </Flex>
  );
}

function Sections({ staff, stores }: { staff: StaffUser; stores: StoreOverview[] }) {
  const [params, update] = usePageParams();
  const zoneStore = params.get('store') ? Number(params.get('store')) : staff.storeId;
  const timeZone = satisfactionTimeZone(zoneStore, stores);
  const today = storeToday(timeZone);
  const filters = filtersFromParams(params, today, staff.role);
  const tab = tabFromParam(params.get('tab'), staff.role);
  const openCases = useOpenCaseCount(true);

  const openTab = (next: SatisfactionTab, changes: Record<string, string | null> = {}) => {
    const cleared = Object.fromEntries(TAB_PARAMS.map((key) => [key, null]));
    update({ ...cleared, tab: next === 'dashboard' ? null : next, ...changes });
  };
  const context: SatisfactionContext = {
    staff,
    stores,
    filters,
    today,
    timeZone,
    setFilters: (next) => update({ ...filtersToParams(next, today), page: null }),
    params,
    update,
    openTab,
  };

  const content: Record<SatisfactionTab, () => ReactNode> = {
    dashboard: () => <Dashboard context={context} />,
    responses: () => <Responses context={context} />,
    cases: () => <Cases context={context} />,
    templates: () => <Templates context={context} />,
    audits: () => <Audits context={context} />,
    messages: () => <Messages context={context} />,
  };

  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => openTab(key as SatisfactionTab)}
      destroyOnHidden
      items={satisfactionTabsFor(staff.role).map((key) => ({
        key,
        label:
          key === 'cases' && openCases > 0 ? (
            <Badge count={openCases} size="small" offset={[8, -2]} data-testid="cases-tab-badge">
              {TAB_LABEL[key]}
            </Badge>
          ) : (
            TAB_LABEL[key]
          ),
        children: key === tab ? content[key]() : null,
      }))}
    />
  );
}
