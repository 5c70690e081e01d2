import { DownloadOutlined } from '@ant-design/icons';
import type { SurveyResponseListItem } from '@dealer-care/domain';
import { Button, Flex, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useFeedback } from '../../components/feedback';
import { QueryFailedLine } from '../../components/query-state';
import { problemText } from '../../errors';
import { localDateTime } from '../test-drives/time';
import type { SatisfactionContext } from './context';
import { FilterBar } from './FilterBar';
import { idParam, responseFiltersFromParams, toResponsesQuery, toSatisfactionQuery } from './filters';
import { csvFileName, downloadText, indexText, withBom } from './format';
import { useExportCsv, useSatisfactionSummary, useSurveyResponses } from './queries';
import { ResponseDrawer } from './ResponseDrawer';

/** 答卷: every answered survey of the filters, one page at a time; a row opens all its answers. */
export function Responses({ context }: { context: SatisfactionContext }) {
  const { filters, params, update, stores } = context;
  const { message } = useFeedback();
  const list = responseFiltersFromParams(params);
  const responses = useSurveyResponses(toResponsesQuery(filters, list));
  // The consultants who have answers in the period, for the filter (any role may read it).
  const summary = useSatisfactionSummary(toSatisfactionQuery(filters));
  const exportCsv = useExportCsv();
  const openId = idParam(params.get('response'));
  const zoneOf = (storeId: number) => stores.find((s) => s.id === storeId)?.timeZone ?? context.timeZone;
  const manyStores = stores.length > 1 && filters.storeId === null;

  const download = () =>
    exportCsv.mutate(toSatisfactionQuery(filters), {
      onSuccess: (text) => {
        const storeName =
          filters.storeId === null ? null : (stores.find((s) => s.id === filters.storeId)?.name ?? null);
        const scopeName = storeName ?? (stores.length === 1 ? stores[0]!.name : null);
        downloadText(withBom(text), csvFileName(filters.kind, filters.from, filters.to, scopeName));
        message.success('已导出答卷');
      },
      onError: (error) => message.error(problemText(error)),
    });

  const columns: TableColumnsType<SurveyResponseListItem> = [
    {
      title: '提交时间',
      key: 'completedAt',
      width: 130,
      render: (_, row) => localDateTime(row.completedAt, zoneOf(row.storeId)),
    },
    ...(manyStores ? [{ title: '门店', dataIndex: 'storeName', key: 'store' }] : []),
    {
      title: '客户',
      key: 'customer',
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text>{row.customerName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.subject}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '销售顾问',
      key: 'consultant',
      render: (_, row) => row.consultantName ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: '指数', key: 'index', align: 'right', width: 80, render: (_, row) => indexText(row.index) },
    {
      title: 'NPS',
      key: 'nps',
      align: 'right',
      width: 70,
      render: (_, row) => (row.nps === null ? '—' : row.nps),
    },
    {
      title: '整体满意度',
      key: 'overall',
      align: 'right',
      width: 100,
      render: (_, row) => (row.overall === null ? '—' : `${row.overall} 星`),
    },
    {
      title: '',
      key: 'low',
      width: 70,
      render: (_, row) => (row.lowScore ? <Tag color="red">低分</Tag> : null),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <FilterBar
        context={context}
        extra={
          <Space wrap size={12}>
            <Space size={6}>
              <Switch
                aria-label="只看低分"
                data-testid="responses-low-only"
                checked={list.lowOnly}
                onChange={(checked) => update({ low: checked ? '1' : null, page: null })}
              />
              <Typography.Text>只看低分</Typography.Text>
            </Space>
            <Select<number | 'all'>
              aria-label="销售顾问"
              data-testid="responses-consultant"
              style={{ minWidth: 160 }}
              value={list.consultantId ?? 'all'}
              onChange={(value) => update({ consultant: value === 'all' ? null : String(value), page: null })}
              options={[
                { value: 'all', label: '全部销售顾问' },
                ...(summary.data?.byConsultant ?? []).map((c) => ({
                  value: c.consultantId,
                  label: c.consultantName,
                })),
              ]}
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Button
              icon={<DownloadOutlined />}
              data-testid="satisfaction-export"
              loading={exportCsv.isPending}
              onClick={download}
            >
              导出 CSV
            </Button>
          </Space>
        }
      />
      {responses.isError && (
        <QueryFailedLine error={responses.error} onRetry={() => void responses.refetch()} />
      )}
      <Table<SurveyResponseListItem>
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={responses.data?.items ?? []}
        loading={responses.isFetching}
        scroll={{ x: 860 }}
        locale={{ emptyText: list.lowOnly ? '所选期间没有低分答卷' : '所选期间暂无答卷' }}
        pagination={{
          current: list.page,
          pageSize: responses.data?.pageSize ?? 20,
          total: responses.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 份`,
          onChange: (page) => update({ page: page === 1 ? null : String(page) }),
        }}
        onRow={(row) =>
          ({
            'data-testid': `response-row-${row.id}`,
            onClick: () => update({ response: String(row.id) }),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <ResponseDrawer
        id={openId}
        fromList={responses.data?.items.find((r) => r.id === openId)}
        timeZoneOf={zoneOf}
        onClose={() => update({ response: null })}
      />
    </Flex>
  );
}
