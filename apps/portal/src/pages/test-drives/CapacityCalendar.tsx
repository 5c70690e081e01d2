import type { StoreOverview } from '@dealer-care/domain';
import { Button, Empty, Flex, Skeleton, Table, Tag, Typography, theme, type TableColumnsType } from 'antd';
import { QueryFailedLine } from '../../components/query-state';
import { capacityMatrix, cellLevel, cellText, type CapacityRow } from './capacity';
import { useStoreCapacity } from './queries';
import { storeToday } from './time';

interface Props {
  store: StoreOverview;
  /** Opens a day in the day view. */
  onPickDate: (date: string) => void;
}

/** The coming 7 days: per model, free places of all bookable ones (余/共); closed days greyed. */
export function CapacityCalendar({ store, onPickDate }: Props) {
  const capacity = useStoreCapacity(store.id, true);
  const { token } = theme.useToken();

  if (capacity.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (capacity.isError)
    return <QueryFailedLine error={capacity.error} onRetry={() => void capacity.refetch()} />;

  const matrix = capacityMatrix(capacity.data, storeToday(store.timeZone));
  if (matrix.rows.length === 0) return <Empty description="本店暂无可试驾的车型" />;

  const background = {
    closed: token.colorFillTertiary,
    none: token.colorFillQuaternary,
    full: token.colorErrorBg,
    low: token.colorWarningBg,
    free: token.colorSuccessBg,
  } as const;

  const columns: TableColumnsType<CapacityRow> = [
    { title: '车型', key: 'model', fixed: 'start', width: 140, render: (_, row) => row.modelName },
    ...matrix.columns.map((column) => ({
      key: column.date,
      align: 'center' as const,
      title: (
        <Button type="link" size="small" onClick={() => onPickDate(column.date)} style={{ padding: 0 }}>
          {column.header}
        </Button>
      ),
      onCell: (row: CapacityRow) => {
        const cell = row.cells[column.date] ?? { kind: 'none' as const };
        return { style: { background: background[cellLevel(cell)] } };
      },
      render: (_: unknown, row: CapacityRow) => {
        const cell = row.cells[column.date] ?? { kind: 'none' as const };
        return (
          <Flex vertical align="center" data-testid={`capacity-${row.modelId}-${column.date}`}>
            <Typography.Text
              type={cell.kind === 'open' ? undefined : 'secondary'}
              strong={cell.kind === 'open'}
            >
              {cellText(cell)}
            </Typography.Text>
            {cell.kind === 'open' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                已约 {cell.held}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    })),
  ];

  return (
    <Flex vertical gap={12}>
      <Table<CapacityRow>
        size="small"
        bordered
        rowKey="modelId"
        columns={columns}
        dataSource={matrix.rows}
        pagination={false}
        scroll={{ x: 140 + matrix.columns.length * 110 }}
      />
      <Flex wrap gap={8} align="center">
        <Typography.Text type="secondary">
          余/共：该车型当天还可预约的名额 / 可预约名额总数（每台车每个时段计 1
          个，今天只计仍可预约的时段）；点日期查看当天预约。
        </Typography.Text>
        <Tag color="success">宽裕</Tag>
        <Tag color="warning">紧张</Tag>
        <Tag color="error">已满</Tag>
        <Tag>休息 / 无时段</Tag>
      </Flex>
    </Flex>
  );
}
