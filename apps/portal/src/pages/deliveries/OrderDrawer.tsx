import {
  CarOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  PhoneOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  CHECKLIST_KIND_LABEL_ZH,
  VIN_REASON_ZH,
  validateVin,
  type DeliveryStatus,
  type SalesOrder,
  type StoreOverview,
} from '@dealer-care/domain';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../components/feedback';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { problemText } from '../../errors';
import { localDateTime, storeToday } from '../test-drives/time';
import { confirmationLine, currentConfirmations, customerConfirmedSelf } from './calls';
import { DateOptionsFields } from './DateOptionsFields';
import { carLabel, optionLabel, promisedLabel, timelineItems } from './format';
import {
  checkOffer,
  formFieldErrors,
  offerFieldPath,
  toOfferRequest,
  type OfferFormValues,
} from './offer-form';
import { OrderChecklist } from './OrderChecklist';
import { CancelOrderModal, DelayModal, RecordCallModal, useFormCommand } from './OrderModals';
import { useOrder, useOrderCommand, useSignature } from './queries';
import { DeliveryStatusTag } from './StatusTag';
import { checklistProgress, schedulingState } from './week';

interface Props {
  store: StoreOverview;
  orderId: number | null;
  /** The list's copy, shown at once while the detail loads. */
  fromList: SalesOrder | undefined;
  onClose: () => void;
  onStartHandover: () => void;
}

const TIMELINE_COLOR: Record<DeliveryStatus, string> = {
  scheduling: 'orange',
  date_confirmed: 'blue',
  ready: 'blue',
  delivered: 'green',
  cancelled: 'gray',
};

type OpenModal = 'call' | 'delay' | 'cancel' | null;

/** An order's delivery: its state, what to do next, its checklists, confirmations and history. */
export function OrderDrawer({ store, orderId, fromList, onClose, onStartHandover }: Props) {
  const query = useOrder(store.id, orderId, fromList);
  const order = query.data;
  const [modal, setModal] = useState<OpenModal>(null);

  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      size={640}
      title={order ? `${order.customerName} 的交车` : '交车'}
      extra={order && <DeliveryStatusTag status={order.status} />}
      destroyOnHidden
    >
      {order ? (
        <Flex vertical gap={16} data-testid={`order-detail-${order.id}`}>
          {query.isError && <Alert type="warning" showIcon title={problemText(query.error)} />}
          <StateBanner order={order} />
          <Descriptions size="small" column={1} bordered items={details(order, store)} />
          <NextSteps order={order} store={store} onModal={setModal} onStartHandover={onStartHandover} />
          {order.allowedActions.includes('offer_dates') && (
            <OfferDatesCard key={order.id} order={order} store={store} />
          )}
          <Card
            size="small"
            title={CHECKLIST_KIND_LABEL_ZH.pdi}
            extra={<Typography.Text type="secondary">交车前一天完成</Typography.Text>}
          >
            <OrderChecklist order={order} storeId={store.id} kind="pdi" />
          </Card>
          <Card size="small" title={CHECKLIST_KIND_LABEL_ZH.bring}>
            {order.checklists.bring.length === 0 ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {order.checklists.bring.map((item) => (
                  <li key={item.key}>{item.label}</li>
                ))}
              </ul>
            )}
          </Card>
          {(order.status === 'ready' || order.status === 'delivered') && (
            <Card size="small" title={CHECKLIST_KIND_LABEL_ZH.handover}>
              <HandoverSummary order={order} />
            </Card>
          )}
          {order.handover && <SignatureCard order={order} storeId={store.id} />}
          <Confirmations order={order} />
          <HistoryTimeline
            items={timelineItems(order, store.timeZone)}
            colors={TIMELINE_COLOR}
            details={(item) => item.note && <Typography.Text type="secondary">“{item.note}”</Typography.Text>}
          />
          {order.allowedActions.includes('cancel_order') && (
            <Button
              danger
              type="text"
              data-testid="cancel-order"
              onClick={() => setModal('cancel')}
              style={{ alignSelf: 'flex-start' }}
            >
              取消订单
            </Button>
          )}
          {modal === 'call' && <RecordCallModal order={order} store={store} onClose={() => setModal(null)} />}
          {modal === 'delay' && <DelayModal order={order} store={store} onClose={() => setModal(null)} />}
          {modal === 'cancel' && (
            <CancelOrderModal order={order} store={store} onClose={() => setModal(null)} />
          )}
        </Flex>
      ) : query.isError ? (
        <Alert type="error" showIcon title={problemText(query.error)} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </Drawer>
  );
}

