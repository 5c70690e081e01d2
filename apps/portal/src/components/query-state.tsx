import { Alert, Button, Card, Skeleton } from 'antd';
import { problemOf, problemText } from '../errors';

/** What a page shows while its first query loads. */
export function QueryLoading() {
  return (
    <Card>
      <Skeleton active paragraph={{ rows: 6 }} />
    </Card>
  );
}

/** A failed query: the API's Chinese title and detail, and a retry. */
export function QueryFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const problem = problemOf(error);
  return (
    <Alert
      type="error"
      showIcon
      title={problem.title}
      description={problem.detail}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}

/** A failed query inside a card or panel: the server's sentence on one line, and a retry. */
export function QueryFailedLine({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={problemText(error)}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
