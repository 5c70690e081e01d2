import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  OUTCOME_MEASURES,
  QUESTION_TYPES,
  QUESTION_TYPE_LABEL_ZH,
  SURVEY_KIND_LABEL_ZH,
  SURVEY_TEMPLATE_LIMITS as LIMITS,
  validateTemplateContent,
  type LowScoreRule,
  type QuestionType,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyTemplate,
  type SurveyTemplateContent,
} from '@dealer-care/domain';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useMemo, useReducer, useState, type Dispatch, type ReactNode } from 'react';
import { useFeedback } from '../../components/feedback';
import { problemOf, problemText } from '../../errors';
import { useCreateTemplateVersion } from './queries';
import {
  OUTCOME_MEASURE_LABEL_ZH,
  RULE_DEFAULTS,
  conditionSources,
  conditionValues,
  editorReducer,
  errorsUnder,
  factorShares,
  pathLabel,
  sameContent,
  toSavedContent,
  type EditorAction,
} from './template-editor';

interface Props {
  kind: SurveyKind;
  base: SurveyTemplateContent;
  /** The version the copy was made from; null when starting from the default template. */
  fromVersion: number | null;
  onCancel: () => void;
  onSaved: (saved: SurveyTemplate) => void;
}

type Errors = Record<string, string>;

/** Edits a copy of a version; saving creates the next version and makes it the one in use. */
export function TemplateEditor({ kind, base, fromVersion, onCancel, onSaved }: Props) {
  const { message } = useFeedback();
  const save = useCreateTemplateVersion();
  const [draft, rawDispatch] = useReducer(editorReducer, base);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const localErrors = useMemo(() => validateTemplateContent(draft), [draft]);
  const errors: Errors = { ...serverErrors, ...localErrors };
  const errorCount = Object.keys(errors).length;
  const dirty = !sameContent(draft, base);

  const dispatch: Dispatch<EditorAction> = (action) => {
    setServerErrors({});
    setFailure(null);
    rawDispatch(action);
  };

  const submit = () => {
    if (Object.keys(localErrors).length > 0) {
      message.error(`还有 ${Object.keys(localErrors).length} 处需要修改`);
      return;
    }
    save.mutate(
      { kind, content: toSavedContent(draft) },
      {
        onSuccess: (saved) => {
          message.success(`已保存为第 ${saved.version} 版，之后发出的问卷将使用新版本`);
          onSaved(saved);
        },
        onError: (error) => {
          const fields = Object.fromEntries((problemOf(error).errors ?? []).map((e) => [e.field, e.message]));
          setServerErrors(fields);
          setFailure(Object.keys(fields).length > 0 ? null : error);
        },
      },
    );
  };

  return (
    <Form layout="vertical" component="div" data-testid="template-editor">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          正在修改 {SURVEY_KIND_LABEL_ZH[kind]}
          {fromVersion === null ? '（从默认模板开始）' : `（基于第 ${fromVersion} 版）`}
          。保存后成为新版本，原版本保持不变。
        </Typography.Text>
        <BasicsCard draft={draft} errors={errors} dispatch={dispatch} />
        <FactorsCard draft={draft} errors={errors} dispatch={dispatch} />
        <QuestionsCard draft={draft} errors={errors} dispatch={dispatch} />
        <RuleCard rule={draft.lowScoreRule} errors={errors} dispatch={dispatch} />
        {errorCount > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="template-errors"
            title={`还有 ${errorCount} 处需要修改`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {Object.entries(errors)
                  .slice(0, 12)
                  .map(([path, text]) => (
                    <li key={path}>
                      {pathLabel(path)}：{text}
                    </li>
                  ))}
              </ul>
            }
          />
        )}
        {failure ? <Alert type="error" showIcon title={problemText(failure)} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel} disabled={save.isPending}>
            放弃修改
          </Button>
          <Button
            type="primary"
            data-testid="template-save"
            disabled={(!dirty && fromVersion !== null) || save.isPending}
            loading={save.isPending}
            onClick={submit}
          >
            保存为新版本
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

interface SectionProps {
  draft: SurveyTemplateContent;
  errors: Errors;
  dispatch: Dispatch<EditorAction>;
}

/** A labelled control with the error at its path shown under it. */
function Field(props: {
  label: ReactNode;
  path: string;
  errors: Errors;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const error = props.errors[props.path];
  return (
    <Form.Item
      label={props.label}
      validateStatus={error ? 'error' : undefined}
      help={error}
      extra={props.extra}
      style={{ marginBottom: 12 }}
    >
      {props.children}
    </Form.Item>
  );
}

/** Small red text under a control that has no Form.Item of its own to show its error. */
function InlineError({ text }: { text: string | undefined }) {
  return text ? (
    <Typography.Text type="danger" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  ) : null;
}

const QUESTION_TYPE_OPTIONS = QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABEL_ZH[t] }));

