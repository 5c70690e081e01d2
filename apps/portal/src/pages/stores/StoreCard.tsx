import { formatOpeningHours, type StoreOverview, type TestDriveCar } from '@dealer-care/domain';
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Table,
  Tag,
  Typography,
  type DescriptionsProps,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { sortCars, sortClosedDates } from './summary';
import { TestDrivePolicyDrawer } from './TestDrivePolicyDrawer';

const columns: TableColumnsType<TestDriveCar> = [
  { title: '车牌', dataIndex: 'plate', key: 'plate' },
  { title: '车型', dataIndex: 'modelName', key: 'modelName' },
  {
    title: '状态',
    dataIndex: 'inService',
    key: 'inService',
    render: (inService: boolean) => (inService ? <Tag color="success">在用</Tag> : <Tag>停用</Tag>),
  },
];

function details(store: StoreOverview): DescriptionsProps['items'] {
  const closedDates = sortClosedDates(store.closedDates);
  return [
    { key: 'city', label: '城市', children: store.city },
    { key: 'phone', label: '电话', children: store.phone },
    { key: 'address', label: '地址', children: store.address, span: 'filled' },
    { key: 'timeZone', label: '时区', children: store.timeZone },
    {
      key: 'openingHours',
      label: '营业时间',
      children: (
        <Flex vertical>
          {formatOpeningHours(store.openingHours).map((line) => (
            <span key={line}>{line}</span>
          ))}
        </Flex>
      ),
    },
    {
      key: 'closedDates',
      label: '休息日',
      span: 'filled',
      children:
        closedDates.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {closedDates.map((date) => (
              <Tag key={date}>{date}</Tag>
            ))}
          </Flex>
        ),
    },
  ];
}

interface StoreCardProps {
  store: StoreOverview;
  /** Whether the viewer may change the store's test-drive rules (else they only read them). */
  canEditPolicy: boolean;
}

export function StoreCard({ store, canEditPolicy }: StoreCardProps) {
  const [policyOpen, setPolicyOpen] = useState(false);
  return (
    <Card
      title={store.name}
      extra={
        <Flex align="center" gap={12}>
          <Typography.Text type="secondary">编号 {store.code}</Typography.Text>
          <Button size="small" onClick={() => setPolicyOpen(true)}>
            试驾规则
          </Button>
        </Flex>
      }
      data-testid={`store-${store.id}`}
    >
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        size="small"
        items={details(store)}
        style={{ marginBottom: 16 }}
      />
      <Table<TestDriveCar>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={sortCars(store.cars)}
        pagination={false}
        locale={{ emptyText: '暂无试驾车' }}
        title={() => (
          <Typography.Text strong>
            试驾车：在用 {store.carsInService} 台 / 共 {store.cars.length} 台
          </Typography.Text>
        )}
      />
      <TestDrivePolicyDrawer
        store={store}
        open={policyOpen}
        editable={canEditPolicy}
        onClose={() => setPolicyOpen(false)}
      />
    </Card>
  );
}
