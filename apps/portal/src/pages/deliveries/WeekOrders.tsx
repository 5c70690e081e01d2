import { LeftOutlined, ReloadOutlined, RightOutlined, WarningOutlined } from '@ant-design/icons';
import type { SalesOrder } from '@dealer-care/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Flex, Skeleton, Space, Tag, Typography, theme } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { QueryFailedLine } from '../../components/query-state';
import { addDays, dateLabel } from '../test-drives/time';
import { customerConfirmedSelf } from './calls';
import { carLabel, optionLabel, promisedLabel } from './format';
import { DeliveryStatusTag } from './StatusTag';
import {
  WEEK_DAYS,
  checklistProgress,
  daysToPromisedEnd,
  groupOrders,
  schedulingState,
  weekRangeLabel,
  weekStartOf,
  type SchedulingState,
} from './week';

interface Props {
  /** Monday of the week shown. */
  from: string;
  today: string;
  query: UseQueryResult<SalesOrder[]>;
  onWeek: (from: string) => void;
  onOpen: (id: number) => void;
}

/** The week: orders still waiting for a date, then each day's deliveries by time. */
export function WeekOrders({ from, today, query, onWeek, onOpen }: Props) {
  const thisWeek = weekStartOf(today);
  const groups = groupOrders(query.data ?? [], from, WEEK_DAYS);

  return (
    <Card
      title={
        <Flex align="center" gap={12} wrap>
          <Space.Compact>
            <Button aria-label="上一周" icon={<LeftOutlined />} onClick={() => onWeek(addDays(from, -7))}>
              上一周
            </Button>
            <Button disabled={from === thisWeek} onClick={() => onWeek(thisWeek)}>
              本周
            </Button>
            <Button aria-label="下一周" onClick={() => onWeek(addDays(from, 7))}>
              下一周
              <RightOutlined />
            </Button>
          </Space.Compact>
          <Typography.Text data-testid="week-range">
            {weekRangeLabel(from)}
            {from === thisWeek ? '（本周）' : ''}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Button
          aria-label="刷新"
          icon={<ReloadOutlined />}
          loading={query.isFetching && !query.isPending}
          onClick={() => void query.refetch()}
        />
      }
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.isError ? (
        <QueryFailedLine error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          <Section title="待定交车时间" count={groups.scheduling.length} testId="scheduling-group">
            {groups.scheduling.length === 0 ? (
              <Typography.Text type="secondary">没有待定交车时间的订单。</Typography.Text>
            ) : (
              groups.scheduling.map((order) => (
                <OrderRow key={order.id} order={order} today={today} onOpen={onOpen} />
              ))
            )}
          </Section>
          {groups.days.map(({ date, orders }) => (
            <Section
              key={date}
              title={`${dateLabel(date)}${date === today ? '（今天）' : ''}`}
              count={orders.length}
              testId={`day-${date}`}
              muted={date < today}
            >
              {orders.length === 0 ? (
                <Typography.Text type="secondary">无交车安排</Typography.Text>
              ) : (
                orders.map((order) => <OrderRow key={order.id} order={order} today={today} onOpen={onOpen} />)
              )}
            </Section>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function Section(props: {
  title: string;
  count: number;
  testId: string;
  muted?: boolean;
  children: ReactNode;
}) {
  return (
    <section data-testid={props.testId}>
      <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
        <Typography.Text strong type={props.muted ? 'secondary' : undefined}>
          {props.title}
        </Typography.Text>
        <Typography.Text type="secondary"> · {props.count}</Typography.Text>
      </Divider>
      <Flex vertical gap={8}>
        {props.children}
      </Flex>
    </section>
  );
}

const muted = (text: ReactNode) => (
  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
    {text}
  </Typography.Text>
);

/** One order: when, who, which car, where it stands; the whole row opens the detail. */
function OrderRow({
  order,
  today,
  onOpen,
}: {
  order: SalesOrder;
  today: string;
  onOpen: (id: number) => void;
}) {
  const { token } = theme.useToken();
  const pdi = checklistProgress(order.checklists.pdi);
  const over = order.status === 'delivered' || order.status === 'cancelled';
  const open = () => onOpen(order.id);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  };

  return (
    <div
      data-testid={`order-${order.id}`}
      role="button"
      tabIndex={0}
      aria-label={`查看订单 ${order.orderNo} ${order.customerName}`}
      onClick={open}
      onKeyDown={onKeyDown}
      style={{
        cursor: 'pointer',
        padding: '10px 12px',
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        opacity: order.status === 'cancelled' ? 0.6 : 1,
      }}
    >
      <Flex gap={16} wrap align="flex-start">
        <div style={{ width: 64, flex: 'none' }}>
          {order.status === 'scheduling' ? (
            <Typography.Text type="warning" strong>
              待定
            </Typography.Text>
          ) : (
            <Typography.Text strong style={{ fontSize: 18 }}>
              {order.scheduled?.localTime ?? '—'}
            </Typography.Text>
          )}
        </div>
        <Flex vertical gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{order.customerName}</Typography.Text>
            <Typography.Text type="secondary">{order.mobileMasked}</Typography.Text>
            {!order.customerLinked && !over && (
              <Tag style={{ marginInlineEnd: 0 }} title="客户尚未在小程序中关联此订单，需电话沟通交车时间">
                未关联小程序
              </Tag>
            )}
          </Flex>
          <Typography.Text>{carLabel(order)}</Typography.Text>
          {muted(
            <>
              VIN：
              {order.vin ? (
                <span style={{ fontFamily: 'monospace' }}>{order.vin}</span>
              ) : over ? (
                '—'
              ) : (
                <Typography.Text type="warning" style={{ fontSize: 13 }}>
                  未分配
                </Typography.Text>
              )}
              {order.consultant ? ` · 顾问 ${order.consultant.name}` : ''}
            </>,
          )}
          {order.status === 'scheduling' && <SchedulingLine order={order} today={today} />}
        </Flex>
        <Flex vertical gap={4} align="flex-end" style={{ flex: 'none', marginInlineStart: 'auto' }}>
          <DeliveryStatusTag status={order.status} />
          <Flex gap={6} wrap justify="flex-end">
            {order.partySize ? <Tag style={{ marginInlineEnd: 0 }}>到店 {order.partySize} 人</Tag> : null}
            {!over && (
              <Tag
                color={pdi.complete ? 'green' : 'default'}
                style={{ marginInlineEnd: 0 }}
                data-testid="pdi-progress"
              >
                PDI {pdi.done}/{pdi.total}
              </Tag>
            )}
            {!over && customerConfirmedSelf(order) && (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                客户已在小程序确认
              </Tag>
            )}
          </Flex>
        </Flex>
      </Flex>
      {order.delay && order.status !== 'delivered' && order.status !== 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginTop: 8, padding: '4px 12px' }}
          title={`交车延期：${order.delay.reason}`}
        />
      )}
    </div>
  );
}

function SchedulingLine({ order, today }: { order: SalesOrder; today: string }) {
  const late = daysToPromisedEnd(order, today) < 0;
  const { type, text } = schedulingNote(schedulingState(order));
  return (
    <Flex vertical gap={2}>
      <Typography.Text type={type} style={{ fontSize: 13 }}>
        {text}
      </Typography.Text>
      <Typography.Text type={late ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
        承诺交车期 {promisedLabel(order)}
        {late ? '（已超出）' : ''}
      </Typography.Text>
    </Flex>
  );
}

/** What an order without a date waits for, the louder the more it needs the consultant. */
function schedulingNote(state: SchedulingState): { type?: 'warning' | 'danger'; text: string } {
  switch (state.kind) {
    case 'awaiting_customer':
      return {
        text: `已提供 ${state.options.length} 个时间，待客户选择：${state.options.map(optionLabel).join('、')}`,
      };
    case 'customer_requested':
      return {
        type: 'warning',
        text: `客户希望另选时间${state.note ? `：“${state.note}”` : ''}，请重新提供交车时间`,
      };
    case 'needs_offer':
      return { type: 'danger', text: '尚未提供交车时间' };
  }
}
