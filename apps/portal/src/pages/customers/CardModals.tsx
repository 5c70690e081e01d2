import {
  CONTACT_CHANNELS,
  CONTACT_CHANNEL_LABEL_ZH,
  CUSTOMER_STYLES,
  CUSTOMER_STYLE_LABEL_ZH,
  INTENT_LEVELS,
  INTENT_LEVEL_LABEL_ZH,
  LOST_REASON_CATEGORIES,
  LOST_REASON_LABEL_ZH,
  type CustomerCard,
  type IntentLevel,
  type LostReasonCategory,
  type StaffUser,
} from '@dealer-care/domain';
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../components/feedback';
import { problemText } from '../../errors';
import { SubmissionKeys } from '../deliveries/order-form';
import { useStaffUsers } from '../deliveries/queries';
import {
  buildContact,
  buildLost,
  buildProfileUpdate,
  consultantChoices,
  submitBuilt,
  type ContactFormValues,
  type ProfileFormValues,
} from './prospects';
import { useLogContact, useMarkLost, useSetIntent, useUpdateProspect } from './queries';

export type CardModal = 'profile' | 'intent' | 'contact' | 'lost';

interface ModalProps {
  card: CustomerCard;
  staff: StaffUser;
  onClose: () => void;
}

const intentOptions = INTENT_LEVELS.map((l) => ({ value: l, label: INTENT_LEVEL_LABEL_ZH[l] }));

function ErrorLine({ error }: { error: unknown }) {
  return error ? <Alert type="error" showIcon title={problemText(error)} style={{ marginTop: 8 }} /> : null;
}

