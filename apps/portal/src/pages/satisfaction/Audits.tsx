import { InfoCircleOutlined } from '@ant-design/icons';
import {
  scoreAudit,
  validateAuditMarks,
  type AuditMarks,
  type AuditTemplate,
  type ProcessAudit,
} from '@dealer-care/domain';
import {
  Affix,
  Alert,
  Button,
  Card,
  Col,
  Divider,
  Empty,
  Flex,
  Form,
  Input,
  Progress,
  Radio,
  Row,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useFeedback } from '../../components/feedback';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import { problemText } from '../../errors';
import { useStaffUsers } from '../deliveries/queries';
import { localDateTime } from '../test-drives/time';
import {
  AUDITOR_KIND_LABEL_ZH,
  MARK_CHOICE_LABEL_ZH,
  auditWeights,
  choiceOf,
  consultantChoices,
  groupKey,
  markProgress,
  publishedText,
  setGroupMarks,
  setMark,
  toCreateAuditRequest,
  weightNote,
  weightText,
  type AuditFormValues,
  type AuditWeights,
  type MarkChoice,
} from './audit-form';
import type { SatisfactionContext } from './context';
import { scoreText } from './format';
import { useAuditTemplate, useCreateAudit, useProcessAudits } from './queries';

/** 过程检核: a manager or mystery shopper checks a consultant against the sales standard. */
export function Audits({ context }: { context: SatisfactionContext }) {
  const template = useAuditTemplate();
  const users = useStaffUsers(context.staff.role);
  const storeNames = useMemo(() => new Map(context.stores.map((s) => [s.id, s.name])), [context.stores]);
  const consultants = consultantChoices(users.data ?? [], storeNames).filter(
    (c) => context.filters.storeId === null || c.storeId === context.filters.storeId,
  );

  if (template.isPending) return <QueryLoading />;
  if (template.isError) return <QueryFailed error={template.error} onRetry={() => void template.refetch()} />;

  return (
    <Flex vertical gap={16}>
      <AuditSheet
        key={`${template.data.key}-${template.data.version}`}
        template={template.data}
        consultants={consultants}
        consultantsLoading={users.isPending}
      />
      <AuditHistory context={context} consultants={consultants} />
    </Flex>
  );
}

type ConsultantChoice = ReturnType<typeof consultantChoices>[number];

