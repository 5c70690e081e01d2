import {
  FOLLOW_UP_OUTCOME_LABEL_ZH,
  FOLLOW_UP_SOURCE_TYPE_LABEL_ZH,
  FOLLOW_UP_TASK_KIND_LABEL_ZH,
  FOLLOW_UP_TASK_STATUS_LABEL_ZH,
  CUSTOMER_STYLE_LABEL_ZH,
  INTENT_LEVELS,
  INTENT_LEVEL_LABEL_ZH,
  PROSPECT_STATUS_LABEL_ZH,
  type FollowUpOutcome,
  type FollowUpTaskStatus,
  type FollowUpTaskView,
  type IntentLevel,
} from '@dealer-care/domain';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { canManageFollowUps } from '../../access';
import { AssignStaffControl } from '../../components/AssignStaffControl';
import { useFeedback } from '../../components/feedback';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { problemText } from '../../errors';
import { assigneeOptions } from '../../staff-options';
import { useStaffUsers } from '../deliveries/queries';
import { INTENT_COLOR, intentLong } from '../customers/format';
import { PhoneReveal } from '../customers/PhoneReveal';
import { useCustomerCard } from '../customers/queries';
import { localDateTime } from '../test-drives/time';
import type { FollowUpContext } from './context';
import { dueWords, isEscalated, taskHistory } from './inbox';
import {
  OUTCOME_BUTTONS,
  OUTCOME_NOTE_MAX_LENGTH,
  OutcomeGuard,
  asksIntent,
  buildOutcome,
  sendOutcome,
} from './outcome';
import { useAssignFollowUp, useFollowUpTask, useRefreshFollowUps } from './queries';

interface Props {
  context: FollowUpContext;
  id: number | null;
  fromList: FollowUpTaskView | undefined;
  now: Date;
  onClose: () => void;
}

const STATUS_COLOR: Record<FollowUpTaskStatus, string> = {
  pending: 'processing',
  done: 'success',
  cancelled: 'default',
};

