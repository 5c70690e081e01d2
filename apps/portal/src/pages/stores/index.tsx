import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { problemOf } from '../../errors';
import { useStaffStores } from './queries';
import { StoreCard } from './StoreCard';

export default function StoresPage() {
  const stores = useStaffStores();

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        门店
      </Typography.Title>
      {stores.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : stores.isError ? (
        <Alert
          type="error"
          showIcon
          title={problemOf(stores.error).title}
          description={problemOf(stores.error).detail}
          action={
            <Button size="small" onClick={() => void stores.refetch()}>
              重试
            </Button>
          }
        />
      ) : stores.data.length === 0 ? (
        <Card>
          <Empty description="暂无可查看的门店" />
        </Card>
      ) : (
        stores.data.map((store) => <StoreCard key={store.id} store={store} />)
      )}
    </Flex>
  );
}
