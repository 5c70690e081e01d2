import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Taro, { useDidHide, useDidShow, useLoad, useUnload } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import {
  countAnswered,
  validateAnswers,
  visibleQuestions,
  type AnswerValue,
  type InvitationStatus,
  type SurveyAnswers,
  type SurveyForm,
} from '@dealer-care/domain';
import { LoginPrompt } from '../../../../components/prompt-panel';
import { api } from '../../../../services/api';
import { ensureWechatLogin } from '../../../../services/auth';
import { getAccessToken, useSession } from '../../../../services/session';
import {
  flushSurveyOutbox,
  forgetSubmission,
  onOutboxOutcome,
  queueSubmission,
  queuedSubmission,
  sendSubmission,
} from '../../../../services/survey-outbox';
import { goLogin, surveyAnswerUrl } from '../../../../utils/navigation';
import type { OutboxEntry, SendOutcome } from '../../../../utils/survey-outbox';
import {
  firstErrorKey,
  needsSync,
  nextQuestionKey,
  openFailure,
  previousQuestionKey,
  progressOf,
  resolveCurrent,
  restoreAnswers,
  withAnswer,
} from '../../logic/survey-form';
import { forgetDraft, loadDraft, markSynced, rememberForm, saveDraft } from '../../services/drafts';
import {
  ClosedScreen,
  ErrorScreen,
  IntroScreen,
  QuestionScreen,
  SendingScreen,
  ThanksScreen,
  type ClosedReason,
} from './screens';
import styles from './index.module.scss';

/** Statuses in which the customer can answer. */
const ANSWERABLE: InvitationStatus[] = ['sent', 'opened', 'started'];
/** Progress goes to the server this long after the last change (it is on the phone at once). */
const PROGRESS_DEBOUNCE_MS = 1_500;

type Screen =
  | { kind: 'loading' }
  | { kind: 'login' }
  | { kind: 'error'; message: string; retry: boolean }
  | { kind: 'closed'; reason: ClosedReason }
  | { kind: 'intro' }
  | { kind: 'question' }
  | { kind: 'sending'; title: string; thanks: string; message: string | null; needsLogin: boolean }
  | { kind: 'thanks'; thanks: string };

function closedReason(status: InvitationStatus): ClosedReason | null {
  if (ANSWERABLE.includes(status)) return null;
  return status === 'completed' ? 'completed' : status === 'expired' ? 'expired' : 'unavailable';
}

function sendingScreen(entry: OutboxEntry, message: string | null = entry.lastError): Screen {
  return { kind: 'sending', title: entry.title, thanks: entry.thanks, message, needsLogin: false };
}

