import { Text, View } from '@tarojs/components';
import { Checkbox } from '@nutui/nutui-react-taro';
import { maskMobile, maskResidentId, type TestDriveConsent, type TimeSlot } from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import SuggestedSlots from '../../../../components/suggested-slots';
import { formatSlotRange } from '../../../../utils/datetime';
import type { Loadable } from '../../../../utils/loadable';
import type { ContactValues } from './validation';
import styles from './index.module.scss';

interface ConsentStepProps {
  consent: Loadable<TestDriveConsent>;
  onRetry: () => void;
  storeName: string;
  modelName: string;
  slot: TimeSlot | null;
  timeZone: string;
  contact: ContactValues;
  /** The masked bound phone when the booking uses it; else the typed mobile is shown. */
  boundPhoneMasked: string | null;
  termsAccepted: boolean;
  licenceConsent: boolean;
  onTermsChange: (checked: boolean) => void;
  onLicenceConsentChange: (checked: boolean) => void;
  /** Set after a 409: the slot was taken; the server's nearest free slots. */
  suggestions: TimeSlot[] | null;
  onPickSuggestion: (slot: TimeSlot) => void;
  onChooseTime: () => void;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className={styles.summaryRow}>
      <Text className={styles.summaryLabel}>{label}</Text>
      <Text className={styles.summaryValue}>{value}</Text>
    </View>
  );
}

/** The booking at a glance, the consent text in full and its two separate required consents. */
export default function ConsentStep(props: ConsentStepProps) {
  const { consent, slot, timeZone, contact, suggestions } = props;
  return (
    <View className={styles.stepBody}>
      <Text className={styles.stepTitle}>确认预约信息</Text>
      <View className={styles.card}>
        <Row label="门店" value={props.storeName} />
        <Row label="车型" value={props.modelName} />
        <View className={styles.summaryRow}>
          <Text className={styles.summaryLabel}>时间</Text>
          {slot ? (
            <Text className={styles.summaryValue} data-testid="summary-time">
              {formatSlotRange(slot.startsAt, slot.endsAt, timeZone)}
            </Text>
          ) : (
            <Text className={styles.link} onClick={props.onChooseTime}>
              请重新选择时段 ›
            </Text>
          )}
        </View>
        <Row label="试驾人" value={contact.customerName.trim()} />
        <Row label="手机号" value={props.boundPhoneMasked ?? maskMobile(contact.mobile)} />
        <Row label="驾驶证号" value={maskResidentId(contact.licenceNumber)} />
        {contact.note.trim() ? <Row label="备注" value={contact.note.trim()} /> : null}
      </View>

      {suggestions ? (
        <SuggestedSlots slots={suggestions} timeZone={timeZone} onPick={props.onPickSuggestion} />
      ) : null}

      <AsyncState state={consent} onRetry={props.onRetry} emptyText="同意书暂不可用">
        {(data) => (
          <>
            <View className={styles.card}>
              <Text className={styles.consentTitle}>{data.title}</Text>
              <Text className={styles.consentVersion}>版本 {data.version}</Text>
              <Text className={styles.consentBody} data-testid="consent-body">
                {data.body}
              </Text>
            </View>
            <View className={styles.card}>
              <Checkbox
                className={`${styles.checkbox} consent-terms`}
                data-testid="consent-terms"
                checked={props.termsAccepted}
                onChange={props.onTermsChange}
                label="我已阅读并同意《试乘试驾同意书》"
              />
              <Checkbox
                className={`${styles.checkbox} consent-licence`}
                data-testid="consent-licence"
                checked={props.licenceConsent}
                onChange={props.onLicenceConsentChange}
                label={data.licenceConsentText}
              />
            </View>
          </>
        )}
      </AsyncState>
    </View>
  );
}
