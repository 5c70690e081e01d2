import { Text, View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import type { AnswerValue, ChoiceQuestion, SurveyQuestion } from '@dealer-care/domain';
import { textLength, toggleOption } from '../logic/survey-form';
import styles from './question-controls.module.scss';

/** What each number of stars means, read out under the row. */
export const STAR_LABEL_ZH: Record<number, string> = {
  1: '非常不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '非常满意',
};

const STARS = [1, 2, 3, 4, 5];
const NPS_ROWS = [
  [0, 1, 2, 3, 4, 5],
  [6, 7, 8, 9, 10],
];

interface ControlProps<V extends AnswerValue> {
  value: V | undefined;
  onChange: (value: V | undefined) => void;
}

/** Five stars, each a thumb-sized target (`survey-star-<n>`); the chosen one says what it means. */
export function StarRating({ value, onChange }: ControlProps<number>) {
  return (
    <View className={`${styles.stars} survey-stars`} data-testid="survey-stars" data-value={value ?? ''}>
      <View className={styles.starRow}>
        {STARS.map((n) => {
          const on = value !== undefined && n <= value;
          return (
            <View
              key={n}
              className={`${styles.star} ${on ? styles.starOn : ''} survey-star survey-star-${n} ${
                value === n ? 'survey-star--selected' : ''
              }`}
              data-testid={`survey-star-${n}`}
              data-value={n}
              aria-label={`${n} 星 ${STAR_LABEL_ZH[n]}`}
              onClick={() => onChange(n)}
            >
              <Text>★</Text>
            </View>
          );
        })}
      </View>
      <Text className={styles.starLabel}>
        {value ? `${value} 星 · ${STAR_LABEL_ZH[value]}` : '请点击星星评分'}
      </Text>
    </View>
  );
}

/** 0–10 as two rows of large keys (`survey-nps-<n>`), with what the two ends mean. */
export function NpsScale({ value, onChange }: ControlProps<number>) {
  return (
    <View className={`${styles.nps} survey-nps`} data-testid="survey-nps" data-value={value ?? ''}>
      {NPS_ROWS.map((row) => (
        <View key={row[0]} className={styles.npsRow}>
          {row.map((n) => (
            <View
              key={n}
              className={`${styles.npsKey} ${value === n ? styles.npsKeyOn : ''} survey-nps-key survey-nps-${n} ${
                value === n ? 'survey-nps--selected' : ''
              }`}
              data-testid={`survey-nps-${n}`}
              data-value={n}
              onClick={() => onChange(n)}
            >
              <Text>{n}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className={styles.npsEnds}>
        <Text>0 = 不可能推荐</Text>
        <Text>10 = 非常愿意推荐</Text>
      </View>
    </View>
  );
}

interface ChoiceProps {
  question: ChoiceQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

/** Single or multiple choice as large rows (`survey-option-<value>`); a second tap unticks. */
export function ChoiceList({ question, value, onChange }: ChoiceProps) {
  const multi = question.type === 'multi_choice';
  const order = question.options.map((option) => option.value);
  const isOn = (option: string) =>
    multi ? Array.isArray(value) && value.includes(option) : value === option;
  return (
    <View className={styles.options} data-testid="survey-options">
      {multi && !question.title.includes('多选') ? <Text className={styles.multiHint}>可多选</Text> : null}
      {question.options.map((option) => {
        const on = isOn(option.value);
        return (
          <View
            key={option.value}
            className={`${styles.option} ${on ? styles.optionOn : ''} survey-option survey-option-${option.value} ${
              on ? 'survey-option--selected' : ''
            }`}
            data-testid={`survey-option-${option.value}`}
            data-value={option.value}
            data-selected={on ? 'true' : 'false'}
            onClick={() =>
              onChange(multi ? toggleOption(value, option.value, order) : on ? undefined : option.value)
            }
          >
            <View className={`${multi ? styles.box : styles.radio} ${on ? styles.markOn : ''}`}>
              {on ? <Text>{multi ? '✓' : ''}</Text> : null}
            </View>
            <Text className={styles.optionLabel}>{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

interface TextProps extends ControlProps<string> {
  maxLength: number;
}

/** Free text with its character count (the server counts the same way). */
export function TextAnswer({ value, onChange, maxLength }: TextProps) {
  const text = typeof value === 'string' ? value : '';
  return (
    <View className={styles.text}>
      <TextArea
        className={`${styles.textarea} survey-text`}
        value={text}
        placeholder="请输入您的意见或建议"
        maxLength={maxLength}
        autoSize
        onChange={(next) => onChange(next)}
      />
      <Text className={`${styles.count} survey-text-count`} data-testid="survey-text-count">
        {textLength(text)}/{maxLength}
      </Text>
    </View>
  );
}

interface QuestionControlProps {
  question: SurveyQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

/** The control for the question's type. */
export function QuestionControl({ question, value, onChange }: QuestionControlProps) {
  switch (question.type) {
    case 'rating':
      return <StarRating value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
    case 'nps':
      return <NpsScale value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
    case 'single_choice':
    case 'multi_choice':
      return <ChoiceList question={question} value={value} onChange={onChange} />;
    case 'text':
      return (
        <TextAnswer
          value={typeof value === 'string' ? value : undefined}
          maxLength={question.maxLength}
          onChange={onChange}
        />
      );
  }
}