/** Taro hands the query over decoded in H5 and as written in WeChat: decode once, carefully. */
function readToken(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/**
 * A survey opened by its token (from 待评价问卷, or from the invitation's subscription message):
 * intro, one question at a time, submit, thanks. Every answer is kept on the phone at once and sent
 * to the server as progress shortly after; a submission is kept on the phone until the server has it
 * (services/survey-outbox), so a weak signal never loses or doubles an answer.
 */
export default function SurveyAnswerPage() {
  const { customer } = useSession();
  const [token, setToken] = useState('');
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [form, setForm] = useState<SurveyForm | null>(null);
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [fromPhone, setFromPhone] = useState(false);

  // Timers and listeners read the latest values through these.
  const tokenRef = useRef('');
  const formRef = useRef<SurveyForm | null>(null);
  const answersRef = useRef<SurveyAnswers>({});
  const unsynced = useRef(false);
  const progressTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const opening = useRef(0);

  const questions = form?.template.questions ?? [];
  const visible = useMemo(() => visibleQuestions(questions, answers), [questions, answers]);
  const current = resolveCurrent(questions, visible, currentKey);

  function showForm(next: SurveyForm | null) {
    formRef.current = next;
    setForm(next);
  }

  function replaceAnswers(next: SurveyAnswers) {
    answersRef.current = next;
    setAnswers(next);
  }

  // ---- progress: on the phone at once, on the server shortly after ----

  function cancelProgress() {
    if (progressTimer.current !== null) clearTimeout(progressTimer.current);
    progressTimer.current = null;
  }

  /** Sends the answers as progress now, if they changed; a failure leaves them for the next try. */
  function pushProgress() {
    cancelProgress();
    const value = tokenRef.current;
    if (!value || !unsynced.current) return;
    unsynced.current = false;
    const sent = answersRef.current;
    api.surveys.saveProgress(value, { answers: sent }).then(
      () => markSynced(value, sent),
      () => {
        if (answersRef.current === sent) unsynced.current = true;
      },
    );
  }

  function scheduleProgress() {
    cancelProgress();
    progressTimer.current = setTimeout(pushProgress, PROGRESS_DEBOUNCE_MS);
  }

  useDidHide(pushProgress);
  useUnload(pushProgress);

  // ---- opening ----

  async function open(value: string) {
    const run = ++opening.current;
    setScreen({ kind: 'loading' });
    setNotice(null);
    await ensureWechatLogin();
    if (run !== opening.current) return;
    if (!getAccessToken()) {
      setScreen({ kind: 'login' });
      return;
    }
    const draft = loadDraft(value);
    const queued = queuedSubmission(value);
    let opened: SurveyForm;
    let offline = false;
    try {
      opened = await api.surveys.open(value);
    } catch (error) {
      if (run !== opening.current) return;
      const failure = openFailure(error);
      switch (failure.kind) {
        case 'login':
          setScreen({ kind: 'login' });
          return;
        case 'expired':
          // As for a survey opened as expired: the server will take no answers, keep none on the phone.
          forgetSubmission(value);
          forgetDraft(value);
          showForm(draft?.form ?? null);
          setScreen({ kind: 'closed', reason: 'expired' });
          return;
        case 'error':
          setScreen({ kind: 'error', message: failure.message, retry: false });
          return;
      }
      if (queued?.state === 'pending') {
        showForm(draft?.form ?? null);
        setScreen(sendingScreen(queued));
        resend(value);
        return;
      }
      if (!draft?.form || closedReason(draft.form.status) !== null) {
        setScreen({ kind: 'error', message: failure.message, retry: true });
        return;
      }
      // No signal to open it, but the phone has the form from last time: answer on.
      opened = draft.form;
      offline = true;
    }
    if (run !== opening.current) return;

    const reason = closedReason(opened.status);
    if (reason !== null && !offline) {
      // Completed (the server has the answers) or expired: nothing on the phone is needed any more.
      forgetSubmission(value);
      forgetDraft(value);
      showForm(opened);
      setScreen({ kind: 'closed', reason });
      return;
    }
    if (!offline) rememberForm(opened);
    showForm(opened);
    setFromPhone(offline);

    if (queued?.state === 'pending') {
      setScreen(sendingScreen(queued));
      resend(value);
      return;
    }

    const restored = offline && draft ? draft.answers : restoreAnswers(opened.answers, draft);
    replaceAnswers(restored);
    const shown = visibleQuestions(opened.template.questions, restored);
    if (queued?.state === 'refused') {
      // The server refused the last submission: show why, at the question concerned.
      setErrors(queued.fieldErrors);
      setNotice(queued.lastError);
      setCurrentKey(firstErrorKey(shown, queued.fieldErrors) ?? draft?.currentKey ?? null);
      setScreen({ kind: 'question' });
    } else {
      setErrors({});
      setCurrentKey(draft?.currentKey ?? null);
      setScreen({ kind: 'intro' });
    }
    if (!offline && needsSync(draft)) {
      unsynced.current = true;
      pushProgress();
    }
  }

  useLoad((params: Record<string, string | undefined>) => {
    const value = readToken(params.token);
    tokenRef.current = value;
    setToken(value);
    if (!value) {
      setScreen({ kind: 'error', message: '问卷链接不完整，请从消息或“待评价问卷”重新打开。', retry: false });
      return;
    }
    void open(value);
  });

  // Logged in again from the prompt without leaving the page (H5 keeps it): open the survey.
  useEffect(() => {
    if (customer && screen.kind === 'login' && tokenRef.current) void open(tokenRef.current);
  }, [customer]);

  // ---- the submission ----

  /** Sends the queued submission now; its outcome arrives through the outbox listener. */
  function resend(value: string) {
    if (!sendSubmission(value)) void open(value);
  }

  function handleOutcome(outcome: SendOutcome) {
    const value = tokenRef.current;
    switch (outcome.kind) {
      case 'sent':
        forgetDraft(value);
        setScreen((previous) =>
          previous.kind === 'sending' || previous.kind === 'question' || previous.kind === 'intro'
            ? { kind: 'thanks', thanks: outcome.result.thanks || formRef.current?.template.thanks || '' }
            : previous,
        );
        return;
      case 'retry':
      case 'unauthenticated':
        setScreen((previous) =>
          previous.kind === 'sending'
            ? { ...previous, message: outcome.message, needsLogin: outcome.kind === 'unauthenticated' }
            : previous,
        );
        return;
      case 'closed':
        void open(value);
        return;
      case 'refused': {
        const shown = visibleQuestions(formRef.current?.template.questions ?? [], answersRef.current);
        setErrors(outcome.fieldErrors);
        setNotice(outcome.message);
        const key = firstErrorKey(shown, outcome.fieldErrors);
        if (key) setCurrentKey(key);
        setScreen((previous) => (previous.kind === 'sending' ? { kind: 'question' } : previous));
        return;
      }
    }
  }

  useEffect(
    () =>
      onOutboxOutcome((value, outcome) => {
        if (value === tokenRef.current) handleOutcome(outcome);
      }),
    // Subscribed once: it reads the latest state through refs.
    [],
  );

  // Shown again (back from the background, say): whatever waits on the phone goes out now.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void flushSurveyOutbox(true);
    shownOnce.current = true;
  });

  function submit() {
    const value = tokenRef.current;
    const currentForm = formRef.current;
    if (!currentForm) return;
    const result = validateAnswers(currentForm.template.questions, answersRef.current, 'final');
    if (!result.ok) {
      setErrors(result.errors);
      const key = firstErrorKey(visible, result.errors);
      if (key) goTo(key);
      else setNotice(Object.values(result.errors)[0] ?? null);
      void Taro.showToast({ title: '还有题目未完成', icon: 'none' });
      return;
    }
    cancelProgress();
    unsynced.current = false;
    setNotice(null);
    // On the phone first: from here on the answers survive a lost signal, a closed app, a crash.
    queueSubmission(value, result.answers, {
      title: currentForm.template.title,
      thanks: currentForm.template.thanks,
      expiresAt: currentForm.expiresAt,
    });
    saveDraft(value, { answers: answersRef.current, dirty: false });
    const queued = queuedSubmission(value);
    setScreen(queued ? sendingScreen(queued, null) : { kind: 'loading' });
    resend(value);
  }

  // ---- answering and moving ----

  function scrollTop() {
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }

  function goTo(key: string) {
    setCurrentKey(key);
    saveDraft(tokenRef.current, { currentKey: key });
    scrollTop();
  }

  function answer(key: string, value: AnswerValue | undefined) {
    const next = withAnswer(answersRef.current, key, value);
    replaceAnswers(next);
    saveDraft(tokenRef.current, { answers: next, currentKey: key, dirty: true });
    setErrors((previous) => {
      if (!(key in previous)) return previous;
      const rest = { ...previous };
      delete rest[key];
      return rest;
    });
    unsynced.current = true;
    scheduleProgress();
  }

  function start() {
    const first = visible[0];
    if (!first) return;
    // Back where the customer left off, else the first question.
    goTo(current && currentKey !== null ? current.key : first.key);
    setScreen({ kind: 'question' });
  }

  function next() {
    if (!current || !form) return;
    const check = validateAnswers(form.template.questions, answersRef.current, 'final');
    const error = check.ok ? undefined : check.errors[current.key];
    if (error) {
      setErrors((previous) => ({ ...previous, [current.key]: error }));
      return;
    }
    const key = nextQuestionKey(visible, current.key);
    if (key) goTo(key);
  }

  function back() {
    if (!current) return;
    const key = previousQuestionKey(visible, current.key);
    if (key) goTo(key);
    else {
      setScreen({ kind: 'intro' });
      scrollTop();
    }
  }

  // ---- render ----

  let content: ReactNode;
  switch (screen.kind) {
    case 'loading':
      content = (
        <View className={styles.loading}>
          <Loading type="circular">加载中…</Loading>
        </View>
      );
      break;
    case 'login':
      content = <LoginPrompt text="登录后填写满意度问卷" returnTo={surveyAnswerUrl(token)} />;
      break;
    case 'error':
      content = (
        <ErrorScreen message={screen.message} onRetry={screen.retry ? () => void open(token) : null} />
      );
      break;
    case 'closed':
      content = <ClosedScreen reason={screen.reason} form={form} />;
      break;
    case 'intro':
      content = form ? (
        <IntroScreen
          form={form}
          total={visible.length}
          answered={countAnswered(questions, answers)}
          onStart={start}
        />
      ) : (
        <View />
      );
      break;
    case 'question':
      content = current ? (
        <QuestionScreen
          question={current}
          value={answers[current.key]}
          error={errors[current.key] ?? null}
          notice={notice}
          fromPhone={fromPhone}
          position={progressOf(visible, current.key)}
          isFirst={previousQuestionKey(visible, current.key) === null}
          isLast={nextQuestionKey(visible, current.key) === null}
          onChange={(value) => answer(current.key, value)}
          onBack={back}
          onNext={next}
          onSubmit={submit}
        />
      ) : (
        <View />
      );
      break;
    case 'sending':
      content = (
        <SendingScreen
          title={screen.title}
          message={screen.message}
          needsLogin={screen.needsLogin}
          onRetry={() => resend(token)}
          onLogin={() => goLogin(surveyAnswerUrl(token))}
        />
      );
      break;
    case 'thanks':
      content = <ThanksScreen thanks={screen.thanks} />;
      break;
  }

  return (
    <View className={`${styles.page} survey-page`} data-testid="survey-page" data-screen={screen.kind}>
      {content}
    </View>
  );
}
