import { CheckCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import type { SalesOrder, StoreOverview } from '@dealer-care/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import { Badge, Button, Card, Collapse, Flex, Skeleton, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { QueryFailedLine } from '../../components/query-state';
import { callsDue, confirmedToday } from './calls';
import { carLabel, optionLabel } from './format';
import { RecordCallModal } from './OrderModals';

interface Props {
  store: StoreOverview;
  /** The store's orders from today for the next few days. */
  query: UseQueryResult<SalesOrder[]>;
  onOpen: (id: number) => void;
}

/** "今日待电话确认": the T-3 and T-1 calls still owed today, each one tap from its result. */
export function CallsDuePanel({ store, query, onOpen }: Props) {
  const { token } = theme.useToken();
  const [calling, setCalling] = useState<SalesOrder | null>(null);
  const orders = query.data ?? [];
  const due = callsDue(orders);
  const done = confirmedToday(orders);

  return (
    <Card
      data-testid="calls-due"
      title={
        <Flex align="center" gap={8}>
          <PhoneOutlined />
          <span>今日待电话确认</span>
          <Badge
            count={due.length}
            showZero
            color={due.length > 0 ? token.colorWarning : token.colorSuccess}
          />
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">交车前3天、前1天各确认一次时间、到店人数和交车流程</Typography.Text>
      }
      style={due.length > 0 ? { borderColor: token.colorWarningBorder } : undefined}
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : query.isError ? (
        <QueryFailedLine error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          {due.length === 0 ? (
            <Typography.Text type="secondary">今天没有需要电话确认的交车。</Typography.Text>
          ) : (
            due.map(({ order, stage, stageLabel, lastCallNotReached }) => (
              <Flex
                key={order.id}
                data-testid={`call-due-${order.id}`}
                align="center"
                justify="space-between"
                wrap
                gap={12}
                style={{
                  padding: '10px 12px',
                  borderRadius: token.borderRadius,
                  background: token.colorWarningBg,
                }}
              >
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex align="center" gap={8} wrap>
                    <Tag color={stage === 'T-1' ? 'volcano' : 'orange'} style={{ marginInlineEnd: 0 }}>
                      {stageLabel}
                    </Tag>
                    <Typography.Link strong onClick={() => onOpen(order.id)}>
                      {order.customerName}
                    </Typography.Link>
                    <Typography.Text>{order.mobileMasked}</Typography.Text>
                    {lastCallNotReached && (
                      <Tag color="red" style={{ marginInlineEnd: 0 }}>
                        上次未接通
                      </Tag>
                    )}
                  </Flex>
                  <Typography.Text type="secondary">
                    {order.scheduled ? `${optionLabel(order.scheduled)} 交车` : ''} · {carLabel(order)}
                    {order.partySize ? ` · 到店${order.partySize}人` : ''}
                  </Typography.Text>
                </Flex>
                {order.allowedActions.includes('record_call') && (
                  <Button type="primary" icon={<PhoneOutlined />} onClick={() => setCalling(order)}>
                    登记电话结果
                  </Button>
                )}
              </Flex>
            ))
          )}
          {done.length > 0 && (
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'done',
                  label: `今日已确认 ${done.length}`,
                  children: (
                    <Flex vertical gap={6}>
                      {done.map(({ order, stageLabel, how }) => (
                        <Flex
                          key={order.id}
                          gap={8}
                          align="center"
                          wrap
                          data-testid={`call-done-${order.id}`}
                        >
                          <CheckCircleOutlined style={{ color: token.colorSuccess }} />
                          <Typography.Link onClick={() => onOpen(order.id)}>
                            {order.customerName}
                          </Typography.Link>
                          <Typography.Text type="secondary">
                            {stageLabel} · {how}
                          </Typography.Text>
                        </Flex>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          )}
        </Flex>
      )}
      {calling && <RecordCallModal order={calling} store={store} onClose={() => setCalling(null)} />}
    </Card>
  );
}