/** The template's own texts: the title on one line, the opening and closing words as short paragraphs. */
const TEXT_FIELDS: Array<{
  field: 'title' | 'intro' | 'thanks';
  label: string;
  maxLength: number;
  extra?: string;
}> = [
  { field: 'title', label: '标题', maxLength: LIMITS.titleMax },
  {
    field: 'intro',
    label: '开场说明',
    maxLength: LIMITS.introMax,
    extra: '告诉客户为什么请他填写、大约需要多久',
  },
  { field: 'thanks', label: '结束语', maxLength: LIMITS.thanksMax },
];

function BasicsCard({ draft, errors, dispatch }: SectionProps) {
  return (
    <Card size="small" title="基本信息">
      {TEXT_FIELDS.map(({ field, label, maxLength, extra }) => {
        const input = {
          'data-testid': `template-${field}`,
          value: draft[field],
          maxLength,
          showCount: true,
          onChange: (e: { target: { value: string } }) =>
            dispatch({ type: 'text', field, value: e.target.value }),
        };
        return (
          <Field key={field} label={label} path={field} errors={errors} extra={extra}>
            {field === 'title' ? <Input {...input} /> : <Input.TextArea rows={2} {...input} />}
          </Field>
        );
      })}
    </Card>
  );
}

function FactorsCard({ draft, errors, dispatch }: SectionProps) {
  const shares = factorShares(draft.factors);
  return (
    <Card
      size="small"
      title="评分维度"
      extra={<Typography.Text type="secondary">权重按比例换算为指数的占比，不必合计 100</Typography.Text>}
    >
      <Flex vertical gap={4}>
        {errors.factors && <Typography.Text type="danger">{errors.factors}</Typography.Text>}
        {draft.factors.map((factor, index) => {
          const at = `factors.${index}`;
          return (
            <Row key={index} gutter={8} align="top" data-testid={`template-factor-${index}`}>
              <Col xs={24} sm={7}>
                <Field label={index === 0 ? '名称' : undefined} path={`${at}.label`} errors={errors}>
                  <Input
                    aria-label={`维度 ${index + 1} 名称`}
                    value={factor.label}
                    maxLength={LIMITS.titleMax}
                    onChange={(e) =>
                      dispatch({ type: 'updateFactor', index, patch: { label: e.target.value } })
                    }
                  />
                </Field>
              </Col>
              <Col xs={24} sm={6}>
                <Field label={index === 0 ? '编码' : undefined} path={`${at}.key`} errors={errors}>
                  <Input
                    aria-label={`维度 ${index + 1} 编码`}
                    value={factor.key}
                    style={{ fontFamily: 'monospace' }}
                    onChange={(e) =>
                      dispatch({ type: 'updateFactor', index, patch: { key: e.target.value } })
                    }
                  />
                </Field>
              </Col>
              <Col xs={12} sm={5}>
                <Field label={index === 0 ? '权重' : undefined} path={`${at}.weight`} errors={errors}>
                  <InputNumber<number>
                    aria-label={`维度 ${index + 1} 权重`}
                    min={0}
                    max={100}
                    step={1}
                    value={factor.weight}
                    style={{ width: '100%' }}
                    onChange={(value) =>
                      dispatch({ type: 'updateFactor', index, patch: { weight: value ?? 0 } })
                    }
                  />
                </Field>
              </Col>
              <Col xs={8} sm={4}>
                <Form.Item label={index === 0 ? '占指数' : undefined} style={{ marginBottom: 12 }}>
                  <Typography.Text type="secondary">{shares[index]}%</Typography.Text>
                </Form.Item>
              </Col>
              <Col xs={4} sm={2}>
                <Form.Item label={index === 0 ? ' ' : undefined} style={{ marginBottom: 12 }}>
                  <Button
                    aria-label={`删除维度 ${index + 1}`}
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => dispatch({ type: 'removeFactor', index })}
                  />
                </Form.Item>
              </Col>
            </Row>
          );
        })}
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          disabled={draft.factors.length >= LIMITS.maxFactors}
          onClick={() => dispatch({ type: 'addFactor' })}
        >
          添加维度
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          删除维度后，原属于它的评分题不再计入指数，请为它们重新选择维度。
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function QuestionsCard({ draft, errors, dispatch }: SectionProps) {
  const [newType, setNewType] = useState<QuestionType>('rating');
  return (
    <Card
      size="small"
      title={`题目（${draft.questions.length}）`}
      extra={
        <Space.Compact>
          <Select<QuestionType>
            aria-label="新题题型"
            style={{ width: 160 }}
            value={newType}
            onChange={setNewType}
            options={QUESTION_TYPE_OPTIONS}
          />
          <Button
            icon={<PlusOutlined />}
            data-testid="template-add-question"
            disabled={draft.questions.length >= LIMITS.maxQuestions}
            onClick={() => dispatch({ type: 'addQuestion', questionType: newType })}
          >
            添加题目
          </Button>
        </Space.Compact>
      }
    >
      <Flex vertical gap={12}>
        {errors.questions && <Typography.Text type="danger">{errors.questions}</Typography.Text>}
        {draft.questions.map((question, index) => (
          <QuestionEditor
            key={index}
            index={index}
            question={question}
            draft={draft}
            errors={errors}
            dispatch={dispatch}
          />
        ))}
      </Flex>
    </Card>
  );
}

function QuestionEditor(props: SectionProps & { index: number; question: SurveyQuestion }) {
  const { index, question: q, draft, errors, dispatch } = props;
  const at = `questions.${index}`;
  const problems = errorsUnder(errors, at).length;
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`template-question-${index}`}
      title={
        <Badge count={problems} size="small" offset={[10, 0]} color="orange">
          <span>
            第 {index + 1} 题 · {QUESTION_TYPE_LABEL_ZH[q.type]}
          </span>
        </Badge>
      }
      extra={
        <Space size={4}>
          <Button
            size="small"
            aria-label="上移"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => dispatch({ type: 'moveQuestion', index, delta: -1 })}
          />
          <Button
            size="small"
            aria-label="下移"
            icon={<ArrowDownOutlined />}
            disabled={index === draft.questions.length - 1}
            onClick={() => dispatch({ type: 'moveQuestion', index, delta: 1 })}
          />
          <Button
            size="small"
            aria-label="删除题目"
            danger
            icon={<DeleteOutlined />}
            onClick={() => dispatch({ type: 'removeQuestion', index })}
          />
        </Space>
      }
    >
      <Row gutter={8}>
        <Col xs={24} sm={8}>
          <Field label="题型" path={`${at}.type`} errors={errors}>
            <Select<QuestionType>
              aria-label="题型"
              value={q.type}
              onChange={(questionType) => dispatch({ type: 'changeQuestionType', index, questionType })}
              options={QUESTION_TYPE_OPTIONS}
            />
          </Field>
        </Col>
        <Col xs={24} sm={8}>
          <Field
            label="编码"
            path={`${at}.key`}
            errors={errors}
            extra="答案按编码保存，已使用的编码不要改作他用"
          >
            <Input
              aria-label="题目编码"
              value={q.key}
              style={{ fontFamily: 'monospace' }}
              onChange={(e) => dispatch({ type: 'updateQuestion', index, patch: { key: e.target.value } })}
            />
          </Field>
        </Col>
        <Col xs={24} sm={8}>
          <Field label="必答" path={`${at}.required`} errors={errors}>
            <Switch
              aria-label="必答"
              checked={q.required}
              onChange={(required) => dispatch({ type: 'updateQuestion', index, patch: { required } })}
            />
          </Field>
        </Col>
      </Row>
      <Field label="题目" path={`${at}.title`} errors={errors}>
        <Input
          aria-label="题目"
          data-testid={`template-question-title-${index}`}
          value={q.title}
          maxLength={LIMITS.questionTitleMax}
          showCount
          onChange={(e) => dispatch({ type: 'updateQuestion', index, patch: { title: e.target.value } })}
        />
      </Field>
      <Field label="提示（选填）" path={`${at}.help`} errors={errors}>
        <Input
          aria-label="提示"
          value={q.help ?? ''}
          maxLength={LIMITS.helpMax}
          onChange={(e) => dispatch({ type: 'updateQuestion', index, patch: { help: e.target.value } })}
        />
      </Field>
      <TypeFields {...props} />
      <ConditionField {...props} />
    </Card>
  );
}