function AuditSheet(props: {
  template: AuditTemplate;
  consultants: ConsultantChoice[];
  consultantsLoading: boolean;
}) {
  const { template, consultants } = props;
  const { message } = useFeedback();
  const [form] = Form.useForm<AuditFormValues>();
  const [marks, setMarks] = useState<AuditMarks>({});
  const [marksError, setMarksError] = useState<string | null>(null);
  const create = useCreateAudit();
  const weights = useMemo(() => auditWeights(template), [template]);
  const score = scoreAudit(template, marks);
  const progress = markProgress(template, marks);
  const stepScore = new Map(score.steps.map((s) => [s.key, s.score]));

  const change = (next: AuditMarks) => {
    setMarks(next);
    setMarksError(null);
  };

  const submit = () =>
    void form.validateFields().then(
      (values) => {
        const problems = validateAuditMarks(template, marks);
        if (Object.keys(problems).length > 0) {
          setMarksError(problems.marks ?? Object.values(problems)[0] ?? '请检查检核结果');
          return;
        }
        const consultant = consultants.find((c) => c.value === values.consultantId);
        if (!consultant) return;
        create.mutate(
          { storeId: consultant.storeId, body: toCreateAuditRequest(values, marks) },
          {
            onSuccess: (audit) => {
              message.success(
                `已保存 ${audit.consultant.name} 的过程检核，得分 ${scoreText(audit.score.total)}`,
              );
              setMarks({});
              form.resetFields(['note']);
            },
          },
        );
      },
      () => undefined,
    );

  const weightNotes = [...Object.values(weights.steps), ...Object.values(weights.groups)].filter(
    (w) => w.note,
  );

  return (
    <Card size="small" title={`新建检核 · ${template.title}`} data-testid="audit-sheet">
      <Flex vertical gap={16}>
        <Form form={form} name="process-audit" layout="vertical" initialValues={{ auditorKind: 'manager' }}>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                label="被检核的销售顾问"
                name="consultantId"
                rules={[{ required: true, message: '请选择销售顾问' }]}
              >
                <Select<number>
                  data-testid="audit-consultant"
                  placeholder="选择销售顾问"
                  loading={props.consultantsLoading}
                  options={consultants.map(({ value, label }) => ({ value, label }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="检核人"
                name="auditorKind"
                rules={[{ required: true, message: '请选择检核人' }]}
              >
                <Radio.Group
                  data-testid="audit-auditor-kind"
                  optionType="button"
                  options={(['manager', 'mystery_shopper'] as const).map((k) => ({
                    value: k,
                    label: AUDITOR_KIND_LABEL_ZH[k],
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="备注" name="note">
            <Input.TextArea
              rows={2}
              maxLength={500}
              showCount
              data-testid="audit-note"
              placeholder="选填，例如：神秘顾客周六上午到店，试驾环节未介绍安全事项"
            />
          </Form.Item>
        </Form>
        {weightNotes.length > 0 && (
          <Alert
            type="info"
            showIcon
            title="权重说明"
            description="检核表和权重依据经销商销售流程标准。原表未给权重或各项合计不为 100% 的，已按各项旁注明的方式补齐并换算为 100%，得分据此计算。"
          />
        )}
        <Affix offsetTop={8}>
          <Card size="small" styles={{ body: { padding: '8px 12px' } }}>
            <Flex wrap gap={16} align="center">
              <Flex vertical>
                <Typography.Text type="secondary">检核得分</Typography.Text>
                <Typography.Text strong style={{ fontSize: 24 }} data-testid="audit-score-total">
                  {scoreText(score.total)}
                </Typography.Text>
              </Flex>
              <Flex vertical style={{ minWidth: 160 }}>
                <Typography.Text type="secondary">
                  已评 {progress.marked}/{progress.total} 项（是 {progress.yes} · 否 {progress.no} · 不适用{' '}
                  {progress.na}）
                </Typography.Text>
                <Progress
                  percent={Math.round((progress.marked / Math.max(1, progress.total)) * 100)}
                  size="small"
                />
              </Flex>
              <Flex wrap gap={6}>
                {score.steps.map((s) => (
                  <Tag key={s.key} data-testid={`audit-step-score-${s.key}`}>
                    {s.label} {scoreText(s.score)}
                  </Tag>
                ))}
              </Flex>
            </Flex>
          </Card>
        </Affix>
        {template.steps.map((step) => (
          <StepCard
            key={step.key}
            step={step}
            weights={weights}
            score={stepScore.get(step.key) ?? null}
            marks={marks}
            onChange={change}
          />
        ))}
        {marksError && <Alert type="error" showIcon title={marksError} />}
        {create.error ? <Alert type="error" showIcon title={problemText(create.error)} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button disabled={progress.marked === 0 || create.isPending} onClick={() => change({})}>
            清空
          </Button>
          <Button type="primary" data-testid="audit-submit" loading={create.isPending} onClick={submit}>
            保存检核
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function StepCard(props: {
  step: AuditTemplate['steps'][number];
  weights: AuditWeights;
  score: number | null;
  marks: AuditMarks;
  onChange: (marks: AuditMarks) => void;
}) {
  const { step, weights, marks, onChange } = props;
  const weight = weights.steps[step.key];
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`audit-step-${step.key}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{step.label}</span>
          {weight && (
            <Tag color="blue" data-testid={`audit-step-weight-${step.key}`}>
              占总分 {weightText(weight.weight)}
            </Tag>
          )}
          {weight?.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {weightNote(step.publishedWeight, weight.note)}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={<Typography.Text strong>本步骤 {scoreText(props.score)}</Typography.Text>}
    >
      <Flex vertical gap={8}>
        {step.groups.map((group, g) => {
          const gw = weights.groups[groupKey(step.key, group.key)];
          return (
            <Flex key={group.key} vertical gap={4}>
              {g > 0 && <Divider style={{ margin: '4px 0' }} />}
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{group.label}</Typography.Text>
                {gw && <Tag>组内 {weightText(gw.weight)}</Tag>}
                {gw?.note && (
                  <Tooltip title={gw.note}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {publishedText(group.publishedWeight)} <InfoCircleOutlined />
                    </Typography.Text>
                  </Tooltip>
                )}
                <Button size="small" type="link" onClick={() => onChange(setGroupMarks(marks, group, 'yes'))}>
                  全部为“是”
                </Button>
              </Flex>
              {group.items.map((item) => (
                <Flex key={item.key} justify="space-between" align="center" gap={12} wrap>
                  <Typography.Text style={{ flex: '1 1 280px' }}>{item.label}</Typography.Text>
                  <Radio.Group
                    size="small"
                    optionType="button"
                    aria-label={item.label}
                    data-testid={`audit-item-${item.key}`}
                    value={choiceOf(marks[item.key])}
                    onChange={(e) => onChange(setMark(marks, item.key, e.target.value as MarkChoice))}
                    options={(['yes', 'no', 'na'] as const).map((c) => ({
                      value: c,
                      label: MARK_CHOICE_LABEL_ZH[c],
                    }))}
                  />
                </Flex>
              ))}
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}

function AuditHistory({
  context,
  consultants,
}: {
  context: SatisfactionContext;
  consultants: ConsultantChoice[];
}) {
  const [consultantId, setConsultantId] = useState<number | null>(null);
  const query = useProcessAudits({
    ...(context.filters.storeId !== null ? { storeId: context.filters.storeId } : {}),
    ...(consultantId !== null ? { consultantId } : {}),
  });
  const rows = [...(query.data ?? [])].sort((a, b) => Date.parse(b.auditedAt) - Date.parse(a.auditedAt));
  const zoneOf = (storeId: number) =>
    context.stores.find((s) => s.id === storeId)?.timeZone ?? context.timeZone;
  const columns: TableColumnsType<ProcessAudit> = [
    {
      title: '检核时间',
      key: 'at',
      width: 130,
      render: (_, row) => localDateTime(row.auditedAt, zoneOf(row.storeId)),
    },
    { title: '销售顾问', key: 'consultant', render: (_, row) => row.consultant.name },
    {
      title: '检核人',
      key: 'auditor',
      render: (_, row) => (
        <span>
          {row.auditorName} <Tag>{AUDITOR_KIND_LABEL_ZH[row.auditorKind]}</Tag>
        </span>
      ),
    },
    {
      title: '得分',
      key: 'total',
      align: 'right',
      render: (_, row) => <Typography.Text strong>{scoreText(row.score.total)}</Typography.Text>,
    },
    {
      title: '备注',
      key: 'note',
      render: (_, row) =>
        row.note ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: row.note }} style={{ margin: 0 }}>
            {row.note}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];
  return (
    <Card
      size="small"
      title="检核记录"
      extra={
        <Select<number | 'all'>
          aria-label="按销售顾问筛选"
          data-testid="audit-history-consultant"
          style={{ minWidth: 180 }}
          value={consultantId ?? 'all'}
          onChange={(value) => setConsultantId(value === 'all' ? null : value)}
          options={[
            { value: 'all', label: '全部销售顾问' },
            ...consultants.map(({ value, label }) => ({ value, label })),
          ]}
          showSearch={{ optionFilterProp: 'label' }}
        />
      }
    >
      {query.isError ? (
        <QueryFailed error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ProcessAudit>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={query.isPending}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无检核记录" /> }}
          expandable={{
            expandedRowRender: (row) => (
              <Flex wrap gap={6}>
                {row.score.steps.map((s) => (
                  <Tag key={s.key}>
                    {s.label}（{weightText(s.weight)}）{scoreText(s.score)}
                  </Tag>
                ))}
              </Flex>
            ),
          }}
          onRow={(row) => ({ 'data-testid': `audit-row-${row.id}` }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </Card>
  );
}
