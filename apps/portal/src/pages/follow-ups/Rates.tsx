import type { FollowUpStats } from '@dealer-care/domain';
import {
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { QueryFailedLine } from '../../components/query-state';
import { percentText } from '../satisfaction/format';
import type { FollowUpContext } from './context';
import { assigneeRows, isLowRate, kindRows, statsQueryFromParams, type RateTableRow } from './rates';
import { useFollowUpStats } from './queries';

function columns(nameTitle: string): TableColumnsType<RateTableRow> {
  return [
    { title: nameTitle, dataIndex: 'name', key: 'name' },
    { title: '到期任务', dataIndex: 'total', key: 'total', align: 'right', width: 90 },
    { title: '已完成', dataIndex: 'done', key: 'done', align: 'right', width: 80 },
    {
      title: '完成率',
      key: 'completionRate',
      align: 'right',
      width: 90,
      render: (_, row) => (
        <Typography.Text type={isLowRate(row.completionRate) ? 'danger' : undefined}>
          {percentText(row.completionRate)}
        </Typography.Text>
      ),
    },
    {
      title: '按时率',
      key: 'onTimeRate',
      align: 'right',
      width: 90,
      render: (_, row) => (
        <Typography.Text type={isLowRate(row.onTimeRate) ? 'warning' : undefined}>
          {percentText(row.onTimeRate)}
        </Typography.Text>
      ),
    },
    {
      title: '逾期未完成',
      key: 'overdueOpen',
      align: 'right',
      width: 100,
      render: (_, row) => (
        <Typography.Text type={row.overdueOpen > 0 ? 'danger' : undefined} strong={row.overdueOpen > 0}>
          {row.overdueOpen}
        </Typography.Text>
      ),
    },
    { title: '已取消', dataIndex: 'cancelled', key: 'cancelled', align: 'right', width: 80 },
  ];
}

/** 完成率: the store's follow-ups by consultant and by rule over a period of due dates. */
export function Rates({ context }: { context: FollowUpContext }) {
  const { staff, stores, params, update } = context;
  const query = statsQueryFromParams(params, staff.role);
  const stats = useFollowUpStats(query);
  const data: FollowUpStats | undefined = stats.data;
  return (
    <Flex vertical gap={16}>
      <Space wrap size={12}>
        {staff.role === 'admin' && stores.length > 1 && (
          <Select<number>
            aria-label="门店"
            allowClear
            placeholder="全部门店"
            style={{ minWidth: 180 }}
            value={query.storeId}
            onChange={(value) => update({ store: value === undefined ? null : String(value) })}
            options={stores.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <DatePicker.RangePicker
          aria-label="到期日期范围"
          data-testid="rates-range"
          value={data ? [dayjs(data.from), dayjs(data.to)] : null}
          onChange={(values) => {
            const [from, to] = values ?? [];
            update(
              from && to
                ? { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') }
                : { from: null, to: null },
            );
          }}
        />
        <Typography.Text type="secondary">按任务到期日统计，默认近 30 天</Typography.Text>
      </Space>
      {stats.isError && <QueryFailedLine error={stats.error} onRetry={() => void stats.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={stats.isPending}>
            <Statistic
              title="完成率"
              value={percentText(data?.overall.completionRate)}
              data-testid="rates-completion"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={stats.isPending}>
            <Statistic
              title="按时率"
              value={percentText(data?.overall.onTimeRate)}
              data-testid="rates-on-time"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={stats.isPending}>
            <Statistic
              title="逾期未完成"
              value={data?.overall.overdueOpen ?? 0}
              styles={{ content: { color: (data?.overall.overdueOpen ?? 0) > 0 ? '#cf1322' : undefined } }}
              data-testid="rates-overdue-open"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={stats.isPending}>
            <Statistic title="到期任务" value={data?.overall.total ?? 0} data-testid="rates-total" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="按负责人">
        <Table<RateTableRow>
          size="small"
          data-testid="rates-by-assignee"
          rowKey="key"
          columns={columns('负责人')}
          dataSource={data ? assigneeRows(data) : []}
          loading={stats.isFetching}
          pagination={false}
          locale={{ emptyText: '该时间段没有到期的回访任务' }}
        />
      </Card>
      <Card size="small" title="按回访规则">
        <Table<RateTableRow>
          size="small"
          data-testid="rates-by-kind"
          rowKey="key"
          columns={columns('回访规则')}
          dataSource={data ? kindRows(data) : []}
          loading={stats.isFetching}
          pagination={false}
          locale={{ emptyText: '该时间段没有到期的回访任务' }}
        />
      </Card>
    </Flex>
  );
}
