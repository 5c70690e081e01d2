import { useEffect } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SURVEY_KIND_LABEL_ZH, type PendingSurvey } from '@dealer-care/domain';
import AsyncState from '../../../../components/async-state';
import PromptPanel, { LoginPrompt } from '../../../../components/prompt-panel';
import { useCustomerList } from '../../../../hooks/use-customer-list';
import { api } from '../../../../services/api';
import { prepareSubscription, requestSubscription } from '../../../../services/subscribe';
import { flushSurveyOutbox, queuedSubmission } from '../../../../services/survey-outbox';
import { formatSlotStart } from '../../../../utils/datetime';
import { openSurvey, PENDING_SURVEYS_PAGE } from '../../../../utils/navigation';
import styles from './index.module.scss';

/** Those closest to expiring first. */
async function fetchPending(): Promise<PendingSurvey[]> {
  const data = await api.surveys.pending();
  return [...data].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}

/** Survey invitations and reminders are asked for once per app session, on the first survey opened. */
let askedThisSession = false;
let opening = false;

/**
 * Opens a survey; the first time, WeChat's subscription prompt is asked first (inside the tap) and
 * the survey opens once it is answered, whatever the answer.
 */
function open(token: string): void {
  if (askedThisSession) {
    openSurvey(token);
    return;
  }
  if (opening) return; // a second tap while the prompt is up
  opening = true;
  void requestSubscription('survey').then((outcome) => {
    opening = false;
    if (outcome !== 'skipped') askedThisSession = true;
    openSurvey(token);
  });
}

function SurveyCard({ survey }: { survey: PendingSurvey }) {
  // Answered and submitted on this phone, not yet acknowledged by the server.
  const queued = queuedSubmission(survey.token);
  const started = survey.status === 'started' && survey.answeredCount > 0;
  return (
    <View
      className={`${styles.card} pending-survey-item`}
      data-testid="pending-survey-item"
      data-token={survey.token}
      data-kind={survey.kind}
      data-status={queued ? 'queued' : survey.status}
      onClick={() => open(survey.token)}
    >
      <View className={styles.head}>
        <Text className={styles.model}>{survey.title || SURVEY_KIND_LABEL_ZH[survey.kind]}</Text>
        <Text className={queued ? styles.queued : started ? styles.started : styles.fresh}>
          {queued ? '待上传' : started ? `已答 ${survey.answeredCount}/${survey.questionCount}` : '待填写'}
        </Text>
      </View>
      <Text className={styles.subject}>{survey.subject}</Text>
      <Text className={styles.store}>{survey.storeName}</Text>
      {queued ? <Text className={styles.queuedNote}>答案已保存在手机上，恢复网络后将自动提交</Text> : null}
      <View className={styles.foot}>
        <Text className={styles.reference}>{formatSlotStart(survey.expiresAt)} 前有效</Text>
        <Text className={styles.go}>{queued ? '查看 ›' : started ? '继续填写 ›' : '去评价 ›'}</Text>
      </View>
    </View>
  );
}

export default function PendingSurveysPage() {
  // Refreshed when shown again (back from answering one) and on pull-down.
  const { customer, list, reload, sessionLost } = useCustomerList(fetchPending);
  const loggedIn = customer !== null;

  // The template ids are fetched ahead, so opening a survey can ask for the messages at once.
  useEffect(() => {
    if (loggedIn) prepareSubscription('survey');
  }, [loggedIn]);

  // Answers waiting on the phone go out whenever the list is shown.
  useDidShow(() => {
    void flushSurveyOutbox(true);
  });

  if (!customer || sessionLost) {
    return (
      <View className={styles.page}>
        <LoginPrompt text="登录后查看待评价的问卷" returnTo={PENDING_SURVEYS_PAGE} />
      </View>
    );
  }

  if (list.status === 'ready' && list.data.length === 0) {
    return (
      <View className={styles.page}>
        <PromptPanel
          text="暂无待评价问卷"
          hint="试驾、交车等服务完成后，我们会邀请您评价，您的意见将帮助门店改进服务。"
          testId="no-surveys"
        />
      </View>
    );
  }

  return (
    <View className={styles.page}>
      <AsyncState state={list} onRetry={() => void reload(true)} emptyText="暂无待评价问卷">
        {(items) => items.map((survey) => <SurveyCard key={survey.token} survey={survey} />)}
      </AsyncState>
    </View>
  );
}