/** 客户风格 and, for managers, the consultant in charge. */
export function ProfileModal({ card, staff, onClose }: ModalProps) {
  const { message } = useFeedback();
  const { prospect } = card;
  const [form] = Form.useForm<ProfileFormValues>();
  const update = useUpdateProspect(prospect.id);
  const reassign = staff.role !== 'consultant';
  const users = useStaffUsers(staff.role);
  const submit = () => {
    const body = buildProfileUpdate(
      form.getFieldsValue(),
      { style: prospect.style, styleNote: prospect.styleNote, consultantId: prospect.consultant?.id ?? null },
      staff.role,
    );
    if (body === null) return onClose();
    update.mutateAsync(body).then(
      () => {
        message.success('已保存客户信息');
        onClose();
      },
      () => undefined, // shown below the form
    );
  };
  return (
    <Modal
      open
      title="编辑客户风格"
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        name="prospect-profile"
        initialValues={{
          style: prospect.style ?? undefined,
          styleNote: prospect.styleNote ?? '',
          consultantId: prospect.consultant?.id,
        }}
      >
        <Form.Item label="客户风格" name="style" extra="按客户的沟通习惯调整介绍方式。">
          <Radio.Group
            aria-label="客户风格"
            optionType="button"
            options={CUSTOMER_STYLES.map((s) => ({ value: s, label: CUSTOMER_STYLE_LABEL_ZH[s] }))}
          />
        </Form.Item>
        <Form.Item label="风格备注" name="styleNote">
          <Input.TextArea
            aria-label="风格备注"
            rows={2}
            maxLength={200}
            showCount
            placeholder="例如：重视数据，喜欢看对比表"
          />
        </Form.Item>
        {reassign && (
          <Form.Item label="销售顾问" name="consultantId">
            <Select<number>
              aria-label="销售顾问"
              loading={users.isPending}
              options={consultantChoices(users.data ?? [], prospect.storeId)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
      </Form>
      <ErrorLine error={update.error} />
    </Modal>
  );
}

/** 调整意向: a new level plans the next follow-up by its interval. */
export function IntentModal({ card, onClose }: ModalProps) {
  const { message } = useFeedback();
  const [form] = Form.useForm<{ level?: IntentLevel; note?: string }>();
  const setIntent = useSetIntent(card.prospect.id);
  const submit = () =>
    void form
      .validateFields()
      .then(({ level, note }) =>
        setIntent.mutateAsync(note?.trim() ? { level: level!, note: note.trim() } : { level: level! }).then(
          () => {
            message.success('已更新意向级别');
            onClose();
          },
          () => undefined,
        ),
      )
      .catch(() => undefined);
  return (
    <Modal
      open
      title="调整意向级别"
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={setIntent.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        name="prospect-intent"
        initialValues={{ level: card.prospect.intentLevel ?? undefined }}
      >
        <Form.Item label="意向级别" name="level" rules={[{ required: true, message: '请选择意向级别' }]}>
          <Select<IntentLevel> aria-label="意向级别" options={intentOptions} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea
            aria-label="说明"
            rows={2}
            maxLength={200}
            showCount
            placeholder="例如：已确认预算，下周来店谈价格"
          />
        </Form.Item>
      </Form>
      <ErrorLine error={setIntent.error} />
    </Modal>
  );
}

/** 添加联系记录, with the intent re-assessed on the way. */
export function ContactModal({ card, onClose }: ModalProps) {
  const { message } = useFeedback();
  const [form] = Form.useForm<ContactFormValues>();
  const [keys] = useState(() => new SubmissionKeys());
  const log = useLogContact(card.prospect.id, keys);
  const submit = () =>
    submitBuilt(form, buildContact(form.getFieldsValue()), log.mutateAsync, () => {
      message.success('已添加联系记录');
      onClose();
    });
  return (
    <Modal
      open
      title="添加联系记录"
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={log.isPending}
      okButtonProps={{ 'data-testid': 'contact-submit' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        name="prospect-contact"
        initialValues={{ channel: 'outbound_call' }}
      >
        <Form.Item label="联系方式" name="channel" required>
          <Radio.Group
            aria-label="联系方式"
            optionType="button"
            options={CONTACT_CHANNELS.map((c) => ({ value: c, label: CONTACT_CHANNEL_LABEL_ZH[c] }))}
          />
        </Form.Item>
        <Form.Item label="沟通内容" name="note" required>
          <Input.TextArea
            aria-label="沟通内容"
            data-testid="contact-note"
            rows={3}
            maxLength={500}
            showCount
          />
        </Form.Item>
        <Form.Item label="重新评估意向" name="intentLevel" extra="选择后按新的级别安排下次跟进。">
          <Select<IntentLevel>
            aria-label="重新评估意向"
            allowClear
            placeholder="不变"
            options={intentOptions}
          />
        </Form.Item>
      </Form>
      <ErrorLine error={log.error} />
    </Modal>
  );
}

/** 战败: why the customer bought elsewhere; the pending follow-ups stop and a manager calls back. */
export function LostModal({ card, onClose }: ModalProps) {
  const { message } = useFeedback();
  const [form] = Form.useForm<{ category?: LostReasonCategory; note?: string }>();
  const markLost = useMarkLost(card.prospect.id);
  const submit = () =>
    submitBuilt(form, buildLost(form.getFieldsValue()), markLost.mutateAsync, () => {
      message.success('已标记战败，门店经理将进行战败回访');
      onClose();
    });
  return (
    <Modal
      open
      title="标记战败"
      okText="确认战败"
      okButtonProps={{ danger: true, 'data-testid': 'lost-submit' } as ButtonProps}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={markLost.isPending}
    >
      <Typography.Paragraph type="secondary">
        标记后该客户的待办跟进将取消，并生成一条经理的战败回访任务；已关联的客户会收到一份问卷。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="prospect-lost">
        <Form.Item label="战败原因" name="category" required>
          <Select<LostReasonCategory>
            aria-label="战败原因"
            placeholder="选择原因分类"
            options={LOST_REASON_CATEGORIES.map((c) => ({ value: c, label: LOST_REASON_LABEL_ZH[c] }))}
          />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea
            aria-label="战败说明"
            rows={3}
            maxLength={500}
            showCount
            placeholder="例如：已在竞品店订车"
          />
        </Form.Item>
      </Form>
      <ErrorLine error={markLost.error} />
    </Modal>
  );
}
