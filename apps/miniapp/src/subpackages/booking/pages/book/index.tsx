import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Step, Steps } from '@nutui/nutui-react-taro';
import {
  normalizeMobile,
  normalizePersonName,
  parseResidentId,
  type CreateBookingRequest,
  type StoreListItem,
  type TestDriveConsent,
  type TimeSlot,
  type VehicleModel,
} from '@dealer-care/domain';
import SlotPicker, { type SlotSelection } from '../../../../components/slot-picker';
import { useCatalogue } from '../../../../hooks/use-catalogue';
import { api } from '../../../../services/api';
import { bindPhone } from '../../../../services/auth';
import {
  BOOKING_STEPS,
  clearDraft,
  emptyDraft,
  loadDraft,
  rememberCreated,
  saveDraft,
  type BookingDraft,
  type BookingStep,
} from '../../../../services/booking-draft';
import { getCustomerLocation } from '../../../../services/location';
import { getAccessToken, useSession } from '../../../../services/session';
import { rememberStores } from '../../../../services/stores';
import { prepareSubscription, requestSubscription } from '../../../../services/subscribe';
import { DEFAULT_TIME_ZONE, formatSlotStart, localDateOf } from '../../../../utils/datetime';
import {
  errorMessage,
  errorTitle,
  fieldErrors,
  isRetryable,
  isUnauthenticated,
  slotTaken,
} from '../../../../utils/errors';
import { newIdempotencyKey } from '../../../../utils/idempotency';
import { loading, type Loadable } from '../../../../utils/loadable';
import { BOOK_PAGE, BOOKING_DONE_PAGE, goLogin } from '../../../../utils/navigation';
import ConsentStep from './consent-step';
import ContactStep, { type PhoneNumberEvent } from './contact-step';
import ModelStep from './model-step';
import StoreStep from './store-step';
import { CONTACT_FIELDS, looksComplete, validateContact, type ContactField } from './validation';
import styles from './index.module.scss';

const STEP_TITLES: Record<BookingStep, string> = {
  store: '门店',
  model: '车型',
  time: '时间',
  contact: '信息',
  consent: '确认',
};

function positiveId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function initialDraft(params: Record<string, string | undefined>): BookingDraft {
  if (params.resume) {
    const saved = loadDraft();
    if (saved) return saved;
  }
  const storeId = positiveId(params.storeId);
  const modelId = positiveId(params.modelId);
  const draft = emptyDraft({ storeId, modelId });
  draft.step = storeId === null ? 'store' : modelId === null ? 'model' : 'time';
  return draft;
}

