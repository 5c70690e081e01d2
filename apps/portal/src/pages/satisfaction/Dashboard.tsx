import { ArrowRightOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { SURVEY_KIND_LABEL_ZH, type SatisfactionSummary, type SurveyFunnel } from '@dealer-care/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { lazy, Suspense, type HTMLAttributes, type ReactNode } from 'react';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import {
  barChartHeight,
  factorBarOption,
  storeBarOption,
  weeklyTrendOption,
  type ChartOption,
} from './charts';
import type { SatisfactionContext } from './context';
import { FilterBar } from './FilterBar';
import { toSatisfactionQuery } from './filters';
import { hoursText, indexText, npsText, percentText, scoreText, shortDate } from './format';
import { funnelSteps, funnelOutcomes } from './funnel';
import { InvitationsDrawer } from './InvitationsDrawer';
import type { InvitationFilter } from './invitations';
import { useSatisfactionSummary } from './queries';

// echarts loads with the first chart, not with the page.
const Chart = lazy(() => import('./Chart'));

/** 概览: the index, NPS, the invitation funnel, trends, stores, consultants and factors. */
export function Dashboard({ context }: { context: SatisfactionContext }) {
  const summary = useSatisfactionSummary(toSatisfactionQuery(context.filters));
  return (
    <Flex vertical gap={16}>
      <FilterBar context={context} />
      {summary.isPending ? (
        <QueryLoading />
      ) : summary.isError && !summary.data ? (
        <QueryFailed error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <DashboardBody summary={summary.data!} context={context} refreshing={summary.isPlaceholderData} />
      )}
      <InvitationsDrawer context={context} />
    </Flex>
  );
}

