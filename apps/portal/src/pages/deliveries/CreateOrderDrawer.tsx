import {
  MAX_PROMISED_WINDOW_DAYS,
  MOBILE_INVALID_MESSAGE,
  PERSON_NAME_INVALID_MESSAGE,
  VIN_REASON_ZH,
  isMainlandMobile,
  isPersonName,
  modelDisplayName,
  validatePromisedWindow,
  validateVin,
  type SalesOrder,
  type StaffUser,
  type StoreOverview,
} from '@dealer-care/domain';
import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useFeedback } from '../../components/feedback';
import { problemOf, problemText } from '../../errors';
import { storeToday } from '../test-drives/time';
import { formFieldErrors } from './offer-form';
import {
  MAX_COLOUR_LENGTH,
  MAX_TRIM_LENGTH,
  SubmissionKeys,
  consultantOptions,
  orderFieldPath,
  picksConsultant,
  toCreateOrderRequest,
  type OrderFormValues,
} from './order-form';
import { useCreateOrder, useStaffUsers, useVehicleModels } from './queries';

interface Props {
  open: boolean;
  store: StoreOverview;
  staff: StaffUser;
  onClose: () => void;
  onCreated: (order: SalesOrder) => void;
}

/** 新建订单: the sales order signed at closing, from which the delivery is scheduled. */
export function CreateOrderDrawer({ open, store, staff, onClose, onCreated }: Props) {
  return (
    <Drawer open={open} onClose={onClose} size={520} title="新建订单" destroyOnHidden>
      {open && <CreateOrderForm store={store} staff={staff} onCancel={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

function CreateOrderForm({
  store,
  staff,
  onCancel,
  onCreated,
}: {
  store: StoreOverview;
  staff: StaffUser;
  onCancel: () => void;
  onCreated: (order: SalesOrder) => void;
}) {
  const [form] = Form.useForm<OrderFormValues>();
  const { message } = useFeedback();
  const keys = useRef(new SubmissionKeys()).current;
  const create = useCreateOrder(store.id, keys);
  const models = useVehicleModels();
  const users = useStaffUsers(staff.role);
  const [onFields, setOnFields] = useState(false);
  const today = storeToday(store.timeZone);
  const assigns = picksConsultant(staff.role);

  const submit = () =>
    void form.validateFields().then(
      (values) => {
        setOnFields(false);
        create.mutateAsync(toCreateOrderRequest(values)).then(
          (order) => {
            message.success(`订单 ${order.orderNo} 已创建`);
            onCreated(order);
          },
          (error: unknown) => {
            const fields = formFieldErrors(problemOf(error).errors ?? [], orderFieldPath);
            form.setFields(fields as Parameters<typeof form.setFields>[0]);
            setOnFields(fields.length > 0);
          },
        );
      },
      () => undefined,
    );

  return (
    <Form form={form} name="create-order" layout="vertical" disabled={create.isPending}>
      <Form.Item
        label="客户姓名"
        name="customerName"
        rules={[
          { required: true, whitespace: true, message: '请输入客户姓名' },
          {
            validator: (_, value: string | undefined) =>
              !value?.trim() || isPersonName(value)
                ? Promise.resolve()
                : Promise.reject(new Error(PERSON_NAME_INVALID_MESSAGE)),
          },
        ]}
      >
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="手机号"
        name="customerMobile"
        extra="客户用此手机号登录小程序后，即可查看订单并选择交车时间。"
        rules={[
          { required: true, whitespace: true, message: '请输入客户手机号' },
          {
            validator: (_, value: string | undefined) =>
              !value?.trim() || isMainlandMobile(value)
                ? Promise.resolve()
                : Promise.reject(new Error(MOBILE_INVALID_MESSAGE)),
          },
        ]}
      >
        <Input inputMode="tel" maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item label="车型" name="modelId" rules={[{ required: true, message: '请选择车型' }]}>
        <Select
          loading={models.isPending}
          placeholder="选择车型"
          showSearch={{ optionFilterProp: 'label' }}
          options={(models.data ?? [])
            .filter((model) => model.active)
            .map((model) => ({ value: model.id, label: modelDisplayName(model) }))}
          notFoundContent={models.isError ? problemText(models.error) : undefined}
        />
      </Form.Item>
      <Form.Item
        label="配置"
        name="trim"
        rules={[{ required: true, whitespace: true, message: '请输入配置/版本' }]}
      >
        <Input maxLength={MAX_TRIM_LENGTH} placeholder="例如：长续航智享版" />
      </Form.Item>
      <Form.Item
        label="颜色"
        name="colour"
        rules={[{ required: true, whitespace: true, message: '请输入车身颜色' }]}
      >
        <Input maxLength={MAX_COLOUR_LENGTH} placeholder="例如：星河蓝" />
      </Form.Item>
      <Form.Item
        label="车架号（VIN）"
        name="vin"
        extra="选填，配车后也可在订单中补录。"
        normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
        rules={[
          {
            validator: (_, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const result = validateVin(value);
              return result.valid
                ? Promise.resolve()
                : Promise.reject(new Error(VIN_REASON_ZH[result.reason]));
            },
          },
        ]}
      >
        <Input maxLength={17} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item
        label="承诺交车期"
        name="promised"
        extra={`合同约定的交车日期范围，最长${MAX_PROMISED_WINDOW_DAYS}天。`}
        rules={[
          { required: true, message: '请选择承诺交车期' },
          {
            validator: (_, value: [Dayjs, Dayjs] | undefined) => {
              if (!value) return Promise.resolve();
              const [error] = validatePromisedWindow(
                value[0].format('YYYY-MM-DD'),
                value[1].format('YYYY-MM-DD'),
                today,
              );
              return error ? Promise.reject(new Error(error.message)) : Promise.resolve();
            },
          },
        ]}
      >
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          format="YYYY-MM-DD"
          disabledDate={(day) => day.format('YYYY-MM-DD') < today}
        />
      </Form.Item>
      {assigns && (
        <Form.Item label="销售顾问" name="consultantId" extra="不选则记在您本人名下。">
          <Select
            allowClear
            placeholder="选择本店销售顾问"
            loading={users.isPending}
            options={consultantOptions(users.data ?? [], store.id)}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={users.isError ? problemText(users.error) : undefined}
          />
        </Form.Item>
      )}
      {create.error && !onFields ? (
        <Alert type="error" showIcon title={problemText(create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex justify="flex-end">
        <Space>
          <Button onClick={onCancel} disabled={false}>
            取消
          </Button>
          <Button
            type="primary"
            data-testid="create-order-submit"
            onClick={submit}
            disabled={create.isPending}
          >
            创建订单
          </Button>
        </Space>
      </Flex>
    </Form>
  );
}
