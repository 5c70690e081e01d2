import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import type { AnswerValue, SurveyForm, SurveyQuestion } from '@dealer-care/domain';
import { formatSlotStart } from '../../../../utils/datetime';
import { goHome, openPendingSurveys } from '../../../../utils/navigation';
import { QuestionControl } from '../../components/question-controls';
import styles from './index.module.scss';

/** About 15 seconds a question, at least a minute. */
function minutesFor(questions: number): number {
  return Math.max(1, Math.round((questions * 15) / 60));
}

interface IntroProps {
  form: SurveyForm;
  /** Questions shown for the answers so far. */
  total: number;
  answered: number;
  onStart: () => void;
}

/** The first screen: what is asked about, by whom, how long it takes. */
export function IntroScreen({ form, total, answered, onStart }: IntroProps) {
  const { template } = form;
  return (
    <View className={`${styles.intro} survey-intro`} data-testid="survey-intro">
      <Text className={`${styles.title} survey-title`}>{template.title}</Text>
      {template.intro ? <Text className={styles.introText}>{template.intro}</Text> : null}
      <View className={styles.facts}>
        <View className={styles.fact}>
          <Text className={styles.factLabel}>评价内容</Text>
          <Text className={`${styles.factValue} survey-subject`}>{form.subject}</Text>
        </View>
        <View className={styles.fact}>
          <Text className={styles.factLabel}>门店</Text>
          <Text className={`${styles.factValue} survey-store`}>{form.storeName}</Text>
        </View>
        {form.consultantName ? (
          <View className={styles.fact}>
            <Text className={styles.factLabel}>服务顾问</Text>
            <Text className={`${styles.factValue} survey-consultant`}>{form.consultantName}</Text>
          </View>
        ) : null}
        <View className={styles.fact}>
          <Text className={styles.factLabel}>题目</Text>
          <Text className={styles.factValue}>
            共 {total} 题，约 {minutesFor(total)} 分钟
          </Text>
        </View>
        <View className={styles.fact}>
          <Text className={styles.factLabel}>有效期至</Text>
          <Text className={styles.factValue}>{formatSlotStart(form.expiresAt)}</Text>
        </View>
      </View>
      {answered > 0 ? (
        <Text className={styles.resume}>
          已答 {answered}/{total} 题，答案已保存，可接着上次继续
        </Text>
      ) : null}
      <Button block type="primary" className="survey-start" data-testid="survey-start" onClick={onStart}>
        {answered > 0 ? '继续答题' : '开始评价'}
      </Button>
    </View>
  );
}

interface QuestionScreenProps {
  question: SurveyQuestion;
  value: AnswerValue | undefined;
  error: string | null;
  /** A message about the whole submission (the server refused it). */
  notice: string | null;
  /** The form came from the phone's copy: the network is too weak to open it. */
  fromPhone: boolean;
  position: { current: number; total: number; percent: number };
  isFirst: boolean;
  isLast: boolean;
  onChange: (value: AnswerValue | undefined) => void;
  onBack: () => void;
  onNext: () => void;
  onSubmit: () => void;
}

/** One question at a time: the progress bar, the question with its control, back and next (or submit). */
export function QuestionScreen(props: QuestionScreenProps) {
  const { question, position } = props;
  return (
    <>
      <View
        className={`${styles.progress} survey-progress`}
        data-testid="survey-progress"
        data-current={position.current}
        data-total={position.total}
      >
        <View className={styles.progressText}>
          <Text>
            第 {position.current} / {position.total} 题
          </Text>
          <Text>{position.percent}%</Text>
        </View>
        <View className={styles.bar}>
          <View className={styles.barFill} style={{ width: `${position.percent}%` }} />
        </View>
      </View>

      {props.fromPhone ? (
        <View className={`${styles.banner} survey-cached-banner`} data-testid="survey-cached-banner">
          <Text>网络不佳，正在使用手机上保存的问卷；您的答案会先保存在手机上。</Text>
        </View>
      ) : null}
      {props.notice ? (
        <View className={`${styles.alert} survey-notice`} data-testid="survey-notice">
          <Text>{props.notice}</Text>
        </View>
      ) : null}

      <View
        className={`${styles.card} survey-question`}
        data-testid="survey-question"
        data-key={question.key}
        data-type={question.type}
      >
        <View className={styles.questionHead}>
          <Text className={`${styles.questionTitle} survey-question-title`}>{question.title}</Text>
          {question.required || question.help?.includes('选填') ? null : (
            <Text className={styles.optional}>选填</Text>
          )}
        </View>
        {question.help ? <Text className={styles.help}>{question.help}</Text> : null}
        <QuestionControl question={question} value={props.value} onChange={props.onChange} />
        {props.error ? (
          <Text className={`${styles.error} survey-error`} data-testid="survey-error">
            {props.error}
          </Text>
        ) : null}
      </View>

      <View className={styles.nav}>
        <Button
          className={`${styles.navButton} survey-prev`}
          data-testid="survey-prev"
          onClick={props.onBack}
        >
          {props.isFirst ? '返回说明' : '上一题'}
        </Button>
        {props.isLast ? (
          <Button
            className={`${styles.navButton} survey-submit`}
            data-testid="survey-submit"
            type="primary"
            onClick={props.onSubmit}
          >
            提交问卷
          </Button>
        ) : (
          <Button
            className={`${styles.navButton} survey-next`}
            data-testid="survey-next"
            type="primary"
            onClick={props.onNext}
          >
            下一题
          </Button>
        )}
      </View>
    </>
  );
}

