import type { StoreOverview, TestDriveBooking, TimeSlot } from '@dealer-care/domain';
import {
  Alert,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Spin,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useFeedback } from '../../components/feedback';
import { fieldErrorsOf, problemText } from '../../errors';
import { reasonRules } from '../../reason';
import {
  ACTION_DONE_ZH,
  isLicenceLastFour,
  normaliseLicenceLastFour,
  type ActionModal,
  type StaffCommand,
} from './actions';
import { carsBusyDuring, defaultCarId, eligibleCars } from './day-view';
import { useDayAvailability, useStaffCommand } from './queries';
import { proposableSlots } from './propose';
import { localDateOf, localSlotLabel, storeToday } from './time';

export interface PendingAction {
  booking: TestDriveBooking;
  modal: ActionModal;
}

interface HostProps {
  pending: PendingAction | null;
  store: StoreOverview;
  /** The booking's day as listed, to hint which cars are taken in its slot. */
  dayBookings: readonly TestDriveBooking[];
  onClose: () => void;
}

/** The one open action form of the page, if any. */
export function ActionModalHost({ pending, store, dayBookings, onClose }: HostProps) {
  if (!pending) return null;
  const props = { booking: pending.booking, store, onClose };
  switch (pending.modal) {
    case 'confirm':
      return <ConfirmModal {...props} dayBookings={dayBookings} />;
    case 'reject':
      return <ReasonModal {...props} kind="reject" />;
    case 'cancel':
      return <ReasonModal {...props} kind="cancel" />;
    case 'propose':
      return <ProposeModal {...props} />;
    case 'check-in':
      return <CheckInModal {...props} />;
  }
}

interface ModalProps {
  booking: TestDriveBooking;
  store: StoreOverview;
  onClose: () => void;
}

/**
 * Sends the command; on success says so and closes. A refusal shows on the fields it names,
 * or else in an alert above the buttons.
 */
function useSubmit(booking: TestDriveBooking, storeId: number, onClose: () => void) {
  const { message } = useFeedback();
  const command = useStaffCommand(storeId);
  const [onFields, setOnFields] = useState(false);
  /** Validates the form, then sends the command built from its values. */
  const submit = <T,>(
    form: FormInstance<T>,
    fields: readonly string[],
    toCommand: (values: T) => StaffCommand,
  ) =>
    void form.validateFields().then(
      (values) => {
        const next = toCommand(values);
        command.mutate(
          { id: booking.id, command: next },
          {
            onSuccess: () => {
              message.success(ACTION_DONE_ZH[next.action]);
              onClose();
            },
            onError: (error) => {
              const fieldErrors = fieldErrorsOf(error, fields);
              form.setFields(fieldErrors as Parameters<typeof form.setFields>[0]);
              setOnFields(fieldErrors.length > 0);
            },
          },
        );
      },
      () => undefined, // invalid: antd already shows why on the fields
    );
  return { submit, pending: command.isPending, error: onFields ? null : command.error };
}

interface FrameProps {
  title: string;
  okText: string;
  cancelText?: string;
  danger?: boolean;
  okDisabled?: boolean;
  booking: TestDriveBooking;
  store: StoreOverview;
  pending: boolean;
  error: unknown;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}

function ModalFrame(props: FrameProps) {
  const { booking, store } = props;
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={props.cancelText ?? '取消'}
      // No confirmLoading: its icon would rename the button; a disabled button says enough.
      okButtonProps={{
        danger: props.danger,
        disabled: props.pending || props.okDisabled,
        'aria-busy': props.pending,
      }}
      onOk={props.onOk}
      onCancel={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {booking.customerName}（{booking.mobileMasked}）·{' '}
        {localSlotLabel(booking.startsAt, booking.endsAt, store.timeZone)} · {booking.modelName} ·{' '}
        {booking.reference}
      </Typography.Paragraph>
      {props.children}
      {props.error ? <Alert type="error" showIcon title={problemText(props.error)} /> : null}
    </Modal>
  );
}

