import {
  FOLLOW_UP_TASK_KINDS,
  FOLLOW_UP_TASK_KIND_LABEL_ZH,
  INBOX_BUCKET_LABEL_ZH,
  type FollowUpTaskKind,
  type FollowUpTaskView,
  type InboxBucket,
} from '@dealer-care/domain';
import {
  Badge,
  Button,
  Flex,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { canManageFollowUps } from '../../access';
import { QueryFailedLine } from '../../components/query-state';
import { assigneeOptions } from '../../staff-options';
import { useStaffUsers } from '../deliveries/queries';
import { idParam } from '../satisfaction/filters';
import { useNow } from '../satisfaction/use-now';
import type { FollowUpContext } from './context';
import {
  INBOX_PAGE_SIZE,
  INBOX_TABS,
  dueWords,
  inboxFiltersFromParams,
  inboxQuery,
  isEscalated,
} from './inbox';
import { useFollowUpInbox } from './queries';
import { TaskDrawer } from './TaskDrawer';

const EMPTY_TEXT: Record<InboxBucket, string> = {
  overdue: '没有逾期的回访，继续保持',
  today: '今天没有到期的回访',
  upcoming: '暂无即将到期的回访',
  closed: '还没有完成的回访',
};

/** The inbox: one tab per due bucket with its count, a table of tasks, and the task drawer. */
export function Inbox({ context }: { context: FollowUpContext }) {
  const { staff, stores, params, update, zoneOf } = context;
  const now = useNow();
  const filters = inboxFiltersFromParams(params, staff.role);
  const manages = canManageFollowUps(staff.role);
  const query = useFollowUpInbox(inboxQuery(filters));
  const users = useStaffUsers(staff.role);
  const openId = idParam(params.get('task'));
  const counts = query.data?.counts;
  const items = query.data?.items ?? [];
  const manyStores = stores.length > 1;
  const pickStore = staff.role === 'admin' && manyStores;
  const assigneeStore = filters.storeId ?? staff.storeId;

  const columns: TableColumnsType<FollowUpTaskView> = [
    {
      title: '客户',
      key: 'customer',
      width: 170,
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text strong>{row.customer.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.customer.mobileMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '任务',
      key: 'kind',
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Space size={4} wrap>
            <Tag color="blue" data-testid={`follow-up-kind-${row.id}`}>
              {FOLLOW_UP_TASK_KIND_LABEL_ZH[row.kind]}
            </Tag>
            {isEscalated(row) && (
              <Tag color="red" data-testid={`follow-up-escalated-${row.id}`}>
                已升级
              </Tag>
            )}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.source.summary}
          </Typography.Text>
          {manyStores && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.storeName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '到期时间',
      key: 'due',
      width: 200,
      render: (_, row) => {
        const due = dueWords(row, now, zoneOf(row.storeId));
        return (
          <Flex vertical data-testid={`follow-up-due-${row.id}`}>
            <Typography.Text
              type={due.tone === 'secondary' ? undefined : due.tone}
              strong={due.tone === 'danger'}
            >
              {due.text}
            </Typography.Text>
            {due.hint && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {due.hint}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      title: '尝试次数',
      key: 'attempts',
      width: 90,
      align: 'center',
      render: (_, row) =>
        row.attempts === 0 ? <Typography.Text type="secondary">—</Typography.Text> : row.attempts,
    },
    ...(manages
      ? [
          {
            title: '负责人',
            key: 'assignee',
            width: 110,
            render: (_: unknown, row: FollowUpTaskView) =>
              row.assignee?.name ?? <Typography.Text type="warning">待认领</Typography.Text>,
          },
        ]
      : []),
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, row) => (
        <Button
          size="small"
          type={row.status === 'pending' ? 'primary' : 'default'}
          data-testid={`follow-up-open-${row.id}`}
          onClick={(event) => {
            event.stopPropagation();
            update({ task: String(row.id) });
          }}
        >
          {row.status === 'pending' ? '处理' : '查看'}
        </Button>
      ),
    },
  ];

  const filterBar = (
    <Space wrap size={12}>
      {pickStore && (
        <Select<number>
          aria-label="门店"
          data-testid="inbox-store"
          allowClear
          placeholder="全部门店"
          style={{ minWidth: 180 }}
          value={filters.storeId ?? undefined}
          onChange={(value) =>
            update({ store: value === undefined ? null : String(value), assignee: null, page: null })
          }
          options={stores.map((s) => ({ value: s.id, label: s.name }))}
        />
      )}
      {manages && (
        <Select<number>
          aria-label="负责人"
          data-testid="inbox-assignee"
          allowClear
          placeholder="全部负责人"
          style={{ minWidth: 160 }}
          loading={users.isPending}
          value={filters.assigneeId ?? undefined}
          onChange={(value) => update({ assignee: value === undefined ? null : String(value), page: null })}
          options={assigneeOptions(users.data ?? [], assigneeStore)}
          showSearch={{ optionFilterProp: 'label' }}
        />
      )}
      <Select<FollowUpTaskKind>
        aria-label="任务类型"
        data-testid="inbox-kind"
        allowClear
        placeholder="全部任务类型"
        style={{ minWidth: 180 }}
        value={filters.kind ?? undefined}
        onChange={(value) => update({ kind: value ?? null, page: null })}
        options={FOLLOW_UP_TASK_KINDS.map((kind) => ({
          value: kind,
          label: FOLLOW_UP_TASK_KIND_LABEL_ZH[kind],
        }))}
      />
      {manages && (
        <Space size={6}>
          <Switch
            aria-label="仅看升级"
            data-testid="inbox-escalated-only"
            checked={filters.escalatedOnly}
            onChange={(checked) => update({ escalated: checked ? '1' : null, page: null })}
          />
          <Typography.Text>
            仅看升级{counts && counts.escalated > 0 ? `（${counts.escalated}）` : ''}
          </Typography.Text>
        </Space>
      )}
    </Space>
  );

  return (
    <Flex vertical gap={12}>
      <Tabs
        activeKey={filters.bucket}
        onChange={(key) => update({ bucket: key === 'today' ? null : key, page: null })}
        tabBarExtraContent={filterBar}
        items={INBOX_TABS.map((bucket) => ({
          key: bucket,
          label: (
            <span data-testid={`inbox-tab-${bucket}`}>
              {INBOX_BUCKET_LABEL_ZH[bucket]}
              {bucket !== 'closed' && counts && (
                <Badge
                  count={counts[bucket]}
                  showZero
                  size="small"
                  color={
                    bucket === 'overdue' && counts.overdue > 0
                      ? 'red'
                      : bucket === 'today'
                        ? 'orange'
                        : 'blue'
                  }
                  style={{ marginInlineStart: 6 }}
                  data-testid={`inbox-count-${bucket}`}
                />
              )}
            </span>
          ),
        }))}
      />
      {query.isError && <QueryFailedLine error={query.error} onRetry={() => void query.refetch()} />}
      <Table<FollowUpTaskView>
        size="middle"
        rowKey="id"
        data-testid="follow-up-table"
        columns={columns}
        dataSource={items}
        loading={query.isPending || (query.isFetching && query.isPlaceholderData)}
        scroll={{ x: 900 }}
        locale={{ emptyText: query.isError ? '加载失败' : EMPTY_TEXT[filters.bucket] }}
        pagination={
          (query.data?.total ?? 0) > INBOX_PAGE_SIZE
            ? {
                current: filters.page,
                pageSize: INBOX_PAGE_SIZE,
                total: query.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => `共 ${total} 条`,
                onChange: (page) => update({ page: page === 1 ? null : String(page) }),
              }
            : false
        }
        onRow={(row) =>
          ({
            'data-testid': `follow-up-row-${row.id}`,
            'data-kind': row.kind,
            'data-escalated': isEscalated(row) ? 'true' : 'false',
            'aria-label': `${row.customer.name} ${FOLLOW_UP_TASK_KIND_LABEL_ZH[row.kind]}`,
            onClick: () => update({ task: String(row.id) }),
            style: {
              cursor: 'pointer',
              ...(row.status === 'pending' && row.overdue ? { background: '#fff1f0' } : {}),
            },
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <TaskDrawer
        context={context}
        id={openId}
        fromList={items.find((t) => t.id === openId)}
        now={now}
        onClose={() => update({ task: null })}
      />
    </Flex>
  );
}
