import { BOOKING_POLICY_FIELDS, type StoreBookingPolicy, type StoreOverview } from '@dealer-care/domain';
import { Alert, Button, Drawer, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import { useFeedback } from '../../components/feedback';
import { fieldErrorsOf, problemText } from '../../errors';
import {
  POLICY_FIELD_TEXT,
  policyChanged,
  policyFieldError,
  policyFormValues,
  policyFromForm,
  policyInputLimits,
  type PolicyFormValues,
} from './policy';
import { useSaveTestDrivePolicy, useTestDrivePolicy } from './queries';

interface Props {
  store: StoreOverview;
  open: boolean;
  /** Managers and admins change the rules; consultants only read them. */
  editable: boolean;
  onClose: () => void;
}

/** 试驾规则 of one store: slot length, notice, horizon, cut-off and limits. */
export function TestDrivePolicyDrawer({ store, open, editable, onClose }: Props) {
  const policy = useTestDrivePolicy(store.id, open);

  return (
    <Drawer open={open} onClose={onClose} size={520} title={`试驾规则 · ${store.name}`} destroyOnHidden>
      {policy.isPending ? (
        <QueryLoading />
      ) : policy.isError ? (
        <QueryFailed error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <PolicyForm store={store} saved={policy.data} editable={editable} />
      )}
    </Drawer>
  );
}

function PolicyForm({
  store,
  saved,
  editable,
}: {
  store: StoreOverview;
  saved: StoreBookingPolicy;
  editable: boolean;
}) {
  const [form] = Form.useForm<PolicyFormValues>();
  const values = Form.useWatch([], form) as Partial<PolicyFormValues> | undefined;
  const { message } = useFeedback();
  const save = useSaveTestDrivePolicy(store.id);
  const [onFields, setOnFields] = useState(false);
  const changed = values !== undefined && policyChanged(saved, values);

  const submit = (checked: PolicyFormValues) => {
    const policy = policyFromForm(checked);
    if (!policy) return;
    save.mutate(policy, {
      onSuccess: () => {
        setOnFields(false);
        message.success('试驾规则已保存');
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error, BOOKING_POLICY_FIELDS);
        form.setFields(fieldErrors as Parameters<typeof form.setFields>[0]);
        setOnFields(fieldErrors.length > 0);
      },
    });
  };

  return (
    <Flex vertical gap={16} data-testid={`test-drive-policy-${store.id}`}>
      {saved.isDefault ? (
        <Alert
          type="info"
          showIcon
          title="使用默认规则"
          description={editable ? '本店尚未设置试驾规则。保存后即使用本店的规则。' : '本店尚未设置试驾规则。'}
        />
      ) : null}
      {!editable ? <Alert type="warning" showIcon title="仅门店经理和管理员可以修改试驾规则" /> : null}
      <Form<PolicyFormValues>
        form={form}
        name={`test-drive-policy-${store.id}`}
        layout="vertical"
        disabled={!editable}
        initialValues={policyFormValues(saved)}
        onFinish={submit}
      >
        {BOOKING_POLICY_FIELDS.map((field) => {
          const { min, max, step } = policyInputLimits(field);
          return (
            <Form.Item
              key={field}
              name={field}
              label={POLICY_FIELD_TEXT[field].label}
              extra={`${POLICY_FIELD_TEXT[field].help}范围 ${min}–${max}。`}
              // The cut-off is checked against the horizon too.
              dependencies={field === 'customerCutoffMinutes' ? ['horizonDays'] : undefined}
              rules={[
                ({ getFieldsValue }) => ({
                  validator: () => {
                    const error = policyFieldError(field, getFieldsValue() as Partial<PolicyFormValues>);
                    return error ? Promise.reject(new Error(error)) : Promise.resolve();
                  },
                }),
              ]}
            >
              <InputNumber min={min} max={max} step={step} precision={0} style={{ width: 200 }} />
            </Form.Item>
          );
        })}
        {editable ? (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">
              保存后立即对新的预约和改期生效；已有预约保持原来的时间。
            </Typography.Text>
            {save.isError && !onFields ? (
              <Alert type="error" showIcon title={problemText(save.error)} />
            ) : null}
            <Flex gap={8}>
              <Button
                type="primary"
                htmlType="submit"
                disabled={save.isPending || !changed}
                aria-busy={save.isPending}
              >
                保存
              </Button>
              <Button
                htmlType="button"
                disabled={save.isPending || !changed}
                // Back to the saved rules (the form's initial values follow them), errors cleared.
                onClick={() => form.resetFields()}
              >
                还原
              </Button>
            </Flex>
          </Flex>
        ) : null}
      </Form>
    </Flex>
  );
}
