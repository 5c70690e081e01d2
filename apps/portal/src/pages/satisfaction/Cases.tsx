import { CASE_STATUS_LABEL_ZH, SURVEY_KIND_LABEL_ZH, type LowScoreCase } from '@dealer-care/domain';
import {
  Button,
  Card,
  Col,
  Flex,
  Row,
  Segmented,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { QueryFailedLine } from '../../components/query-state';
import { localDateTime } from '../test-drives/time';
import { CaseDrawer } from './CaseDrawer';
import {
  CASE_FILTERS,
  CASE_FILTER_LABEL_ZH,
  CASE_STATUS_COLOR,
  caseOverdue,
  closedOnTimeShare,
  dueText,
  filterCases,
  isCaseFilter,
  sortCases,
  type CaseFilter,
} from './cases';
import type { SatisfactionContext } from './context';
import { FilterBar } from './FilterBar';
import { idParam } from './filters';
import { indexText, percentText } from './format';
import { useLowScoreCases } from './queries';
import { useNow } from './use-now';

/** 低分回访: every low score becomes a case with an owner and a due time; managers work from here. */
export function Cases({ context }: { context: SatisfactionContext }) {
  const { filters, params, update, stores } = context;
  const now = useNow();
  const filterParam = params.get('cases');
  const filter: CaseFilter = isCaseFilter(filterParam) ? filterParam : 'active';
  const overdueOnly = params.get('overdue') === '1';
  const openId = idParam(params.get('case'));
  // All cases of the scope, filtered here: the counts and the on-time share need them all.
  const query = useLowScoreCases(filters.storeId === null ? {} : { storeId: filters.storeId });
  const all = query.data ?? [];
  const shown = sortCases(filterCases(all, filter).filter((c) => !overdueOnly || caseOverdue(c, now)));
  const zoneOf = (storeId: number) => stores.find((s) => s.id === storeId)?.timeZone ?? context.timeZone;
  const manyStores = stores.length > 1 && filters.storeId === null;
  const counts = {
    open: all.filter((c) => c.status === 'open').length,
    contacted: all.filter((c) => c.status === 'contacted').length,
    overdue: all.filter((c) => c.status !== 'resolved' && caseOverdue(c, now)).length,
    onTime: closedOnTimeShare(all),
    resolved: all.filter((c) => c.status === 'resolved').length,
  };

  const columns: TableColumnsType<LowScoreCase> = [
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, row) => (
        <Tag color={CASE_STATUS_COLOR[row.status]} data-testid={`case-status-${row.id}`}>
          {CASE_STATUS_LABEL_ZH[row.status]}
        </Tag>
      ),
    },
    {
      title: '客户',
      key: 'customer',
      width: 200,
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text>
            {row.customerName} <Typography.Text type="secondary">{row.mobileMasked}</Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {SURVEY_KIND_LABEL_ZH[row.kind]} · {row.subject}
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
      title: '低分原因',
      key: 'reasons',
      render: (_, row) => (
        <Flex vertical gap={2}>
          {row.reasons.map((reason) => (
            <Typography.Text key={reason} type="danger" style={{ fontSize: 13 }}>
              {reason}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            指数 {indexText(row.index)} · 推荐 {row.nps === null ? '—' : `${row.nps} 分`}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '客户留言',
      key: 'comments',
      width: 220,
      render: (_, row) =>
        row.comments.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Paragraph
            ellipsis={{ rows: 2, tooltip: row.comments.join('\n') }}
            style={{ margin: 0 }}
          >
            {row.comments.map((c) => `“${c}”`).join(' ')}
          </Typography.Paragraph>
        ),
    },
    {
      title: '负责人',
      key: 'owner',
      width: 100,
      render: (_, row) => row.owner?.name ?? <Typography.Text type="warning">未指派</Typography.Text>,
    },
    {
      title: '截止时间',
      key: 'due',
      width: 170,
      render: (_, row) => {
        const due = dueText(row, now);
        return (
          <Flex vertical data-testid={`case-due-${row.id}`}>
            <Typography.Text type={due.overdue ? 'danger' : undefined}>
              {localDateTime(row.dueAt, zoneOf(row.storeId))}
            </Typography.Text>
            <Typography.Text
              type={due.overdue ? 'danger' : 'secondary'}
              strong={due.overdue}
              style={{ fontSize: 12 }}
            >
              {due.text}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, row) => (
        <Button
          size="small"
          type={row.status === 'resolved' ? 'default' : 'primary'}
          data-testid={`case-open-${row.id}`}
          onClick={(event) => {
            event.stopPropagation();
            update({ case: String(row.id) });
          }}
        >
          {row.status === 'resolved' ? '查看' : '处理'}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <FilterBar
        context={context}
        storeOnly
        extra={
          <Space wrap size={12}>
            <Segmented<CaseFilter>
              aria-label="回访状态"
              data-testid="cases-filter"
              value={filter}
              onChange={(value) => update({ cases: value === 'active' ? null : value })}
              options={CASE_FILTERS.map((value) => ({ value, label: CASE_FILTER_LABEL_ZH[value] }))}
            />
            <Space size={6}>
              <Switch
                aria-label="只看超时"
                data-testid="cases-overdue-only"
                checked={overdueOnly}
                onChange={(checked) => update({ overdue: checked ? '1' : null })}
              />
              <Typography.Text>只看超时</Typography.Text>
            </Space>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <CountCard
          label="待联系"
          value={String(counts.open)}
          testId="cases-count-open"
          danger={counts.open > 0}
        />
        <CountCard label="已联系未解决" value={String(counts.contacted)} testId="cases-count-contacted" />
        <CountCard
          label="已超时"
          value={String(counts.overdue)}
          testId="cases-count-overdue"
          danger={counts.overdue > 0}
        />
        <CountCard
          label="按时关闭率"
          value={percentText(counts.onTime)}
          testId="cases-on-time"
          foot={`已解决 ${counts.resolved} 条，在截止时间前解决的占比`}
        />
      </Row>
      {query.isError && <QueryFailedLine error={query.error} onRetry={() => void query.refetch()} />}
      <Table<LowScoreCase>
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={query.isPending}
        scroll={{ x: 1080 }}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{
          emptyText: filter === 'active' && !overdueOnly ? '暂无待处理的低分回访' : '没有符合条件的回访',
        }}
        onRow={(row) =>
          ({
            'data-testid': `case-row-${row.id}`,
            'data-overdue': caseOverdue(row, now) ? 'true' : 'false',
            onClick: () => update({ case: String(row.id) }),
            style: {
              cursor: 'pointer',
              ...(row.status !== 'resolved' && caseOverdue(row, now) ? { background: '#fff1f0' } : {}),
            },
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <CaseDrawer
        context={context}
        id={openId}
        fromList={all.find((c) => c.id === openId)}
        now={now}
        timeZoneOf={zoneOf}
        onClose={() => update({ case: null })}
      />
    </Flex>
  );
}

function CountCard(props: { label: string; value: string; testId: string; danger?: boolean; foot?: string }) {
  return (
    <Col xs={12} md={6}>
      <Card size="small">
        <Flex vertical>
          <Typography.Text type="secondary">{props.label}</Typography.Text>
          <Typography.Text
            strong
            type={props.danger ? 'danger' : undefined}
            style={{ fontSize: 24 }}
            data-testid={props.testId}
          >
            {props.value}
          </Typography.Text>
          {props.foot && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {props.foot}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    </Col>
  );
}