interface SendingProps {
  title: string;
  /** Why it has not gone yet (the network, a lost login); null while the first send runs. */
  message: string | null;
  needsLogin: boolean;
  onRetry: () => void;
  onLogin: () => void;
}

/** Submitted on the phone, not yet acknowledged by the server: says so, and keeps trying. */
export function SendingScreen({ title, message, needsLogin, onRetry, onLogin }: SendingProps) {
  return (
    <View className={`${styles.state} survey-sending`} data-testid="survey-sending">
      <Text className={styles.stateTitle}>{title || '满意度评价'}</Text>
      {message ? (
        <>
          <View className={`${styles.banner} survey-offline-banner`} data-testid="survey-offline-banner">
            <Text>{message}</Text>
          </View>
          <Text className={styles.stateMeta}>可以先离开此页面，答案不会丢失，也不会重复提交。</Text>
          {needsLogin ? (
            <Button block type="primary" onClick={onLogin}>
              去登录
            </Button>
          ) : (
            <Button
              block
              type="default"
              className="survey-retry"
              data-testid="survey-retry"
              onClick={onRetry}
            >
              立即重试
            </Button>
          )}
        </>
      ) : (
        <Loading type="circular">正在提交…</Loading>
      )}
    </View>
  );
}

function HomeButtons() {
  return (
    <View className={styles.stateActions}>
      <Button block type="primary" onClick={goHome}>
        返回首页
      </Button>
      <Button block type="default" className="survey-others" onClick={openPendingSurveys}>
        查看待评价问卷
      </Button>
    </View>
  );
}

/** After the server has the answers. */
export function ThanksScreen({ thanks }: { thanks: string }) {
  return (
    <View className={`${styles.state} survey-thanks`} data-testid="survey-thanks">
      <View className={styles.tick}>
        <Text>✓</Text>
      </View>
      <Text className={styles.stateTitle}>提交成功</Text>
      <Text className={`${styles.stateText} survey-thanks-text`}>{thanks || '感谢您的评价！'}</Text>
      <HomeButtons />
    </View>
  );
}

export type ClosedReason = 'completed' | 'expired' | 'unavailable';

/** A survey that cannot be answered (any more): completed, expired, or not sent. */
export function ClosedScreen({ reason, form }: { reason: ClosedReason; form: SurveyForm | null }) {
  const testId = `survey-${reason}`;
  return (
    <View className={`${styles.state} ${testId}`} data-testid={testId}>
      {reason === 'completed' ? (
        <>
          <View className={styles.tick}>
            <Text>✓</Text>
          </View>
          <Text className={styles.stateTitle}>您已完成本次评价</Text>
          <Text className={styles.stateText}>{form?.template.thanks || '感谢您的评价！'}</Text>
        </>
      ) : reason === 'expired' ? (
        <>
          <Text className={styles.stateTitle}>问卷已过期</Text>
          <Text className={styles.stateText}>
            {form ? `本问卷已于 ${formatSlotStart(form.expiresAt)} 截止，` : ''}感谢您的关注。
          </Text>
        </>
      ) : (
        <>
          <Text className={styles.stateTitle}>问卷暂不可填写</Text>
          <Text className={styles.stateText}>该问卷尚未开放或已停止收集。</Text>
        </>
      )}
      {form ? <Text className={styles.stateMeta}>{form.subject}</Text> : null}
      <HomeButtons />
    </View>
  );
}

/** The survey could not be opened. */
export function ErrorScreen({ message, onRetry }: { message: string; onRetry: (() => void) | null }) {
  return (
    <View className={`${styles.state} survey-open-error`} data-testid="survey-open-error">
      <Text className={styles.stateText}>{message}</Text>
      {onRetry ? (
        <Button block type="primary" onClick={onRetry}>
          重试
        </Button>
      ) : null}
      <Button block type="default" onClick={goHome}>
        返回首页
      </Button>
    </View>
  );
}