/** What matters most about the order right now, above everything else. */
function StateBanner({ order }: { order: SalesOrder }) {
  if (order.status === 'cancelled') {
    return <Alert type="error" showIcon title="订单已取消" description={order.cancelReason ?? undefined} />;
  }
  if (order.status === 'delivered') {
    return (
      <Alert
        type="success"
        showIcon
        title="车辆已交付"
        description={
          order.handover
            ? `${order.handover.signerName} 于 ${localDateTime(order.handover.signedAt, order.storeTimeZone)} 签字确认`
            : undefined
        }
      />
    );
  }
  const banners = [];
  if (order.delay) {
    banners.push(
      <Alert
        key="delay"
        type="warning"
        showIcon
        icon={<WarningOutlined />}
        title={`交车延期：${order.delay.reason}`}
        description={`${localDateTime(order.delay.at, order.storeTimeZone)} 登记，已提供新的时间，等待客户重新确认。`}
      />,
    );
  }
  if (order.status === 'scheduling') {
    const state = schedulingState(order);
    if (state.kind === 'customer_requested') {
      banners.push(
        <Alert
          key="request"
          type="warning"
          showIcon
          title="客户希望另选交车时间"
          description={state.note ? `客户留言：“${state.note}”` : '请联系客户后重新提供交车时间。'}
        />,
      );
    } else if (state.kind === 'needs_offer' && !order.delay) {
      banners.push(
        <Alert key="offer" type="info" showIcon title="请向客户提供1到3个交车时间，客户在小程序中选择" />,
      );
    }
  }
  return banners.length > 0 ? (
    <Flex vertical gap={8}>
      {banners}
    </Flex>
  ) : null;
}

