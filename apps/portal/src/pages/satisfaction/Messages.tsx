import type { NotificationListItem } from '@dealer-care/domain';
import { Button, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { useFeedback } from '../../components/feedback';
import { QueryFailedLine } from '../../components/query-state';
import { localDateTime } from '../test-drives/time';
import type { SatisfactionContext } from './context';
import { FilterBar } from './FilterBar';
import {
  MESSAGES_PAGE_SIZE,
  MESSAGE_FILTERS,
  MESSAGE_FILTER_LABEL_ZH,
  MESSAGE_STATUS_COLOR,
  MESSAGE_STATUS_LABEL_ZH,
  canRetryMessage,
  messageFate,
  messageTitle,
  messagesQueryFromParams,
  retryMessage,
  type MessageFilter,
} from './messages';
import { useNotifications, useRefreshNotifications } from './queries';

/** 消息投递: customer messages WeChat did not deliver, why, the phone task that replaced them, and 重试. */
export function Messages({ context }: { context: SatisfactionContext }) {
  const { params, update, filters, stores, staff } = context;
  const { message } = useFeedback();
  const { filter, query } = messagesQueryFromParams(params, filters.storeId);
  const list = useNotifications(query);
  const refresh = useRefreshNotifications();
  const [retrying, setRetrying] = useState<ReadonlySet<number>>(new Set());
  const zoneOf = (storeId: number | null) =>
    stores.find((s) => s.id === storeId)?.timeZone ?? context.timeZone;

  const retry = (id: number) => {
    if (retrying.has(id)) return;
    setRetrying((current) => new Set(current).add(id));
    void retryMessage(api.notifications, id).then((result) => {
      setRetrying((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
      if (result.kind === 'done') message.success(result.text);
      else if (result.kind === 'stale') message.warning(result.text);
      else message.error(result.text);
      if (result.kind !== 'failed') refresh();
    });
  };

  const columns: TableColumnsType<NotificationListItem> = [
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, row) => (
        <Tag color={MESSAGE_STATUS_COLOR[row.status]} data-testid={`message-status-${row.id}`}>
          {MESSAGE_STATUS_LABEL_ZH[row.status]}
        </Tag>
      ),
    },
    {
      title: '消息',
      key: 'message',
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text>{messageTitle(row)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.customerName} {row.mobileMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '原因',
      key: 'fate',
      width: 260,
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text
            type={row.status === 'failed' ? 'danger' : row.status === 'refused' ? 'warning' : undefined}
            data-testid={`message-error-${row.id}`}
          >
            {messageFate(row)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            尝试 {row.attempts} 次
            {row.nextAttemptAt && row.status === 'queued'
              ? ` · 下次 ${localDateTime(row.nextAttemptAt, zoneOf(row.storeId))}`
              : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '时间',
      key: 'at',
      width: 150,
      render: (_, row) => (
        <Flex vertical>
          <span>{localDateTime(row.createdAt, zoneOf(row.storeId))}</span>
          {row.sentAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              送达 {localDateTime(row.sentAt, zoneOf(row.storeId))}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '电话补救',
      key: 'fallback',
      width: 120,
      render: (_, row) =>
        row.fallbackTaskId === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Link
            to={`/follow-ups?bucket=overdue&task=${row.fallbackTaskId}`}
            data-testid={`message-task-${row.id}`}
          >
            查看电话任务
          </Link>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, row) =>
        canRetryMessage(row, staff.role) ? (
          <Button
            size="small"
            data-testid={`message-retry-${row.id}`}
            loading={retrying.has(row.id)}
            disabled={retrying.has(row.id)}
            onClick={() => retry(row.id)}
          >
            重试
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <FilterBar
        context={context}
        storeOnly
        extra={
          <Segmented<MessageFilter>
            aria-label="投递状态"
            data-testid="messages-filter"
            value={filter}
            onChange={(value) => update({ msg: value === 'failed' ? null : value, page: null })}
            options={MESSAGE_FILTERS.map((value) => ({ value, label: MESSAGE_FILTER_LABEL_ZH[value] }))}
          />
        }
      />
      <Typography.Text type="secondary">
        客户未订阅、拒收或多次发送失败的消息：试驾与交车消息会自动生成“消息未送达，电话告知”任务；发送失败的可在此重试。
      </Typography.Text>
      {list.isError && <QueryFailedLine error={list.error} onRetry={() => void list.refetch()} />}
      <Table<NotificationListItem>
        size="middle"
        rowKey="id"
        data-testid="messages-table"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
        scroll={{ x: 960 }}
        locale={{ emptyText: filter === 'failed' ? '没有发送失败的消息' : '没有符合条件的消息' }}
        pagination={
          (list.data?.total ?? 0) > MESSAGES_PAGE_SIZE
            ? {
                current: query.page,
                pageSize: MESSAGES_PAGE_SIZE,
                total: list.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => `共 ${total} 条`,
                onChange: (page) => update({ page: page === 1 ? null : String(page) }),
              }
            : false
        }
        onRow={(row) => ({ 'data-testid': `message-row-${row.id}` }) as HTMLAttributes<HTMLElement>}
      />
    </Flex>
  );
}
