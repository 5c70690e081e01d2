import type { ComponentProps } from 'react';
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
  /** The booking uses the customer's bound phone: it shows masked, with no input. */
  useBoundPhone: boolean;
  bindingPhone: boolean;
  onChange: (field: ContactField, value: string) => void;
  onBlur: (field: ContactField) => void;
  onGetPhoneNumber: (event: PhoneNumberEvent) => void;
  /** Switches between the bound phone and typing another number. */
  onUseBoundPhone: (use: boolean) => void;
}

function FieldError({ message }: { message?: string }) {
  return message ? <Text className={`${styles.fieldError} field-error`}>{message}</Text> : null;
}

/** 姓名, 手机号, 驾驶证号 (the 18-character resident ID), 备注 — each checked as it is typed. */
export default function ContactStep({
  values,
  errors,
  customer,
  useBoundPhone,
  bindingPhone,
  onChange,
  onBlur,
  onGetPhoneNumber,
  onUseBoundPhone,
}: ContactStepProps) {
  /** One of the one-line inputs, outlined red while its error shows; `normalise` rewrites what is typed. */
  const input = (
    field: Exclude<ContactField, 'note'>,
    props: Pick<ComponentProps<typeof Input>, 'type' | 'placeholder' | 'maxLength'>,
    normalise: (value: string) => string = (value) => value,
  ) => (
    <Input
      className={`${styles.input} ${errors[field] ? styles.inputError : ''}`}
      name={field}
      value={values[field]}
      {...props}
      onChange={(value) => onChange(field, normalise(value))}
      onBlur={() => onBlur(field)}
    />
  );

  return (
    <View className={styles.stepBody}>
      <Text className={styles.stepTitle}>填写试驾人信息</Text>
      <View className={styles.form}>
        <View className={styles.field}>
          <Text className={styles.label}>姓名</Text>
          {input('customerName', { placeholder: '请输入试驾人真实姓名', maxLength: 20 })}
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
          {useBoundPhone && customer?.phoneMasked ? (
            <View className={styles.boundPhone} data-testid="bound-phone">
              <Text className={styles.boundPhoneNumber}>已绑定手机号 {customer.phoneMasked}</Text>
              <Text className={`${styles.link} use-other-mobile`} onClick={() => onUseBoundPhone(false)}>
                使用其他号码
              </Text>
            </View>
          ) : (
            <>
              {input('mobile', {
                type: isWeapp ? 'number' : 'tel',
                placeholder: '请输入11位手机号',
                maxLength: 20,
              })}
              {customer?.hasPhone && customer.phoneMasked ? (
                <Text className={`${styles.link} use-bound-phone`} onClick={() => onUseBoundPhone(true)}>
                  使用已绑定手机号 {customer.phoneMasked}
                </Text>
              ) : null}
            </>
          )}
          <FieldError message={errors.mobile} />
        </View>

        <View className={styles.field}>
          <Text className={styles.label}>驾驶证号</Text>
          {input(
            'licenceNumber',
            { type: isWeapp ? 'idcard' : 'text', placeholder: '18位驾驶证号（即身份证号）', maxLength: 18 },
            (value) => value.toUpperCase(),
          )}
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