/** What only some types have: factor and weight, options, length. */
function TypeFields(props: SectionProps & { index: number; question: SurveyQuestion }) {
  const { index, question: q, draft, errors, dispatch } = props;
  const at = `questions.${index}`;
  if (q.type === 'rating') {
    return (
      <Row gutter={8}>
        <Col xs={24} sm={10}>
          <Field label="所属维度" path={`${at}.factor`} errors={errors}>
            <Select<string>
              aria-label="所属维度"
              value={q.factor ?? ''}
              onChange={(value) =>
                dispatch({ type: 'updateQuestion', index, patch: { factor: value || null } })
              }
              options={[
                ...draft.factors.map((f) => ({ value: f.key, label: f.label || f.key })),
                { value: '', label: '不计入指数（结果题）' },
              ]}
            />
          </Field>
        </Col>
        <Col xs={12} sm={6}>
          <Field label="题内权重" path={`${at}.weight`} errors={errors} extra="默认 1">
            <InputNumber<number>
              aria-label="题内权重"
              min={0}
              max={100}
              placeholder="1"
              value={q.weight ?? null}
              style={{ width: '100%' }}
              disabled={q.factor === null}
              onChange={(value) =>
                dispatch({
                  type: 'updateQuestion',
                  index,
                  patch: { weight: value === null ? undefined : value },
                })
              }
            />
          </Field>
        </Col>
        <Col xs={12} sm={8}>
          <Field label="结果指标" path={`${at}.measure`} errors={errors}>
            <Select<string>
              aria-label="结果指标"
              value={q.measure ?? ''}
              onChange={(value) =>
                dispatch({
                  type: 'updateQuestion',
                  index,
                  patch: { measure: value ? (value as (typeof OUTCOME_MEASURES)[number]) : undefined },
                })
              }
              options={[
                { value: '', label: '无' },
                ...OUTCOME_MEASURES.map((m) => ({ value: m, label: OUTCOME_MEASURE_LABEL_ZH[m] })),
              ]}
            />
          </Field>
        </Col>
      </Row>
    );
  }
  if (q.type === 'single_choice' || q.type === 'multi_choice') {
    return (
      <Field label="选项" path={`${at}.options`} errors={errors}>
        <Flex vertical gap={4}>
          {q.options.map((option, o) => {
            const op = `${at}.options.${o}`;
            const error = errors[`${op}.label`] ?? errors[`${op}.value`] ?? errors[op];
            return (
              <Flex key={o} vertical gap={2}>
                <Flex gap={6}>
                  <Input
                    aria-label={`选项 ${o + 1}`}
                    placeholder={`选项 ${o + 1}`}
                    value={option.label}
                    maxLength={LIMITS.optionLabelMax}
                    status={errors[`${op}.label`] ? 'error' : undefined}
                    onChange={(e) =>
                      dispatch({ type: 'updateOption', index, option: o, patch: { label: e.target.value } })
                    }
                  />
                  <Input
                    aria-label={`选项 ${o + 1} 编码`}
                    value={option.value}
                    style={{ width: 140, fontFamily: 'monospace' }}
                    status={errors[`${op}.value`] ? 'error' : undefined}
                    onChange={(e) =>
                      dispatch({ type: 'updateOption', index, option: o, patch: { value: e.target.value } })
                    }
                  />
                  <Button
                    aria-label={`删除选项 ${o + 1}`}
                    icon={<DeleteOutlined />}
                    disabled={q.options.length <= 2}
                    onClick={() => dispatch({ type: 'removeOption', index, option: o })}
                  />
                </Flex>
                <InlineError text={error} />
              </Flex>
            );
          })}
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            disabled={q.options.length >= LIMITS.maxOptions}
            onClick={() => dispatch({ type: 'addOption', index })}
            style={{ alignSelf: 'flex-start' }}
          >
            添加选项
          </Button>
        </Flex>
      </Field>
    );
  }
  if (q.type === 'text') {
    return (
      <Field label="字数上限" path={`${at}.maxLength`} errors={errors}>
        <InputNumber<number>
          aria-label="字数上限"
          min={1}
          max={LIMITS.textMaxLength}
          value={q.maxLength}
          onChange={(value) => dispatch({ type: 'updateQuestion', index, patch: { maxLength: value ?? 1 } })}
        />
      </Field>
    );
  }
  return null;
}

