import { STAFF_ROLE_LABEL_ZH } from '@dealer-care/domain';
import { Alert, Button, Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { menuFor } from '../../access';
import { useCurrentStaff } from '../../auth/queries';
import { problemOf } from '../../errors';
import { useStaffStores } from '../stores/queries';
import { fleetTotals } from '../stores/summary';

export default function HomePage() {
  const staff = useCurrentStaff();
  const stores = useStaffStores();
  if (!staff) return null;

  const totals = stores.data ? fleetTotals(stores.data) : null;
  const upcoming = menuFor(staff.role).filter((item) => !item.available);

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          工作台
        </Typography.Title>
        <Typography.Text type="secondary">
          {staff.displayName}（{STAFF_ROLE_LABEL_ZH[staff.role]}），您好！今天是{' '}
          {dayjs().format('YYYY年M月D日 dddd')}。
        </Typography.Text>
      </div>
      {stores.isError && (
        <Alert
          type="error"
          showIcon
          title={problemOf(stores.error).title}
          action={
            <Button size="small" onClick={() => void stores.refetch()}>
              重试
            </Button>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={8}>
          <Card loading={stores.isPending}>
            <Statistic title="门店" value={totals?.stores ?? 0} suffix="家" />
            <Link to="/stores">查看门店</Link>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Card loading={stores.isPending}>
            <Statistic title="在用试驾车" value={totals?.carsInService ?? 0} suffix="台" />
            <Typography.Text type="secondary">共 {totals?.cars ?? 0} 台试驾车</Typography.Text>
          </Card>
        </Col>
      </Row>
      {upcoming.length > 0 && (
        <Card size="small" title="即将上线">
          <Space wrap>
            {upcoming.map((item) => (
              <Tag key={item.key}>{item.label}</Tag>
            ))}
          </Space>
        </Card>
      )}
    </Flex>
  );
}
