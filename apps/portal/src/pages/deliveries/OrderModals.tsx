import type { CallOutcome, SalesOrder, StoreOverview } from '@dealer-care/domain';
import { Alert, Button, Form, Input, Modal, Typography, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useFeedback } from '../../components/feedback';
import { problemOf, problemText } from '../../errors';
import { reasonRules } from '../../reason';
import { commandDoneText, type OrderCommand } from './commands';
import { DateOptionsFields } from './DateOptionsFields';
import { carLabel, optionLabel } from './format';
import {
  checkOffer,
  formFieldErrors,
  offerFieldPath,
  toDelayRequest,
  type DelayFormValues,
  type FormPath,
} from './offer-form';
import { useOrderCommand } from './queries';
import { storeToday } from '../test-drives/time';

/**
 * Sends a command built from a form: local checks first, then the server's; a refusal shows on
 * the fields it names, or else in an alert above the buttons.
 */
export function useFormCommand<T>(
  order: SalesOrder,
  storeId: number,
  form: FormInstance<T>,
  pathOf: (field: string) => FormPath | null,
  onDone: () => void,
) {
  const { message } = useFeedback();
  const command = useOrderCommand(storeId);
  const [onFields, setOnFields] = useState(false);

  const submit = (
    toCommand: (values: T) => OrderCommand,
    localErrors: (values: T) => ReturnType<typeof formFieldErrors> = () => [],
  ) =>
    void form.validateFields().then(
      (values) => {
        const local = localErrors(values);
        if (local.length > 0) {
          form.setFields(local as Parameters<typeof form.setFields>[0]);
          return;
        }
        const next = toCommand(values);
        // The promise, not mutate's callbacks: those are skipped when the answer unmounts the
        // form (an assigned VIN replaces its input).
        command.mutateAsync({ id: order.id, command: next }).then(
          () => {
            message.success(commandDoneText(next));
            onDone();
          },
          (error: unknown) => {
            const fields = formFieldErrors(problemOf(error).errors ?? [], pathOf);
            form.setFields(fields as Parameters<typeof form.setFields>[0]);
            setOnFields(fields.length > 0);
          },
        );
      },
      () => undefined, // invalid: antd already shows why on the fields
    );
  return {
    submit,
    pending: command.isPending,
    error: onFields ? null : command.error,
    reset: () => {
      setOnFields(false);
      command.reset();
    },
  };
}

interface FrameProps {
  title: string;
  order: SalesOrder;
  okText: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onOk: () => void;
  onClose: () => void;
  okTestId?: string;
  footer?: ReactNode;
  children: ReactNode;
}

function ModalFrame(props: FrameProps) {
  const { order } = props;
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText="返回"
      okButtonProps={{
        danger: props.danger,
        disabled: props.pending,
        'aria-busy': props.pending,
        ...(props.okTestId ? { 'data-testid': props.okTestId } : {}),
      }}
      footer={props.footer}
      onOk={props.onOk}
      onCancel={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {order.customerName}（{order.mobileMasked}）· {carLabel(order)} · {order.orderNo}
      </Typography.Paragraph>
      {props.children}
      {props.error ? <Alert type="error" showIcon title={problemText(props.error)} /> : null}
    </Modal>
  );
}

interface ModalProps {
  order: SalesOrder;
  store: StoreOverview;
  onClose: () => void;
}

/** The result of a T-3 / T-1 call: one tap on 接通已确认 or 未接通, with an optional note. */
export function RecordCallModal({ order, store, onClose }: ModalProps) {
  const [form] = Form.useForm<{ note?: string }>();
  const { submit, pending, error } = useFormCommand(
    order,
    store.id,
    form,
    (field) => (field === 'note' ? 'note' : null),
    onClose,
  );
  const record = (outcome: CallOutcome) =>
    submit(({ note }) => ({
      action: 'record_call',
      body: note?.trim() ? { outcome, note: note.trim() } : { outcome },
    }));

  return (
    <ModalFrame
      title="登记电话结果"
      order={order}
      okText="接通已确认"
      pending={pending}
      error={error}
      onOk={() => record('confirmed')}
      onClose={onClose}
      footer={[
        <Button key="back" onClick={onClose}>
          返回
        </Button>,
        <Button
          key="not-reached"
          danger
          disabled={pending}
          data-testid="call-not-reached"
          onClick={() => record('not_reached')}
        >
          未接通
        </Button>,
        <Button
          key="confirmed"
          type="primary"
          disabled={pending}
          data-testid="call-confirmed"
          onClick={() => record('confirmed')}
        >
          接通已确认
        </Button>,
      ]}
    >
      {order.scheduled && (
        <Typography.Paragraph>
          交车时间：<Typography.Text strong>{optionLabel(order.scheduled)}</Typography.Text>
          {order.partySize ? `，预计到店 ${order.partySize} 人` : ''}
          。请与客户确认时间、到店人数，并说明交车流程和需携带的资料。
        </Typography.Paragraph>
      )}
      <Form form={form} name="record-call" layout="vertical">
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="选填，例如：客户改为两人到店" />
        </Form.Item>
      </Form>
    </ModalFrame>
  );
}

/** 登记延期: why, and one to three new dates for the customer to choose again. */
export function DelayModal({ order, store, onClose }: ModalProps) {
  const [form] = Form.useForm<DelayFormValues>();
  const { submit, pending, error } = useFormCommand(order, store.id, form, offerFieldPath, onClose);
  const today = storeToday(store.timeZone);

  return (
    <ModalFrame
      title="登记交车延期"
      order={order}
      okText="登记延期并通知客户"
      danger
      okTestId="declare-delay-submit"
      pending={pending}
      error={error}
      onOk={() =>
        submit(
          (values) => ({ action: 'declare_delay', body: toDelayRequest(values) }),
          (values) => formFieldErrors(checkOffer(values.options, store), offerFieldPath),
        )
      }
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="延期会立即通知客户"
        description={
          order.scheduled
            ? `原定 ${optionLabel(order.scheduled)} 的交车将取消，客户需要从新的时间中重新选择并确认。`
            : '客户需要从新的时间中重新选择并确认。'
        }
      />
      <Form form={form} name="declare-delay" layout="vertical" initialValues={{ options: [{}] }}>
        <Form.Item
          label="延期原因"
          name="reason"
          extra="原因会告知客户，请写明原因和接下来的安排。"
          rules={reasonRules('请填写延期原因')}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder="例如：车辆物流延误，预计下周二到店"
          />
        </Form.Item>
        <DateOptionsFields store={store} today={today} />
        <Form.Item label="给客户的留言" name="note">
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="选填" />
        </Form.Item>
      </Form>
    </ModalFrame>
  );
}

/** 取消订单, with the reason. */
export function CancelOrderModal({ order, store, onClose }: ModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, pending, error } = useFormCommand(
    order,
    store.id,
    form,
    (field) => (field === 'reason' ? 'reason' : null),
    onClose,
  );

  return (
    <ModalFrame
      title="取消订单"
      order={order}
      okText="确认取消订单"
      danger
      okTestId="cancel-order-submit"
      pending={pending}
      error={error}
      onOk={() => submit(({ reason }) => ({ action: 'cancel_order', body: { reason: reason.trim() } }))}
      onClose={onClose}
    >
      <Form form={form} name="cancel-order" layout="vertical">
        <Form.Item label="取消原因" name="reason" rules={reasonRules('请填写取消原因')}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="例如：客户退订" />
        </Form.Item>
      </Form>
    </ModalFrame>
  );
}
