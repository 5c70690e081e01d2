import {
  CONTACT_CHANNEL_LABEL_ZH,
  INTENT_LEVELS,
  INTENT_LEVEL_LABEL_ZH,
  type CustomerCard,
  type StaffUser,
  type StoreOverview,
} from '@dealer-care/domain';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../components/feedback';
import { fieldErrorsOf, problemText } from '../../errors';
import { SubmissionKeys } from '../deliveries/order-form';
import { REGISTER_CHANNELS, buildRegister, submitBuilt, type RegisterFormValues } from './prospects';
import { useRegisterContact } from './queries';

interface Props {
  open: boolean;
  staff: StaffUser;
  stores: StoreOverview[];
  onClose: () => void;
  onRegistered: (card: CustomerCard) => void;
}

const FIELDS = ['storeId', 'name', 'phone', 'channel', 'note', 'intentLevel'];

/** 来店/来电登记: finds the customer by phone or adds them, and logs what was said. */
export function RegisterModal({ open, staff, stores, onClose, onRegistered }: Props) {
  const { message } = useFeedback();
  const [form] = Form.useForm<RegisterFormValues>();
  const [keys] = useState(() => new SubmissionKeys());
  const register = useRegisterContact(keys);
  const pickStore = staff.storeId === null;

  const submit = () =>
    submitBuilt(
      form,
      buildRegister(form.getFieldsValue(), staff.storeId),
      register.mutateAsync,
      (card) => {
        message.success(`已登记：${card.prospect.name}`);
        form.resetFields();
        onRegistered(card);
      },
      (error: unknown) =>
        form.setFields(fieldErrorsOf(error, FIELDS) as Parameters<typeof form.setFields>[0]),
    );

  return (
    <Modal
      open={open}
      title="来店/来电登记"
      okText="登记"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={register.isPending}
      okButtonProps={{ 'data-testid': 'register-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form
        form={form}
        name="register-contact"
        layout="vertical"
        initialValues={{ channel: 'visit', storeId: staff.storeId ?? undefined }}
        disabled={register.isPending}
      >
        {pickStore && (
          <Form.Item label="门店" name="storeId" required>
            <Select
              aria-label="门店"
              options={stores.map((s) => ({ value: s.id, label: s.name }))}
              placeholder="选择门店"
            />
          </Form.Item>
        )}
        <Form.Item label="来源" name="channel" required>
          <Radio.Group
            aria-label="来源"
            optionType="button"
            options={REGISTER_CHANNELS.map((c) => ({ value: c, label: CONTACT_CHANNEL_LABEL_ZH[c] }))}
          />
        </Form.Item>
        <Form.Item label="客户称呼" name="name" required>
          <Input
            aria-label="客户称呼"
            data-testid="register-name"
            maxLength={20}
            placeholder="例如：王先生"
          />
        </Form.Item>
        <Form.Item label="手机号" name="phone" required extra="已登记过的号码会记到原客户名下。">
          <Input aria-label="手机号" data-testid="register-phone" maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item label="意向级别" name="intentLevel">
          <Select
            aria-label="意向级别"
            allowClear
            placeholder="可稍后评估"
            options={INTENT_LEVELS.map((l) => ({ value: l, label: INTENT_LEVEL_LABEL_ZH[l] }))}
          />
        </Form.Item>
        <Form.Item label="沟通内容" name="note" required>
          <Input.TextArea
            aria-label="沟通内容"
            data-testid="register-note"
            rows={3}
            maxLength={500}
            showCount
            placeholder="例如：看了星河，关注续航，周末带家人试驾"
          />
        </Form.Item>
      </Form>
      {register.error && fieldErrorsOf(register.error, FIELDS).length === 0 ? (
        <Alert type="error" showIcon title={problemText(register.error)} />
      ) : null}
    </Modal>
  );
}