function DashboardBody({
  summary,
  context,
  refreshing,
}: {
  summary: SatisfactionSummary;
  context: SatisfactionContext;
  refreshing: boolean;
}) {
  const { overall, funnel, cases } = summary;
  const unresolved = cases.open + cases.contacted;
  const empty = overall.responses === 0;
  return (
    <Flex vertical gap={16} style={{ opacity: refreshing ? 0.6 : 1 }} data-testid="satisfaction-dashboard">
      <Typography.Text type="secondary">
        {SURVEY_KIND_LABEL_ZH[summary.kind]} · {shortDate(summary.from)} – {shortDate(summary.to)}
      </Typography.Text>
      {unresolved > 0 && (
        <Alert
          type={cases.overdue > 0 ? 'error' : 'warning'}
          showIcon
          data-testid="satisfaction-case-alert"
          title={`${unresolved} 条低分回访待处理${cases.overdue > 0 ? `，其中 ${cases.overdue} 条已超时` : ''}`}
          description="客户给出低分后，请在规定时间内联系客户、了解原因并记录处理结果。"
          action={
            <Button size="small" type="primary" onClick={() => context.openTab('cases')}>
              去处理 <ArrowRightOutlined />
            </Button>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Kpi
          title="满意度指数"
          hint="千分制：各维度得分（0–100）按权重加权平均 × 10"
          value={indexText(overall.index)}
          testId="satisfaction-index"
          foot={`低分答卷 ${overall.lowScores} 份`}
        />
        <Kpi
          title="净推荐值 NPS"
          hint="推荐者（9–10 分）占比 − 贬损者（0–6 分）占比"
          value={npsText(overall.nps)}
          testId="satisfaction-nps"
          foot={
            <span>
              推荐 <span data-testid="satisfaction-promoters">{overall.promoters}</span> · 中立{' '}
              <span data-testid="satisfaction-passives">{overall.passives}</span> · 贬损{' '}
              <span data-testid="satisfaction-detractors">{overall.detractors}</span>
            </span>
          }
        />
        <Kpi
          title="有效答卷"
          hint="已提交的问卷；只答了一部分的不算"
          value={String(overall.responses)}
          testId="satisfaction-responses"
          foot={
            <span>
              回复率 <span data-testid="satisfaction-response-rate">{percentText(funnel.responseRate)}</span>
            </span>
          }
        />
        <Kpi
          title="答题用时（中位数）"
          hint="从问卷发出到客户提交"
          value={hoursText(funnel.medianHoursToAnswer)}
          testId="satisfaction-median-time"
          foot="发出到提交"
        />
        <Kpi
          title="低分回访"
          hint="待联系与已联系未解决的回访；超时指超过截止时间仍未解决"
          value={String(unresolved)}
          testId="satisfaction-cases-open"
          danger={cases.overdue > 0}
          foot={
            <span>
              超时 <span data-testid="satisfaction-cases-overdue">{cases.overdue}</span> · 按时关闭{' '}
              <span data-testid="satisfaction-cases-on-time">{percentText(cases.closedOnTimeRate)}</span>
            </span>
          }
        />
      </Row>
      <FunnelCard funnel={funnel} onOpen={(filter) => context.update({ invitations: filter, page: null })} />
      {empty ? (
        <Card>
          <Empty description="所选期间暂无已提交的问卷" />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <ChartCard
                title="指数与 NPS 周趋势"
                extra="按门店当地时间的自然周（周一起）"
                option={weeklyTrendOption(summary.byWeek)}
                height={300}
                testId="chart-weekly"
              />
            </Col>
            <Col xs={24} xl={10}>
              <ChartCard
                title="各维度得分（由弱到强）"
                extra={
                  <Tooltip title="PDCA 的“检查”：先改进得分最低、权重最高的维度。维度得分 0–100，括号内为其在指数中的权重。">
                    <Typography.Text type="secondary">
                      PDCA 检查 <InfoCircleOutlined />
                    </Typography.Text>
                  </Tooltip>
                }
                option={factorBarOption(summary.byFactor)}
                height={barChartHeight(summary.byFactor.length)}
                testId="chart-factors"
                emptyText={summary.byFactor.length === 0 ? '该问卷没有评分维度' : undefined}
              />
            </Col>
          </Row>
          {summary.byStore.length > 1 && (
            <ChartCard
              title="门店对比"
              extra="指数（左轴）与 NPS（右轴）"
              option={storeBarOption(summary.byStore)}
              height={320}
              testId="chart-stores"
            />
          )}
          <ConsultantTable rows={summary.byConsultant} />
        </>
      )}
    </Flex>
  );
}

function Kpi(props: {
  title: string;
  hint: string;
  value: string;
  testId: string;
  foot: ReactNode;
  danger?: boolean;
}) {
  return (
    <Col xs={12} md={8} xl={{ flex: '20%' }}>
      <Card size="small" style={{ height: '100%' }}>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">
            {props.title}{' '}
            <Tooltip title={props.hint}>
              <InfoCircleOutlined />
            </Tooltip>
          </Typography.Text>
          <Typography.Text
            strong
            data-testid={props.testId}
            type={props.danger ? 'danger' : undefined}
            style={{ fontSize: 28, lineHeight: 1.2 }}
          >
            {props.value}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {props.foot}
          </Typography.Text>
        </Flex>
      </Card>
    </Col>
  );
}

/**
 * Invited → opened → started → completed, each on its own; the ones never answered apart. Those
 * numbers open the invitations behind them, with why each was held back or never sent.
 */
function FunnelCard({
  funnel,
  onOpen,
}: {
  funnel: SurveyFunnel;
  onOpen: (filter: InvitationFilter) => void;
}) {
  return (
    <Card
      size="small"
      title="邀请漏斗"
      extra={
        <Space size={12}>
          <Typography.Text type="secondary">回复率 = 已完成 ÷ 已发送</Typography.Text>
          <Typography.Link data-testid="funnel-open-all" onClick={() => onOpen('all')}>
            查看邀请明细
          </Typography.Link>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="stretch">
          {funnelSteps(funnel).map((step, index) => (
            <Flex key={step.key} align="center" gap={8}>
              {index > 0 && <ArrowRightOutlined style={{ color: '#bfbfbf' }} />}
              <Flex vertical style={{ minWidth: 110 }}>
                <Typography.Text type="secondary">{step.label}</Typography.Text>
                <Typography.Text strong style={{ fontSize: 22 }} data-testid={`funnel-${step.key}`}>
                  {step.count}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {step.share}
                </Typography.Text>
              </Flex>
            </Flex>
          ))}
          <Flex vertical gap={2} style={{ marginInlineStart: 'auto', minWidth: 180 }}>
            {funnelOutcomes(funnel).map((outcome) => (
              <Flex key={outcome.key} justify="space-between" gap={12}>
                <Tooltip title={outcome.hint}>
                  <Typography.Text type="secondary">{outcome.label}</Typography.Text>
                </Tooltip>
                {outcome.count > 0 ? (
                  <Tooltip title={`查看${outcome.label}的邀请及原因`}>
                    <Typography.Link
                      data-testid={`funnel-${outcome.key}`}
                      aria-label={`${outcome.label} ${outcome.count}，查看明细`}
                      onClick={() => onOpen(outcome.key)}
                    >
                      {outcome.count}
                    </Typography.Link>
                  </Tooltip>
                ) : (
                  <Typography.Text data-testid={`funnel-${outcome.key}`}>{outcome.count}</Typography.Text>
                )}
              </Flex>
            ))}
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          已发送：问卷已送达客户；已打开：客户看过问卷；答题中：已开始作答但尚未提交，不算作答卷；已完成：已提交，计入答卷和得分。点击已过期、暂缓发送、未发送的数字可查看明细和原因。
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function ChartCard(props: {
  title: string;
  extra?: ReactNode;
  option: ChartOption;
  height: number;
  testId: string;
  emptyText?: string;
}) {
  return (
    <Card size="small" title={props.title} extra={props.extra} style={{ height: '100%' }}>
      {props.emptyText ? (
        <Empty description={props.emptyText} />
      ) : (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height }} />}>
          <Chart option={props.option} height={props.height} label={props.title} testId={props.testId} />
        </Suspense>
      )}
    </Card>
  );
}

type ConsultantRow = SatisfactionSummary['byConsultant'][number];

/** Each consultant's customer scores beside their latest process-audit score. */
function ConsultantTable({ rows }: { rows: ConsultantRow[] }) {
  const nullsLast = (a: number | null, b: number | null) => (a ?? -Infinity) - (b ?? -Infinity);
  const columns: TableColumnsType<ConsultantRow> = [
    { title: '销售顾问', dataIndex: 'consultantName', key: 'name' },
    {
      title: '满意度指数',
      key: 'index',
      align: 'right',
      sorter: (a, b) => nullsLast(a.index, b.index),
      defaultSortOrder: 'descend',
      render: (_, row) => indexText(row.index),
    },
    {
      title: 'NPS',
      key: 'nps',
      align: 'right',
      sorter: (a, b) => nullsLast(a.nps, b.nps),
      render: (_, row) => npsText(row.nps),
    },
    {
      title: '答卷',
      dataIndex: 'responses',
      key: 'responses',
      align: 'right',
      sorter: (a, b) => a.responses - b.responses,
    },
    {
      title: '低分',
      dataIndex: 'lowScores',
      key: 'lowScores',
      align: 'right',
      sorter: (a, b) => a.lowScores - b.lowScores,
      render: (value: number) =>
        value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value,
    },
    {
      title: (
        <Tooltip title="最近一次过程检核（门店经理或神秘顾客）的得分，满分 100；与客户评价对照看：流程做到了，客户是否满意。">
          过程检核 <InfoCircleOutlined />
        </Tooltip>
      ),
      key: 'audit',
      align: 'right',
      sorter: (a, b) => nullsLast(a.auditScore, b.auditScore),
      render: (_, row) =>
        row.auditScore === null ? (
          <Typography.Text type="secondary">未检核</Typography.Text>
        ) : (
          scoreText(row.auditScore)
        ),
    },
  ];
  return (
    <Card
      size="small"
      title="销售顾问"
      extra={<Typography.Text type="secondary">客户评价与过程检核对照</Typography.Text>}
    >
      <Table<ConsultantRow>
        size="small"
        rowKey="consultantId"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: '暂无销售顾问的答卷' }}
        onRow={(row) =>
          ({ 'data-testid': `consultant-row-${row.consultantId}` }) as HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  );
}