function ConfirmModal({
  booking,
  store,
  onClose,
  dayBookings,
}: ModalProps & { dayBookings: readonly TestDriveBooking[] }) {
  const [form] = Form.useForm<{ carId: number }>();
  const { submit, pending, error } = useSubmit(booking, store.id, onClose);
  const cars = eligibleCars(store.cars, booking);
  const busy = carsBusyDuring(booking, dayBookings);

  return (
    <ModalFrame
      title="确认试驾"
      okText="确认"
      booking={booking}
      store={store}
      pending={pending}
      error={error}
      okDisabled={cars.length === 0}
      onOk={() => submit(form, ['carId'], (values) => ({ action: 'confirm', body: { carId: values.carId } }))}
      onClose={onClose}
    >
      {cars.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`本店没有在用的${booking.modelName}试驾车`}
          description="请先在门店设置中启用一台该车型的试驾车，或拒绝/建议其他时间。"
          style={{ marginBottom: 16 }}
        />
      ) : (
        <Form
          form={form}
          name="confirm-booking"
          layout="vertical"
          initialValues={{ carId: defaultCarId(cars, booking, busy) }}
        >
          <Form.Item label="试驾车" name="carId" rules={[{ required: true, message: '请选择试驾车' }]}>
            <Select
              placeholder="选择一台试驾车"
              options={cars.map((car) => {
                const taken = busy.has(car.id) && car.id !== booking.car?.id;
                return {
                  value: car.id,
                  label: taken ? `${car.plate}（该时段已被占用）` : car.plate,
                  disabled: taken,
                };
              })}
            />
          </Form.Item>
        </Form>
      )}
    </ModalFrame>
  );
}

const REASON_MODALS = {
  reject: {
    title: '拒绝预约',
    label: '拒绝原因',
    okText: '拒绝',
    placeholder: '例如：该车型当天保养，无法试驾',
  },
  cancel: {
    title: '门店取消预约',
    label: '取消原因',
    okText: '确认取消',
    placeholder: '例如：试驾车临时故障',
  },
} as const;

function ReasonModal({ booking, store, onClose, kind }: ModalProps & { kind: 'reject' | 'cancel' }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, pending, error } = useSubmit(booking, store.id, onClose);
  const text = REASON_MODALS[kind];

  return (
    <ModalFrame
      title={text.title}
      okText={text.okText}
      cancelText="返回"
      danger
      booking={booking}
      store={store}
      pending={pending}
      error={error}
      onOk={() =>
        submit(form, ['reason'], ({ reason }) =>
          kind === 'reject'
            ? { action: 'reject', body: { reason: reason.trim() } }
            : { action: 'cancel_by_store', body: { reason: reason.trim() } },
        )
      }
      onClose={onClose}
    >
      <Form form={form} name={`${kind}-booking`} layout="vertical">
        <Form.Item
          label={text.label}
          name="reason"
          extra="原因会告知客户。"
          rules={reasonRules(`请填写${text.label}`)}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={text.placeholder} />
        </Form.Item>
      </Form>
    </ModalFrame>
  );
}

interface ProposeValues {
  date: Dayjs;
  startsAt: string;
  note?: string;
}

