import {
  checklistEditable,
  type ChecklistItem,
  type SalesOrder,
  type TickableChecklistKind,
} from '@dealer-care/domain';
import { Checkbox, Flex, Progress, Typography, theme } from 'antd';
import { useFeedback } from '../../components/feedback';
import { problemText } from '../../errors';
import { localDateTime } from '../test-drives/time';
import { useOrderCommand } from './queries';
import { checklistProgress } from './week';

/** Whether the staff may tick this list of the order now (the server's allowance and the lifecycle). */
export function canTick(
  order: Pick<SalesOrder, 'allowedActions' | 'status'>,
  kind: TickableChecklistKind,
): boolean {
  return order.allowedActions.includes('tick_checklist') && checklistEditable(order.status, kind);
}

interface Props {
  order: SalesOrder;
  storeId: number;
  kind: TickableChecklistKind;
  /** The handover list on the tablet: big rows for fingers. */
  large?: boolean;
}

/** A tickable checklist of an order with its progress; each tick is saved at once. */
export function OrderChecklist({ order, storeId, kind, large }: Props) {
  const items = order.checklists[kind];
  const progress = checklistProgress(items);
  const editable = canTick(order, kind);
  return (
    <Flex vertical gap={large ? 12 : 6}>
      <Progress
        percent={progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100)}
        format={() => `${progress.done}/${progress.total}`}
        size={large ? undefined : 'small'}
        status={progress.complete ? 'success' : 'active'}
      />
      {items.map((item) => (
        <TickItem
          key={item.key}
          order={order}
          storeId={storeId}
          kind={kind}
          item={item}
          editable={editable}
          large={large}
        />
      ))}
    </Flex>
  );
}

function TickItem(props: {
  order: SalesOrder;
  storeId: number;
  kind: TickableChecklistKind;
  item: ChecklistItem;
  editable: boolean;
  large?: boolean;
}) {
  const { order, storeId, kind, item, editable, large } = props;
  const { token } = theme.useToken();
  const { message } = useFeedback();
  const command = useOrderCommand(storeId);
  const variables = command.variables?.command;
  // While saving, show what was asked for.
  const checked =
    command.isPending && variables?.action === 'tick_checklist' ? variables.body.done : item.done;

  const checkbox = (
    <Checkbox
      data-testid={`${kind}-item-${item.key}`}
      checked={checked}
      disabled={!editable || command.isPending}
      onChange={(event) =>
        command.mutate(
          {
            id: order.id,
            command: { action: 'tick_checklist', body: { kind, key: item.key, done: event.target.checked } },
          },
          { onError: (error) => message.error(problemText(error)) },
        )
      }
      style={large ? { fontSize: 20, width: '100%', padding: '12px 0' } : undefined}
      styles={large ? { icon: { transform: 'scale(1.5)', marginInline: 6 } } : undefined}
    >
      {item.label}
    </Checkbox>
  );

  const by =
    item.done && (item.doneByName || item.doneAt)
      ? `${item.doneByName ?? ''}${item.doneAt ? ` ${localDateTime(item.doneAt, order.storeTimeZone)}` : ''}`.trim()
      : null;

  if (!large) {
    return (
      <Flex justify="space-between" align="center" gap={8} wrap>
        {checkbox}
        {by && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {by}
          </Typography.Text>
        )}
      </Flex>
    );
  }
  return (
    <Flex
      align="center"
      justify="space-between"
      style={{
        minHeight: 64,
        padding: '8px 16px',
        borderRadius: token.borderRadiusLG,
        border: `1px solid ${checked ? token.colorSuccessBorder : token.colorBorder}`,
        background: checked ? token.colorSuccessBg : token.colorBgContainer,
      }}
    >
      {checkbox}
    </Flex>
  );
}
