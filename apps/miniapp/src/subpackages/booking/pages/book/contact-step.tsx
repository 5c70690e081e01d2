import { Text, View } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { CustomerProfile } from '@dealer-care/domain';
import { NOTE_MAX_LENGTH, type ContactField, type ContactValues } from './validation';
import styles from './index.module.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

export type PhoneNumberEvent = Parameters<NonNullable<ButtonProps['onGetPhoneNumber']>>[0];

interface ContactStepProps {
  values: ContactValues;
  /** Errors to show now (the page decides which fields have been touched). */
  errors: Partial<Record<ContactField, string>>;
  customer: CustomerProfile | null;
  bindingPhone: boolean;
  onChange: (field: ContactField, value: string) => void;
  onBlur: (field: ContactField) => void;
  onGetPhoneNumber: (event: PhoneNumberEvent) => void;
}

function FieldError({ message }: { message?: string }) {
  return message ? <Text className={`${styles.fieldError} field-error`}>{message}</Text> : null;
}

/** 姓名, 手机号, 驾驶证号 (the 18-character resident ID), 备注 — each checked as it is typed. */
export default function ContactStep({
  values,
  errors,
  customer,
  bindingPhone,
  onChange,
  onBlur,
  onGetPhoneNumber,
}: ContactStepProps) {
  return (
    <View className={styles.stepBody}>
      <Text className={styles.stepTitle}>填写试驾人信息</Text>
      <View className={styles.form}>
        <View className={styles.field}>
          <Text className={styles.label}>姓名</Text>
          <Input
            className={`${styles.input} ${errors.customerName ? styles.inputError : ''}`}
            name="customerName"
            value={values.customerName}
            placeholder="请输入试驾人真实姓名"
            maxLength={20}
            onChange={(value) => onChange('customerName', value)}
            onBlur={() => onBlur('customerName')}
          />
          <FieldError message={errors.customerName} />
        </View>

        <View className={styles.field}>
          <View className={styles.labelRow}>
            <Text className={styles.label}>手机号</Text>
            {isWeapp && customer && !customer.hasPhone ? (
              <Button
                size="small"
                fill="outline"
                type="primary"
                openType="getPhoneNumber"
                loading={bindingPhone}
                onGetPhoneNumber={onGetPhoneNumber}
              >
                使用微信手机号
              </Button>
            ) : null}
          </View>
          <Input
            className={`${styles.input} ${errors.mobile ? styles.inputError : ''}`}
            name="mobile"
            type={isWeapp ? 'number' : 'tel'}
            value={values.mobile}
            placeholder="请输入11位手机号"
            maxLength={20}
            onChange={(value) => onChange('mobile', value)}
            onBlur={() => onBlur('mobile')}
          />
          {customer?.phoneMasked ? (
            <Text className={styles.hint}>微信绑定手机号 {customer.phoneMasked}</Text>
          ) : null}
          <FieldError message={errors.mobile} />
        </View>

        <View className={styles.field}>
          <Text className={styles.label}>驾驶证号</Text>
          <Input
            className={`${styles.input} ${errors.licenceNumber ? styles.inputError : ''}`}
            name="licenceNumber"
            type={isWeapp ? 'idcard' : 'text'}
            value={values.licenceNumber}
            placeholder="18位驾驶证号（即身份证号）"
            maxLength={18}
            onChange={(value) => onChange('licenceNumber', value.toUpperCase())}
            onBlur={() => onBlur('licenceNumber')}
          />
          <Text className={styles.hint}>仅用于到店核验驾驶资格，以加密方式保存</Text>
          <FieldError message={errors.licenceNumber} />
        </View>

        <View className={styles.field}>
          <Text className={styles.label}>备注（选填）</Text>
          <TextArea
            className={styles.textarea}
            value={values.note}
            placeholder="如希望试驾的路线、同行人数等"
            maxLength={NOTE_MAX_LENGTH}
            showCount
            onChange={(value) => onChange('note', value)}
            onBlur={() => onBlur('note')}
          />
          <FieldError message={errors.note} />
        </View>
      </View>
    </View>
  );
}
