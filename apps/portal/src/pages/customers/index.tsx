import { PlusOutlined } from '@ant-design/icons';
import {
  CUSTOMER_STYLE_LABEL_ZH,
  INTENT_LEVELS,
  INTENT_LEVEL_LABEL_ZH,
  PROSPECT_STATUSES,
  PROSPECT_STATUS_LABEL_ZH,
  type IntentLevel,
  type ProspectStatus,
  type ProspectSummary,
} from '@dealer-care/domain';
import { Button, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentStaff } from '../../auth/queries';
import { QueryFailedLine } from '../../components/query-state';
import { usePageParams } from '../../search-params';
import { useStaffUsers } from '../deliveries/queries';
import { useStaffStores } from '../stores/queries';
import { localDateTime } from '../test-drives/time';
import { zoneLookup } from '../follow-ups/context';
import { INTENT_COLOR, PROSPECT_STATUS_COLOR, intentShort } from './format';
import { PROSPECTS_PAGE_SIZE, consultantChoices, prospectsQueryFromParams } from './prospects';
import { useProspects } from './queries';
import { RegisterModal } from './RegisterModal';

/** 客户: the store's prospects, searchable, with 来店/来电登记; a row opens the customer card. */
export default function CustomersPage() {
  const staff = useCurrentStaff();
  const stores = useStaffStores();
  const navigate = useNavigate();
  const [params, update] = usePageParams();
  const [registering, setRegistering] = useState(false);
  const role = staff?.role ?? 'consultant';
  const query = prospectsQueryFromParams(params, role);
  const list = useProspects(query);
  const users = useStaffUsers(role);
  const [search, setSearch] = useState(params.get('q') ?? '');
  if (!staff) return null;
  const storeList = stores.data ?? [];
  const zoneOf = zoneLookup(storeList, staff.storeId);
  const manyStores = storeList.length > 1;

  const columns: TableColumnsType<ProspectSummary> = [
    {
      title: '客户',
      key: 'name',
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text strong>{row.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.mobileMasked}
            {manyStores ? ` · ${row.storeName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, row) => (
        <Tag color={PROSPECT_STATUS_COLOR[row.status]}>{PROSPECT_STATUS_LABEL_ZH[row.status]}</Tag>
      ),
    },
    {
      title: '意向',
      key: 'intent',
      width: 90,
      render: (_, row) =>
        row.intentLevel === null ? (
          <Typography.Text type="secondary">未评级</Typography.Text>
        ) : (
          <Tag color={INTENT_COLOR[row.intentLevel]} title={INTENT_LEVEL_LABEL_ZH[row.intentLevel]}>
            {intentShort(row.intentLevel)}
          </Tag>
        ),
    },
    {
      title: '风格',
      key: 'style',
      width: 90,
      render: (_, row) =>
        row.style ? (
          CUSTOMER_STYLE_LABEL_ZH[row.style]
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '销售顾问',
      key: 'consultant',
      width: 110,
      render: (_, row) => row.consultant?.name ?? <Typography.Text type="warning">未分配</Typography.Text>,
    },
    {
      title: '下次回访',
      key: 'next',
      width: 140,
      render: (_, row) =>
        row.nextTaskDueAt ? (
          localDateTime(row.nextTaskDueAt, zoneOf(row.storeId))
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '最近联系',
      key: 'last',
      width: 140,
      render: (_, row) =>
        row.lastContactAt ? (
          localDateTime(row.lastContactAt, zoneOf(row.storeId))
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          客户
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="register-contact"
          onClick={() => setRegistering(true)}
        >
          来店/来电登记
        </Button>
      </Flex>
      <Space wrap size={12}>
        <Input.Search
          aria-label="搜索客户"
          data-testid="prospects-search"
          placeholder="姓名或手机号"
          allowClear
          style={{ width: 220 }}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => update({ q: value.trim() || null, page: null })}
        />
        <Select<ProspectStatus>
          aria-label="客户状态"
          data-testid="prospects-status"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 120 }}
          value={query.status}
          onChange={(value) => update({ status: value ?? null, page: null })}
          options={PROSPECT_STATUSES.map((s) => ({ value: s, label: PROSPECT_STATUS_LABEL_ZH[s] }))}
        />
        <Select<IntentLevel>
          aria-label="意向级别"
          data-testid="prospects-intent"
          allowClear
          placeholder="全部意向"
          style={{ minWidth: 170 }}
          value={query.intentLevel}
          onChange={(value) => update({ intent: value ?? null, page: null })}
          options={INTENT_LEVELS.map((l) => ({ value: l, label: INTENT_LEVEL_LABEL_ZH[l] }))}
        />
        {staff.role !== 'consultant' && (
          <Select<number>
            aria-label="销售顾问"
            data-testid="prospects-consultant"
            allowClear
            placeholder="全部销售顾问"
            style={{ minWidth: 150 }}
            loading={users.isPending}
            value={query.consultantId}
            onChange={(value) =>
              update({ consultant: value === undefined ? null : String(value), page: null })
            }
            options={consultantChoices(users.data ?? [], query.storeId ?? staff.storeId)}
            showSearch={{ optionFilterProp: 'label' }}
          />
        )}
        {staff.role === 'admin' && manyStores && (
          <Select<number>
            aria-label="门店"
            allowClear
            placeholder="全部门店"
            style={{ minWidth: 180 }}
            value={query.storeId}
            onChange={(value) =>
              update({ store: value === undefined ? null : String(value), consultant: null, page: null })
            }
            options={storeList.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Space>
      {list.isError && <QueryFailedLine error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ProspectSummary>
        size="middle"
        rowKey="id"
        data-testid="prospects-table"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
        scroll={{ x: 860 }}
        locale={{
          emptyText:
            query.q || query.status || query.intentLevel
              ? '没有符合条件的客户'
              : '还没有客户，点击“来店/来电登记”添加',
        }}
        pagination={
          (list.data?.total ?? 0) > PROSPECTS_PAGE_SIZE
            ? {
                current: query.page,
                pageSize: PROSPECTS_PAGE_SIZE,
                total: list.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => `共 ${total} 位客户`,
                onChange: (page) => update({ page: page === 1 ? null : String(page) }),
              }
            : false
        }
        onRow={(row) =>
          ({
            'data-testid': `prospect-row-${row.id}`,
            'aria-label': `${row.name} ${row.mobileMasked}`,
            onClick: () => void navigate(`/customers/${row.id}`),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <RegisterModal
        open={registering}
        staff={staff}
        stores={storeList}
        onClose={() => setRegistering(false)}
        onRegistered={(card) => {
          setRegistering(false);
          void navigate(`/customers/${card.prospect.id}`);
        }}
      />
    </Flex>
  );
}
