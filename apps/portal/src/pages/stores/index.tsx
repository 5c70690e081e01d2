import { Card, Empty, Flex, Typography } from 'antd';
import { canEditTestDrivePolicy } from '../../access';
import { useCurrentStaff } from '../../auth/queries';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import { useStaffStores } from './queries';
import { StoreCard } from './StoreCard';

export default function StoresPage() {
  const stores = useStaffStores();
  const staff = useCurrentStaff();
  const canEditPolicy = staff !== null && canEditTestDrivePolicy(staff.role);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        门店
      </Typography.Title>
      {stores.isPending ? (
        <QueryLoading />
      ) : stores.isError ? (
        <QueryFailed error={stores.error} onRetry={() => void stores.refetch()} />
      ) : stores.data.length === 0 ? (
        <Card>
          <Empty description="暂无可查看的门店" />
        </Card>
      ) : (
        stores.data.map((store) => <StoreCard key={store.id} store={store} canEditPolicy={canEditPolicy} />)
      )}
    </Flex>
  );
}