/** A follow-up task: who to call and why, what happened so far, and the one-tap outcomes. */
export function TaskDrawer({ context, id, fromList, now, onClose }: Props) {
  const query = useFollowUpTask(id, fromList);
  const task = query.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      title={task ? `${FOLLOW_UP_TASK_KIND_LABEL_ZH[task.kind]} · ${task.customer.name}` : '回访任务'}
      extra={
        task && (
          <Space size={4}>
            {isEscalated(task) && <Tag color="red">已升级</Tag>}
            <Tag color={STATUS_COLOR[task.status]} data-testid="task-status">
              {task.status === 'pending' && task.overdue
                ? '已逾期'
                : FOLLOW_UP_TASK_STATUS_LABEL_ZH[task.status]}
            </Tag>
          </Space>
        )
      }
      destroyOnHidden
    >
      {task ? (
        <TaskDetail
          key={task.id}
          context={context}
          task={task}
          now={now}
          timeZone={context.zoneOf(task.storeId)}
          onDone={onClose}
        />
      ) : query.isError ? (
        <Alert
          type="error"
          showIcon
          title={problemText(query.error)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              重试
            </Button>
          }
        />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </Drawer>
  );
}

function TaskDetail(props: {
  context: FollowUpContext;
  task: FollowUpTaskView;
  now: Date;
  timeZone: string;
  onDone: () => void;
}) {
  const { context, task, now, timeZone } = props;
  const due = dueWords(task, now, timeZone);
  const manages = canManageFollowUps(context.staff.role);
  return (
    <Flex vertical gap={16} data-testid={`task-detail-${task.id}`}>
      {task.status === 'pending' ? (
        <Alert
          type={due.tone === 'danger' ? 'error' : due.tone === 'warning' ? 'warning' : 'info'}
          showIcon
          data-testid="task-due-banner"
          title={due.text}
          description={due.hint ?? undefined}
        />
      ) : (
        <Alert
          type={task.status === 'cancelled' ? 'info' : task.onTime === false ? 'warning' : 'success'}
          showIcon
          data-testid="task-closed-banner"
          title={
            task.status === 'cancelled'
              ? '任务已取消（来源已变更，无需再联系）'
              : `${task.outcome ? FOLLOW_UP_OUTCOME_LABEL_ZH[task.outcome] : '已完成'} · ${due.text}`
          }
          description={
            task.completedAt
              ? `${task.completedBy?.name ?? ''} 于 ${localDateTime(task.completedAt, timeZone)} 处理`
              : undefined
          }
        />
      )}
      {isEscalated(task) && (
        <Alert
          type="error"
          showIcon
          data-testid="task-escalated-banner"
          title={`已于 ${localDateTime(task.escalatedAt!, timeZone)} 升级给门店经理`}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'customer',
            label: '客户',
            children: (
              <Space size={8} wrap>
                <span>{task.customer.name}</span>
                <PhoneReveal
                  prospectId={task.customer.prospectId}
                  name={task.customer.name}
                  mobileMasked={task.customer.mobileMasked}
                />
              </Space>
            ),
          },
          {
            key: 'intent',
            label: '意向级别',
            children:
              task.customer.intentLevel === null ? (
                <Typography.Text type="secondary">未评级</Typography.Text>
              ) : (
                <Tag color={INTENT_COLOR[task.customer.intentLevel]}>
                  {intentLong(task.customer.intentLevel)}
                </Tag>
              ),
          },
          {
            key: 'source',
            label: '来源',
            children: (
              <span data-testid="task-source">
                {FOLLOW_UP_SOURCE_TYPE_LABEL_ZH[task.source.type]} · {task.source.summary}
              </span>
            ),
          },
          { key: 'due', label: '到期时间', children: localDateTime(task.dueAt, timeZone) },
          {
            key: 'assignee',
            label: '负责人',
            children:
              manages && task.status === 'pending' ? (
                <AssignTask task={task} context={context} />
              ) : (
                (task.assignee?.name ?? <Typography.Text type="warning">待认领</Typography.Text>)
              ),
          },
          { key: 'attempts', label: '已尝试', children: `${task.attempts} 次` },
          ...(task.note ? [{ key: 'note', label: '备注', children: task.note }] : []),
        ]}
      />
      {task.customer.prospectId !== null && <CustomerSummary prospectId={task.customer.prospectId} />}
      {task.status === 'pending' && <OutcomeForm task={task} now={now} onDone={props.onDone} />}
      {task.history.length > 0 && (
        <HistoryTimeline
          items={taskHistory(task, timeZone)}
          colors={{ pending: 'orange', done: 'green', cancelled: 'gray' }}
          details={(entry) =>
            entry.note && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                “{entry.note}”
              </Typography.Text>
            )
          }
        />
      )}
    </Flex>
  );
}

/** The customer card in short: status, style, consultant, and the way to the whole card. */
function CustomerSummary({ prospectId }: { prospectId: number }) {
  const card = useCustomerCard(prospectId);
  const prospect = card.data?.prospect;
  return (
    <Card
      size="small"
      title="客户卡片"
      data-testid="task-customer-card"
      extra={<Link to={`/customers/${prospectId}`}>查看客户卡片</Link>}
    >
      {prospect ? (
        <Space size={[8, 4]} wrap>
          <Tag>{PROSPECT_STATUS_LABEL_ZH[prospect.status]}</Tag>
          {prospect.style ? (
            <Tag color="purple">{CUSTOMER_STYLE_LABEL_ZH[prospect.style]}</Tag>
          ) : (
            <Typography.Text type="secondary">风格未填写</Typography.Text>
          )}
          <Typography.Text type="secondary">销售顾问：{prospect.consultant?.name ?? '—'}</Typography.Text>
          {prospect.styleNote && <Typography.Text type="secondary">“{prospect.styleNote}”</Typography.Text>}
        </Space>
      ) : card.isError ? (
        <Typography.Text type="secondary">{problemText(card.error)}</Typography.Text>
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      )}
    </Card>
  );
}

interface OutcomeFields {
  note?: string;
  callBackAt?: Dayjs | null;
  intentLevel?: IntentLevel;
}