function details(order: SalesOrder, store: StoreOverview): DescriptionsProps['items'] {
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const state = order.status === 'scheduling' ? schedulingState(order) : null;
  return [
    {
      key: 'orderNo',
      label: '订单号',
      children: <Typography.Text copyable>{order.orderNo}</Typography.Text>,
    },
    {
      key: 'customer',
      label: '客户',
      children: (
        <Space wrap size={8}>
          <span>{order.customerName}</span>
          <Typography.Text type="secondary">{order.mobileMasked}</Typography.Text>
          {order.customerLinked ? (
            <Tag color="green">已关联小程序</Tag>
          ) : (
            <Tooltip title="客户用下单手机号登录小程序后自动关联；关联前请电话沟通交车时间">
              <Tag>未关联小程序</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { key: 'car', label: '车辆', children: carLabel(order) },
    {
      key: 'vin',
      label: '车架号（VIN）',
      children: order.vin ? (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {order.vin}
        </Typography.Text>
      ) : order.status === 'delivered' || order.status === 'cancelled' ? (
        none
      ) : (
        <VinForm order={order} storeId={store.id} />
      ),
    },
    { key: 'consultant', label: '销售顾问', children: order.consultant?.name ?? none },
    { key: 'promised', label: '承诺交车期', children: promisedLabel(order) },
    order.scheduled
      ? {
          key: 'scheduled',
          label: '交车时间',
          children: (
            <Space wrap size={8}>
              <Typography.Text strong>{optionLabel(order.scheduled)}</Typography.Text>
              {order.partySize ? <Tag>到店 {order.partySize} 人</Tag> : null}
              {customerConfirmedSelf(order) && <Tag color="green">客户已在小程序确认</Tag>}
            </Space>
          ),
        }
      : {
          key: 'options',
          label: '可选时间',
          children:
            state?.kind === 'awaiting_customer' ? (
              <Flex vertical>
                {state.options.map((option) => (
                  <Typography.Text key={option.startsAt}>{optionLabel(option)}</Typography.Text>
                ))}
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  待客户选择
                </Typography.Text>
              </Flex>
            ) : (
              none
            ),
        },
    { key: 'note', label: '客户留言', children: order.customerNote ?? none },
    { key: 'created', label: '下单时间', children: localDateTime(order.createdAt, store.timeZone) },
  ];
}

/** The buttons for the next step, exactly as the server allows them. */
function NextSteps(props: {
  order: SalesOrder;
  store: StoreOverview;
  onModal: (modal: OpenModal) => void;
  onStartHandover: () => void;
}) {
  const { order, store, onModal } = props;
  const { message } = useFeedback();
  const command = useOrderCommand(store.id);
  const allowed = (action: SalesOrder['allowedActions'][number]) => order.allowedActions.includes(action);
  const pdi = checklistProgress(order.checklists.pdi);
  const showReady = order.status === 'scheduling' || order.status === 'date_confirmed';
  const readyHint =
    order.status === 'scheduling'
      ? '客户确认交车时间后才能标记备妥'
      : !pdi.complete
        ? `PDI 尚未全部完成（${pdi.done}/${pdi.total}）`
        : null;

  const buttons = [];
  if (allowed('record_call')) {
    buttons.push(
      <Button key="call" icon={<PhoneOutlined />} onClick={() => onModal('call')}>
        登记电话结果
      </Button>,
    );
  }
  if (showReady) {
    const button = (
      <Button
        key="ready"
        type="primary"
        icon={<CheckCircleOutlined />}
        data-testid="mark-ready"
        disabled={!allowed('mark_ready') || command.isPending}
        onClick={() =>
          command.mutate(
            { id: order.id, command: { action: 'mark_ready' } },
            {
              onSuccess: () => message.success('已标记车辆备妥'),
              onError: (error) => message.error(problemText(error)),
            },
          )
        }
      >
        车辆已备妥
      </Button>
    );
    buttons.push(
      !allowed('mark_ready') && readyHint ? (
        <Tooltip key="ready" title={readyHint}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      ),
    );
  }
  if (order.status === 'ready') {
    buttons.push(
      <Button
        key="handover"
        type="primary"
        size="large"
        icon={<CarOutlined />}
        data-testid="start-handover"
        disabled={!allowed('tick_checklist') && !allowed('deliver')}
        onClick={props.onStartHandover}
      >
        开始交车
      </Button>,
    );
  }
  if (allowed('declare_delay')) {
    buttons.push(
      <Button
        key="delay"
        danger
        icon={<ClockCircleOutlined />}
        data-testid="declare-delay"
        onClick={() => onModal('delay')}
      >
        登记延期
      </Button>,
    );
  }
  if (buttons.length === 0) return null;
  return (
    <Flex vertical gap={6}>
      <Flex wrap gap={8} align="center">
        {buttons}
      </Flex>
      {showReady && !allowed('mark_ready') && readyHint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {readyHint}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 提供交车时间: one to three times for the customer to choose from in the mini-program. */
function OfferDatesCard({ order, store }: { order: SalesOrder; store: StoreOverview }) {
  const [form] = Form.useForm<OfferFormValues>();
  const { submit, pending, error } = useFormCommand(order, store.id, form, offerFieldPath, () =>
    form.resetFields(),
  );
  const today = storeToday(store.timeZone);
  const again = order.dateOptions.length > 0;

  return (
    <Card
      size="small"
      title={again ? '重新提供交车时间' : '提供交车时间'}
      extra={again ? <Typography.Text type="secondary">将替换已提供的时间</Typography.Text> : undefined}
    >
      <Form form={form} name="offer-dates" layout="vertical" initialValues={{ options: [{}] }}>
        <DateOptionsFields store={store} today={today} />
        <Form.Item label="给客户的留言" name="note">
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="选填，例如：交车约需1小时" />
        </Form.Item>
        {error ? (
          <Alert type="error" showIcon title={problemText(error)} style={{ marginBottom: 12 }} />
        ) : null}
        <Button
          type="primary"
          data-testid="offer-dates"
          disabled={pending}
          aria-busy={pending}
          onClick={() =>
            submit(
              (values) => ({ action: 'offer_dates', body: toOfferRequest(values) }),
              (values) => formFieldErrors(checkOffer(values.options, store), offerFieldPath),
            )
          }
        >
          发送给客户
        </Button>
      </Form>
    </Card>
  );
}

/** Assigns the VIN once the car is allocated; checked (check digit included) before sending. */
function VinForm({ order, storeId }: { order: SalesOrder; storeId: number }) {
  const [form] = Form.useForm<{ vin: string }>();
  const { submit, pending, error } = useFormCommand(
    order,
    storeId,
    form,
    (field) => (field === 'vin' ? 'vin' : null),
    () => undefined,
  );
  return (
    <Form form={form} name="assign-vin" layout="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="vin"
          noStyle
          normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const result = validateVin(value ?? '');
                return result.valid
                  ? Promise.resolve()
                  : Promise.reject(new Error(VIN_REASON_ZH[result.reason]));
              },
            },
          ]}
        >
          <Input
            aria-label="车架号"
            placeholder="17位车架号"
            maxLength={17}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Button
          disabled={pending}
          onClick={() =>
            submit(({ vin }) => {
              const result = validateVin(vin);
              return { action: 'assign_vin', body: { vin: result.valid ? result.normalized : vin } };
            })
          }
        >
          保存
        </Button>
      </Space.Compact>
      <Form.Item shouldUpdate noStyle>
        {() => {
          const errors = form.getFieldError('vin');
          return errors.length > 0 ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {errors[0]}
            </Typography.Text>
          ) : null;
        }}
      </Form.Item>
      {error ? <Typography.Text type="danger">{problemText(error)}</Typography.Text> : null}
    </Form>
  );
}

function HandoverSummary({ order }: { order: SalesOrder }) {
  const progress = checklistProgress(order.checklists.handover);
  return (
    <Flex vertical gap={4}>
      <Typography.Text>
        已完成 {progress.done}/{progress.total} 项
      </Typography.Text>
      {order.status === 'ready' && (
        <Typography.Text type="secondary">点击上方“开始交车”，在平板上与客户逐项确认并签字。</Typography.Text>
      )}
    </Flex>
  );
}

function SignatureCard({ order, storeId }: { order: SalesOrder; storeId: number }) {
  const signature = useSignature(storeId, order.id, order.handover !== null);
  return (
    <Card size="small" title="客户签字">
      {signature.isPending ? (
        <Skeleton.Image active />
      ) : signature.isError ? (
        <Alert type="error" showIcon title={problemText(signature.error)} />
      ) : (
        <Flex vertical gap={8}>
          <img
            src={signature.data.image}
            alt={`${signature.data.signerName} 的签字`}
            data-testid="delivery-signature"
            style={{
              maxWidth: '100%',
              height: 'auto',
              border: '1px dashed #d9d9d9',
              background: '#fff',
              alignSelf: 'flex-start',
            }}
          />
          <Typography.Text type="secondary">
            签字人：{signature.data.signerName} ·{' '}
            {localDateTime(signature.data.signedAt, order.storeTimeZone)}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

function Confirmations({ order }: { order: SalesOrder }) {
  if (
    order.confirmations.length === 0 &&
    (!order.scheduled || order.status === 'delivered' || order.status === 'cancelled')
  )
    return null;
  const current = currentConfirmations(order);
  const earlier = order.confirmations.length - current.length;
  return (
    <Card size="small" title="交车前确认">
      {current.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本次交车时间尚无确认记录" />
      ) : (
        <Flex vertical gap={6}>
          {current.map((entry) => (
            <Flex key={`${entry.stage}:${entry.at}`} justify="space-between" gap={8} wrap>
              <Typography.Text type={entry.outcome === 'confirmed' ? 'success' : 'warning'}>
                {confirmationLine(entry)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {entry.by === 'staff' ? `${entry.staffName ?? '门店'} · ` : ''}
                {localDateTime(entry.at, order.storeTimeZone)}
              </Typography.Text>
              {entry.note && (
                <Typography.Text type="secondary" style={{ width: '100%' }}>
                  “{entry.note}”
                </Typography.Text>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      {earlier > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          另有 {earlier} 条确认属于之前的交车时间
        </Typography.Text>
      )}
    </Card>
  );
}