/** 当…时显示: the question appears only after an earlier answer matches. */
function ConditionField(props: SectionProps & { index: number; question: SurveyQuestion }) {
  const { index, question: q, draft, errors, dispatch } = props;
  const at = `questions.${index}`;
  const sources = conditionSources(draft.questions, index);
  const source = q.showIf ? draft.questions.find((s) => s.key === q.showIf!.question) : undefined;
  const error = errors[`${at}.showIf.question`] ?? errors[`${at}.showIf.anyOf`] ?? errors[`${at}.showIf`];
  return (
    <Form.Item
      label="显示条件"
      validateStatus={error ? 'error' : undefined}
      help={error}
      style={{ marginBottom: 0 }}
    >
      <Flex gap={8} wrap align="center">
        <Switch
          aria-label="有条件显示"
          data-testid={`template-condition-${index}`}
          checked={q.showIf !== undefined}
          disabled={sources.length === 0 && q.showIf === undefined}
          onChange={(on) =>
            dispatch({
              type: 'setShowIf',
              index,
              showIf:
                on && sources[sources.length - 1]
                  ? { question: sources[sources.length - 1]!.key, anyOf: [] }
                  : null,
            })
          }
        />
        {q.showIf === undefined ? (
          <Typography.Text type="secondary">
            {sources.length === 0 ? '总是显示（前面没有可作为条件的题目）' : '总是显示'}
          </Typography.Text>
        ) : (
          <>
            <Typography.Text>当</Typography.Text>
            <Select<string>
              aria-label="条件题目"
              style={{ minWidth: 200 }}
              value={q.showIf.question}
              onChange={(question) => dispatch({ type: 'setShowIf', index, showIf: { question, anyOf: [] } })}
              options={sources.map((s) => ({ value: s.key, label: s.title || s.key }))}
            />
            <Typography.Text>{source?.type === 'multi_choice' ? '选了' : '为'}</Typography.Text>
            <Select<Array<string | number>>
              aria-label="条件取值"
              mode="multiple"
              style={{ minWidth: 200 }}
              placeholder="选择取值"
              value={q.showIf.anyOf}
              onChange={(anyOf) =>
                dispatch({ type: 'setShowIf', index, showIf: { question: q.showIf!.question, anyOf } })
              }
              options={source ? conditionValues(source) : []}
            />
            <Typography.Text>时显示</Typography.Text>
          </>
        )}
      </Flex>
    </Form.Item>
  );
}

