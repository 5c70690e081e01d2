import type { TestDriveBooking } from '@dealer-care/domain';
import { Button, Flex, Popconfirm } from 'antd';
import { useFeedback } from '../../components/feedback';
import { problemText } from '../../errors';
import {
  ACTION_BUTTON,
  ACTION_DONE_ZH,
  ACTION_UI,
  actionLabel,
  staffActionsOf,
  type ActionModal,
  type StaffAction,
} from './actions';
import { useStaffCommand } from './queries';

interface Props {
  booking: TestDriveBooking;
  storeId: number;
  onOpenModal: (booking: TestDriveBooking, modal: ActionModal) => void;
  size?: 'small' | 'middle';
}

/** Exactly the buttons the server allows for this booking; forms open in modals. */
export function BookingActions({ booking, storeId, onOpenModal, size = 'small' }: Props) {
  const { message } = useFeedback();
  const command = useStaffCommand(storeId);
  const actions = staffActionsOf(booking);
  if (actions.length === 0) return null;

  const oneClick = async (action: Extract<StaffAction, 'complete' | 'mark_no_show'>) => {
    try {
      await command.mutateAsync({ id: booking.id, command: { action } });
      message.success(ACTION_DONE_ZH[action]);
    } catch (error) {
      message.error(problemText(error));
    }
  };

  return (
    // Clicks here (and in the popconfirms, which bubble through React) must not open the drawer.
    <Flex wrap gap={6} onClick={(event) => event.stopPropagation()}>
      {actions.map((action) => {
        const ui = ACTION_UI[action];
        const look = ACTION_BUTTON[action];
        const button = (
          <Button
            key={action}
            size={size}
            type={look.primary ? 'primary' : 'default'}
            danger={look.danger}
            ghost={look.primary && look.danger}
            disabled={command.isPending}
            onClick={ui.kind === 'modal' ? () => onOpenModal(booking, ui.modal) : undefined}
          >
            {actionLabel(action)}
          </Button>
        );
        if (ui.kind === 'modal') return button;
        return (
          <Popconfirm
            key={action}
            title={ui.title}
            description={ui.description}
            okText="确定"
            cancelText="返回"
            okButtonProps={{ danger: look.danger }}
            onConfirm={() => oneClick(action as 'complete' | 'mark_no_show')}
          >
            {button}
          </Popconfirm>
        );
      })}
    </Flex>
  );
}