export default function BookPage() {
  const router = useRouter();
  const { customer } = useSession();
  const [draft, setDraft] = useState<BookingDraft>(() => initialDraft(router.params));
  const { stores, models, loadStores, loadModels } = useCatalogue({ onStores: rememberStores });
  const [consent, setConsent] = useState<Loadable<TestDriveConsent>>(loading);
  const [touched, setTouched] = useState<ReadonlySet<ContactField>>(new Set());
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ContactField, string>>>({});
  const [suggestions, setSuggestions] = useState<TimeSlot[] | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [availabilityReload, setAvailabilityReload] = useState(0);
  const [busy, setBusy] = useState(false);
  const [bindingPhone, setBindingPhone] = useState(false);
  // A number typed earlier (a resumed draft) stays in use; otherwise a bound phone is offered first.
  const [otherMobile, setOtherMobile] = useState(() => draft.mobile.trim() !== '');
  const submitting = useRef(false);

  /** Every change goes to memory and storage at once, so a trip to 我的 to log in loses nothing. */
  const update = useCallback((patch: Partial<BookingDraft>) => {
    setDraft((previous) => {
      const next = { ...previous, ...patch };
      saveDraft(next);
      return next;
    });
  }, []);

  // The template ids of the booking result are fetched ahead, so 提交预约 can ask at once.
  const loggedIn = customer !== null;
  useEffect(() => {
    if (loggedIn) prepareSubscription('booking');
  }, [loggedIn]);

  useEffect(() => {
    // Keep the starting point too, so a trip to 我的 before any change still comes back here.
    saveDraft(draft);
    // Only once, for the draft the page opened with.
  }, []);

  const loadConsent = useCallback(async () => {
    setConsent(loading);
    try {
      setConsent({ status: 'ready', data: await api.testDrives.consent() });
    } catch (error) {
      setConsent({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    // The list shows at once; with the customer's location (if granted) it is re-sorted nearest first.
    void loadStores(true, null);
    void getCustomerLocation().then((point) => {
      if (point) void loadStores(false, point);
    });
    void loadModels();
    void loadConsent();
  }, [loadStores, loadModels, loadConsent]);

  const store = stores.status === 'ready' ? (stores.data.find((s) => s.id === draft.storeId) ?? null) : null;
  const model = models.status === 'ready' ? (models.data.find((m) => m.id === draft.modelId) ?? null) : null;
  const timeZone = store?.timeZone ?? DEFAULT_TIME_ZONE;
  const stepIndex = BOOKING_STEPS.indexOf(draft.step);

  const contact = useMemo(
    () => ({
      customerName: draft.customerName,
      mobile: draft.mobile,
      licenceNumber: draft.licenceNumber,
      note: draft.note,
    }),
    [draft.customerName, draft.mobile, draft.licenceNumber, draft.note],
  );
  /** The masked phone the customer bound through WeChat, when the booking uses it (no mobile is sent). */
  const boundPhoneMasked = customer?.hasPhone && !otherMobile ? customer.phoneMasked : null;
  const useBoundPhone = boundPhoneMasked !== null;
  const localErrors = useMemo(
    () => validateContact(contact, draft.date, { boundPhone: useBoundPhone }),
    [contact, draft.date, useBoundPhone],
  );
  const visibleErrors = useMemo(() => {
    const out: Partial<Record<ContactField, string>> = {};
    for (const field of CONTACT_FIELDS) {
      const show = showAllErrors || touched.has(field) || looksComplete(field, contact[field]);
      const message = (show ? localErrors[field] : undefined) ?? serverErrors[field];
      if (message) out[field] = message;
    }
    return out;
  }, [contact, localErrors, serverErrors, showAllErrors, touched]);

  const termsAccepted = consent.status === 'ready' && draft.consentVersion === consent.data.version;

  function goTo(step: BookingStep) {
    setSubmitError(null);
    update({ step });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }

  function back() {
    if (stepIndex > 0) goTo(BOOKING_STEPS[stepIndex - 1]!);
  }

  function selectStore(chosen: StoreListItem) {
    const changed = chosen.id !== draft.storeId;
    update({
      storeId: chosen.id,
      ...(changed ? { date: null, slot: null } : {}),
      step: draft.modelId === null ? 'model' : 'time',
    });
    setSuggestions(null);
  }

  function selectModel(chosen: VehicleModel) {
    const changed = chosen.id !== draft.modelId;
    update({ modelId: chosen.id, ...(changed ? { date: null, slot: null } : {}), step: 'time' });
    setSuggestions(null);
  }

  function changeContact(field: ContactField, value: string) {
    update({ [field]: value } as Partial<BookingDraft>);
    if (serverErrors[field]) setServerErrors(({ [field]: _removed, ...rest }) => rest);
  }

  function chooseBoundPhone(use: boolean) {
    setOtherMobile(!use);
    // What was said about the typed number no longer applies to the bound one, and vice versa.
    if (serverErrors.mobile) setServerErrors(({ mobile: _removed, ...rest }) => rest);
    setTouched((previous) => {
      const next = new Set(previous);
      next.delete('mobile');
      return next;
    });
  }

  function blurContact(field: ContactField) {
    setTouched((previous) => new Set(previous).add(field));
  }

  function contactNext() {
    setShowAllErrors(true);
    if (Object.keys(localErrors).length > 0) {
      void Taro.showToast({ title: '请检查填写的信息', icon: 'none' });
      return;
    }
    goTo('consent');
  }

  function onGetPhoneNumber(event: PhoneNumberEvent) {
    const { code } = event.detail as { code?: string };
    if (!code) {
      void Taro.showToast({ title: '未获得手机号授权，请手动填写', icon: 'none' });
      return;
    }
    setBindingPhone(true);
    bindPhone(code)
      .then(() => Taro.showToast({ title: '手机号已绑定', icon: 'success' }))
      .catch((error: unknown) => Taro.showToast({ title: errorTitle(error), icon: 'none' }))
      .finally(() => setBindingPhone(false));
  }

  function pickSuggestion(slot: TimeSlot) {
    update({ slot, date: localDateOf(slot.startsAt, timeZone) });
    setSuggestions(null);
    setSubmitError(null);
    void Taro.showToast({ title: `已改选 ${formatSlotStart(slot.startsAt, timeZone)}`, icon: 'none' });
  }

  function sendToLogin(message: string) {
    void Taro.showToast({ title: message, icon: 'none' });
    goLogin(`${BOOK_PAGE}?resume=1`);
  }

  async function submit() {
    if (submitting.current) return; // a double tap books once
    const licence = parseResidentId(draft.licenceNumber);
    if (Object.keys(localErrors).length > 0 || !licence.valid) {
      setShowAllErrors(true);
      goTo('contact');
      return;
    }
    if (draft.storeId === null || draft.modelId === null || !draft.slot) {
      goTo('time');
      return;
    }
    if (consent.status !== 'ready' || !termsAccepted || !draft.licenceConsent) return;
    if (!getAccessToken()) {
      sendToLogin('请先登录后再提交预约');
      return;
    }

    submitting.current = true;
    setBusy(true);
    setSubmitError(null);
    // First thing in the tap handler: WeChat opens the prompt only from a tap.
    const subscription = requestSubscription('booking');

    const body: CreateBookingRequest = {
      storeId: draft.storeId,
      modelId: draft.modelId,
      startsAt: draft.slot.startsAt,
      customerName: normalizePersonName(draft.customerName),
      // Without a mobile the server uses the phone the customer bound through WeChat.
      ...(useBoundPhone ? {} : { mobile: normalizeMobile(draft.mobile) }),
      licenceNumber: licence.normalized,
      consentVersion: consent.data.version,
      licenceConsent: true,
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    };
    // One key per request body: a retry of the same body (network error, 5xx, back from logging in)
    // reuses it and can never book twice; a changed body (another slot) is a new submission.
    const bodyText = JSON.stringify(body);
    const idempotencyKey =
      draft.idempotencyKey && draft.idempotencyBody === bodyText ? draft.idempotencyKey : newIdempotencyKey();
    update({ idempotencyKey, idempotencyBody: bodyText });

    try {
      const outcome = await subscription;
      const booking = await api.testDrives.create(body, { idempotencyKey });
      clearDraft();
      rememberCreated(booking, outcome);
      void Taro.redirectTo({ url: `${BOOKING_DONE_PAGE}?id=${booking.id}` });
    } catch (error) {
      if (isUnauthenticated(error)) {
        sendToLogin('登录已过期，请重新登录');
        return;
      }
      const taken = slotTaken(error);
      if (taken) {
        update({ slot: null });
        setAvailabilityReload((n) => n + 1);
        // The suggestions box says what happened; without suggestions the server's message does.
        if (taken.suggestedSlots.length > 0) setSuggestions(taken.suggestedSlots);
        else setSubmitError(errorMessage(error));
        return;
      }
      const fields = fieldErrors(error);
      if (fields.consentVersion || fields.licenceConsent) {
        // The consent text changed since it was shown: show the new one, to be read and ticked again.
        update({ consentVersion: null, licenceConsent: false });
        void loadConsent();
        setSubmitError(fields.consentVersion ?? fields.licenceConsent ?? errorMessage(error));
        return;
      }
      const contactFields = CONTACT_FIELDS.filter((field) => fields[field]);
      if (contactFields.length > 0) {
        // The bound phone was refused (or is gone): let the customer type a number instead.
        if (fields.mobile && useBoundPhone) setOtherMobile(true);
        setServerErrors(Object.fromEntries(contactFields.map((field) => [field, fields[field]])));
        goTo('contact');
        void Taro.showToast({ title: '请检查填写的信息', icon: 'none' });
        return;
      }
      if (fields.startsAt) {
        update({ slot: null });
        setSubmitError(fields.startsAt);
        return;
      }
      setSubmitError(
        isRetryable(error) ? `${errorMessage(error)}。请再次点击提交，不会重复预约` : errorMessage(error),
      );
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  const summary = [
    store?.name,
    model?.name,
    draft.slot ? formatSlotStart(draft.slot.startsAt, timeZone) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <View className={styles.page}>
      <View className={styles.header}>
        <Steps
          value={stepIndex + 1}
          status="dynamic"
          onStepClick={(value) => {
            if (value - 1 < stepIndex) goTo(BOOKING_STEPS[value - 1]!);
          }}
        >
          {BOOKING_STEPS.map((step, index) => (
            <Step key={step} value={index + 1} title={STEP_TITLES[step]} />
          ))}
        </Steps>
        {summary && draft.step !== 'consent' ? <Text className={styles.summary}>{summary}</Text> : null}
      </View>

      {draft.step === 'store' ? (
        <StoreStep
          stores={stores}
          selected={draft.storeId}
          onRetry={() => void getCustomerLocation().then((point) => loadStores(true, point))}
          onSelect={selectStore}
        />
      ) : null}

      {draft.step === 'model' ? (
        <ModelStep
          models={models}
          selected={draft.modelId}
          onRetry={() => void loadModels()}
          onSelect={selectModel}
        />
      ) : null}

      {draft.step === 'time' && draft.storeId !== null && draft.modelId !== null ? (
        <View className={styles.stepBody}>
          <Text className={styles.stepTitle}>选择日期和时段</Text>
          <SlotPicker
            storeId={draft.storeId}
            modelId={draft.modelId}
            timeZone={timeZone}
            value={{ date: draft.date, slot: draft.slot }}
            onChange={(value: SlotSelection) => update({ date: value.date, slot: value.slot })}
            reloadKey={availabilityReload}
          />
          {submitError ? <Text className={styles.error}>{submitError}</Text> : null}
        </View>
      ) : null}

      {draft.step === 'contact' ? (
        <>
          {!customer ? (
            <View className={styles.loginBanner}>
              <Text>提交预约需要先登录，已填写的信息会保留</Text>
              <Button size="small" type="primary" onClick={() => goLogin(`${BOOK_PAGE}?resume=1`)}>
                去登录
              </Button>
            </View>
          ) : null}
          <ContactStep
            values={contact}
            errors={visibleErrors}
            customer={customer}
            useBoundPhone={useBoundPhone}
            bindingPhone={bindingPhone}
            onChange={changeContact}
            onBlur={blurContact}
            onGetPhoneNumber={onGetPhoneNumber}
            onUseBoundPhone={chooseBoundPhone}
          />
        </>
      ) : null}

      {draft.step === 'consent' ? (
        <ConsentStep
          consent={consent}
          onRetry={() => void loadConsent()}
          storeName={store?.name ?? ''}
          modelName={model?.name ?? ''}
          slot={draft.slot}
          timeZone={timeZone}
          contact={contact}
          boundPhoneMasked={boundPhoneMasked}
          termsAccepted={termsAccepted}
          licenceConsent={draft.licenceConsent}
          onTermsChange={(checked) =>
            update({ consentVersion: checked && consent.status === 'ready' ? consent.data.version : null })
          }
          onLicenceConsentChange={(checked) => update({ licenceConsent: checked })}
          suggestions={suggestions}
          onPickSuggestion={pickSuggestion}
          onChooseTime={() => goTo('time')}
        />
      ) : null}

      {draft.step === 'consent' && submitError ? (
        <Text className={`${styles.error} submit-error`}>{submitError}</Text>
      ) : null}

      {stepIndex > 0 ? (
        <View className={styles.footer}>
          <Button className={styles.footerBack} type="default" onClick={back} disabled={busy}>
            上一步
          </Button>
          {draft.step === 'time' ? (
            <Button
              className={styles.footerMain}
              type="primary"
              disabled={!draft.slot}
              onClick={() => goTo('contact')}
            >
              下一步
            </Button>
          ) : null}
          {draft.step === 'contact' ? (
            <Button className={styles.footerMain} type="primary" onClick={contactNext}>
              下一步
            </Button>
          ) : null}
          {draft.step === 'consent' ? (
            <Button
              className={styles.footerMain}
              type="primary"
              loading={busy}
              disabled={busy || !draft.slot || !termsAccepted || !draft.licenceConsent}
              onClick={() => void submit()}
            >
              提交预约
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
