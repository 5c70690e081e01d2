import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { problemText } from '../errors';
import { withCurrent, type StaffOption } from '../staff-options';
import { useFeedback } from './feedback';

interface Props {
  /** Who has it now; offered even when no longer among the options. */
  current: { id: number; name: string } | null;
  /** The staff it may go to, e.g. `assigneeOptions(users, storeId)`. */
  options: readonly StaffOption[];
  /** The staff list is still loading. */
  loading: boolean;
  /** An assignment is under way. */
  pending: boolean;
  ariaLabel: string;
  selectTestId: string;
  buttonTestId: string;
  /** Hands it over; resolves with the new person's name. */
  assign: (staffId: number) => Promise<{ name?: string }>;
}

/** A staff picker and an assign button: hands a task or case to someone else of its store. */
export function AssignStaffControl({
  current,
  options,
  loading,
  pending,
  ariaLabel,
  selectTestId,
  buttonTestId,
  assign,
}: Props) {
  const { message } = useFeedback();
  const [staffId, setStaffId] = useState<number | undefined>(current?.id);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<number>
        aria-label={ariaLabel}
        data-testid={selectTestId}
        style={{ flex: 1, minWidth: 160 }}
        placeholder="选择负责人"
        loading={loading}
        value={staffId}
        onChange={setStaffId}
        options={withCurrent(options, current)}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Button
        data-testid={buttonTestId}
        disabled={staffId === undefined || staffId === current?.id || pending}
        loading={pending}
        onClick={() => {
          if (staffId === undefined) return;
          assign(staffId).then(
            (assigned) => message.success(`已指派给 ${assigned.name ?? '新的负责人'}`),
            (error: unknown) => message.error(problemText(error)),
          );
        }}
      >
        指派
      </Button>
    </Space.Compact>
  );
}