/** The one-tap outcomes; the first tap locks them all until the server answers. */
function OutcomeForm({ task, now, onDone }: { task: FollowUpTaskView; now: Date; onDone: () => void }) {
  const { message } = useFeedback();
  const [form] = Form.useForm<OutcomeFields>();
  const guard = useRef(new OutcomeGuard());
  const refresh = useRefreshFollowUps();
  const [sending, setSending] = useState<FollowUpOutcome | null>(null);
  const intent = asksIntent(task.kind);

  const tap = (outcome: FollowUpOutcome) => {
    if (guard.current.isLocked(task.id)) return;
    const values = form.getFieldsValue();
    const built = buildOutcome(
      outcome,
      {
        note: values.note,
        callBackAt: values.callBackAt ? values.callBackAt.toISOString() : null,
        intentLevel: values.intentLevel ?? null,
      },
      task.kind,
      new Date(),
    );
    form.setFields([
      { name: 'note', errors: [] },
      { name: 'callBackAt', errors: [] },
    ]);
    if (!built.ok) {
      form.setFields([{ name: built.field, errors: [built.message] }]);
      return;
    }
    setSending(outcome);
    void sendOutcome(api.followUps, guard.current, task.id, built.body).then((result) => {
      setSending(null);
      if (result.kind === 'done') {
        message.success(result.text);
        refresh(result.task);
        onDone();
      } else if (result.kind === 'stale') {
        message.warning(result.text);
        refresh();
      } else if (result.kind === 'failed') {
        message.error(result.text);
      }
    });
  };

  const busy = sending !== null;
  return (
    <Card size="small" title="记录回访结果" data-testid="task-outcome">
      <Form form={form} name={`follow-up-outcome-${task.id}`} layout="vertical" disabled={busy}>
        {intent && (
          <Form.Item
            label="客户意向级别"
            name="intentLevel"
            extra="接通后询问客户的购车时间，据此安排下次跟进。"
          >
            <Select<IntentLevel>
              aria-label="客户意向级别"
              data-testid="task-intent"
              allowClear
              placeholder="选择意向级别"
              options={INTENT_LEVELS.map((level) => ({ value: level, label: INTENT_LEVEL_LABEL_ZH[level] }))}
            />
          </Form.Item>
        )}
        <Form.Item label="备注" name="note" extra="客户投诉升级时必填，写明投诉内容。">
          <Input.TextArea
            aria-label="备注"
            data-testid="task-note"
            rows={3}
            maxLength={OUTCOME_NOTE_MAX_LENGTH}
            showCount
            placeholder="例如：客户确认周六上午到店提车"
          />
        </Form.Item>
        <Form.Item label="约定时间" name="callBackAt" extra="选择“约定时间再联系”前，先选好客户方便的时间。">
          <DatePicker
            aria-label="约定时间"
            data-testid="task-call-back-at"
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(date) =>
              date.isBefore(dayjs(now), 'day') || date.isAfter(dayjs(now).add(30, 'day'), 'day')
            }
          />
        </Form.Item>
      </Form>
      <Flex gap={8} wrap>
        {OUTCOME_BUTTONS.map(({ outcome, label }) => (
          <Button
            key={outcome}
            type={outcome === 'reached_confirmed' ? 'primary' : 'default'}
            danger={outcome === 'complaint_escalated'}
            data-testid={`outcome-${outcome}`}
            disabled={busy && sending !== outcome}
            loading={sending === outcome}
            onClick={() => tap(outcome)}
          >
            {label}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}

/** Managers hand a pending task to someone else of its store. */
function AssignTask({ task, context }: { task: FollowUpTaskView; context: FollowUpContext }) {
  const users = useStaffUsers(context.staff.role);
  const assign = useAssignFollowUp();
  return (
    <AssignStaffControl
      current={task.assignee}
      options={assigneeOptions(users.data ?? [], task.storeId)}
      loading={users.isPending}
      pending={assign.isPending}
      ariaLabel="指派给"
      selectTestId="task-assignee"
      buttonTestId="task-assign"
      assign={async (staffId) => {
        const updated = await assign.mutateAsync({ id: task.id, staffId });
        return { name: updated.assignee?.name };
      }}
    />
  );
}