function ProposeModal({ booking, store, onClose }: ModalProps) {
  const [form] = Form.useForm<ProposeValues>();
  const { submit, pending, error } = useSubmit(booking, store.id, onClose);
  const today = storeToday(store.timeZone);
  const bookingDate = localDateOf(booking.startsAt, store.timeZone);
  const initialDate = bookingDate > today ? bookingDate : today;
  const picked = Form.useWatch('date', form);
  const date = picked ? picked.format('YYYY-MM-DD') : initialDate;
  const availability = useDayAvailability(store.id, booking.modelId, date);
  const slots = availability.data ? proposableSlots(availability.data, booking) : [];

  return (
    <ModalFrame
      title="建议其他时间"
      okText="发送建议"
      booking={booking}
      store={store}
      pending={pending}
      error={error}
      onOk={() =>
        submit(form, ['startsAt', 'note'], ({ startsAt, note }) => ({
          action: 'propose',
          body: note?.trim() ? { startsAt, note: note.trim() } : { startsAt },
        }))
      }
      onClose={onClose}
    >
      <Form
        form={form}
        name="propose-booking"
        layout="vertical"
        initialValues={{ date: dayjs(initialDate) }}
        onValuesChange={(changed: Partial<ProposeValues>) => {
          if ('date' in changed) form.setFieldValue('startsAt', undefined);
        }}
      >
        <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker
            allowClear={false}
            disabledDate={(day) => day.format('YYYY-MM-DD') < today}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          label={`时间（${booking.modelName}，门店当地时间）`}
          name="startsAt"
          rules={[{ required: true, message: '请选择一个空闲时段' }]}
        >
          <SlotPicker
            slots={slots}
            status={
              availability.isPending
                ? { kind: 'loading' }
                : availability.isError
                  ? { kind: 'error', text: problemText(availability.error) }
                  : availability.data && !availability.data.open
                    ? { kind: 'empty', text: '门店当天休息' }
                    : slots.length === 0
                      ? { kind: 'empty', text: '当天已无可预约的时段' }
                      : { kind: 'ready' }
            }
          />
        </Form.Item>
        <Form.Item label="给客户的留言" name="note">
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="选填，例如：原时段试驾车需保养" />
        </Form.Item>
      </Form>
    </ModalFrame>
  );
}

type SlotStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'empty' | 'error'; text: string };

/** A form control: the day's slots as buttons, full ones disabled. */
function SlotPicker(props: {
  slots: readonly TimeSlot[];
  status: SlotStatus;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const { status } = props;
  if (status.kind === 'loading') return <Spin size="small" />;
  if (status.kind === 'error') return <Alert type="error" showIcon title={status.text} />;
  if (status.kind === 'empty')
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status.text} />;
  return (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      value={props.value}
      onChange={(event) => props.onChange?.(event.target.value as string)}
    >
      <Flex wrap gap={8}>
        {props.slots.map((slot) => (
          <Radio.Button key={slot.startsAt} value={slot.startsAt} disabled={slot.remaining === 0}>
            {slot.localStart} {slot.remaining === 0 ? '满' : `余${slot.remaining}`}
          </Radio.Button>
        ))}
      </Flex>
    </Radio.Group>
  );
}

interface CheckInValues {
  licenceLastFour: string;
  consentSigned: boolean;
}

function CheckInModal({ booking, store, onClose }: ModalProps) {
  const [form] = Form.useForm<CheckInValues>();
  const { submit, pending, error } = useSubmit(booking, store.id, onClose);

  return (
    <ModalFrame
      title="到店登记"
      okText="登记"
      booking={booking}
      store={store}
      pending={pending}
      error={error}
      onOk={() =>
        submit(form, ['licenceLastFour', 'consentSigned'], ({ licenceLastFour }) => ({
          action: 'check_in',
          body: { licenceLastFour: normaliseLicenceLastFour(licenceLastFour), consentSigned: true },
        }))
      }
      onClose={onClose}
    >
      <Form form={form} name="check-in-booking" layout="vertical" initialValues={{ consentSigned: false }}>
        <Typography.Paragraph>
          请核对客户出示的驾驶证，预约登记的证件号为{' '}
          <Typography.Text code>{booking.licenceMasked}</Typography.Text>。
        </Typography.Paragraph>
        <Form.Item
          label="驾驶证后四位"
          name="licenceLastFour"
          normalize={(value: string) => value.toUpperCase()}
          rules={[
            { required: true, message: '请输入驾驶证号码的后四位' },
            {
              validator: (_, value: string | undefined) =>
                !value || isLicenceLastFour(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error('请输入 4 位，前三位为数字，最后一位为数字或 X')),
            },
          ]}
        >
          <Input maxLength={4} autoComplete="off" style={{ width: 160 }} placeholder="例如 123X" />
        </Form.Item>
        <Form.Item
          name="consentSigned"
          valuePropName="checked"
          rules={[
            {
              validator: (_, value: boolean) =>
                value ? Promise.resolve() : Promise.reject(new Error('客户须先签署《试乘试驾同意书》')),
            },
          ]}
        >
          <Checkbox>已签署《试乘试驾同意书》</Checkbox>
        </Form.Item>
      </Form>
    </ModalFrame>
  );
}