const RULE_PARTS: Array<{
  part: keyof LowScoreRule;
  before: string;
  after: string;
  min: number;
  max: number;
}> = [
  { part: 'factorBelow', before: '任一维度得分低于', after: '分（0–100）', min: 0, max: 100 },
  { part: 'overallAtMost', before: '整体满意度不高于', after: '星（1–5）', min: 1, max: 5 },
  { part: 'npsAtMost', before: '推荐意愿不高于', after: '分（0–10）', min: 0, max: 10 },
];

function RuleCard({
  rule,
  errors,
  dispatch,
}: {
  rule: LowScoreRule;
  errors: Errors;
  dispatch: Dispatch<EditorAction>;
}) {
  return (
    <Card
      size="small"
      title="低分规则"
      extra={<Typography.Text type="secondary">满足任一条即为低分，自动生成回访任务</Typography.Text>}
    >
      <Flex vertical gap={8}>
        {RULE_PARTS.map(({ part, before, after, min, max }) => {
          const value = rule[part];
          const error = errors[`lowScoreRule.${part}`];
          return (
            <Flex key={part} vertical gap={2}>
              <Flex gap={8} align="center" wrap>
                <Switch
                  aria-label={`${before}（启用）`}
                  checked={value !== null}
                  onChange={(on) =>
                    dispatch({ type: 'setRule', part, value: on ? RULE_DEFAULTS[part] : null })
                  }
                />
                <Typography.Text type={value === null ? 'secondary' : undefined}>{before}</Typography.Text>
                <InputNumber<number>
                  aria-label={before}
                  data-testid={`template-rule-${part}`}
                  min={min}
                  max={max}
                  disabled={value === null}
                  value={value}
                  status={error ? 'error' : undefined}
                  onChange={(next) => dispatch({ type: 'setRule', part, value: next ?? RULE_DEFAULTS[part] })}
                />
                <Typography.Text type={value === null ? 'secondary' : undefined}>{after}</Typography.Text>
              </Flex>
              <InlineError text={error} />
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
