import { CheckCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import {
  CASE_STATUS_LABEL_ZH,
  SURVEY_KIND_LABEL_ZH,
  type CaseStatus,
  type LowScoreCase,
} from '@dealer-care/domain';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { AssignStaffControl } from '../../components/AssignStaffControl';
import { useFeedback } from '../../components/feedback';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { problemText } from '../../errors';
import { reasonRules } from '../../reason';
import { assigneeOptions } from '../../staff-options';
import { useStaffUsers } from '../deliveries/queries';
import { localDateTime } from '../test-drives/time';
import { CASE_STATUS_COLOR, caseActions, caseHistory, caseUpdate, dueText } from './cases';
import type { SatisfactionContext } from './context';
import { indexText } from './format';
import { useAssignCase, useLowScoreCase, useUpdateCase } from './queries';

interface Props {
  context: SatisfactionContext;
  id: number | null;
  fromList: LowScoreCase | undefined;
  now: Date;
  timeZoneOf: (storeId: number) => string;
  onClose: () => void;
}

const TIMELINE_COLOR: Record<CaseStatus, string> = { open: 'red', contacted: 'orange', resolved: 'green' };

/** A low-score case: why it is low, what the customer wrote, the calls so far, and what to do next. */
export function CaseDrawer({ context, id, fromList, now, timeZoneOf, onClose }: Props) {
  const query = useLowScoreCase(id, fromList);
  const item = query.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={600}
      title={item ? `低分回访 · ${item.customerName}` : '低分回访'}
      extra={item && <Tag color={CASE_STATUS_COLOR[item.status]}>{CASE_STATUS_LABEL_ZH[item.status]}</Tag>}
      destroyOnHidden
    >
      {item ? (
        <CaseDetail context={context} item={item} now={now} timeZone={timeZoneOf(item.storeId)} />
      ) : query.isError ? (
        <Alert type="error" showIcon title={problemText(query.error)} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </Drawer>
  );
}

function CaseDetail(props: {
  context: SatisfactionContext;
  item: LowScoreCase;
  now: Date;
  timeZone: string;
}) {
  const { context, item, now, timeZone } = props;
  const actions = caseActions(item, context.staff);
  const due = dueText(item, now);
  return (
    <Flex vertical gap={16} data-testid={`case-detail-${item.id}`}>
      {item.status === 'resolved' ? (
        <Alert
          type={due.overdue ? 'warning' : 'success'}
          showIcon
          title={`已解决 · ${due.text}`}
          description={item.resolvedAt ? `解决时间 ${localDateTime(item.resolvedAt, timeZone)}` : undefined}
        />
      ) : (
        <Alert
          type={due.overdue ? 'error' : 'info'}
          showIcon
          data-testid="case-due-banner"
          title={
            due.overdue
              ? `回访${due.text}`
              : `请于 ${localDateTime(item.dueAt, timeZone)} 前处理（${due.text}）`
          }
          description="联系客户了解原因、致歉并给出解决办法，然后记录回访结果。"
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
              <Space size={8}>
                <span>{item.customerName}</span>
                <Typography.Text type="secondary" data-testid="case-mobile">
                  {item.mobileMasked}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 'survey', label: '问卷', children: `${SURVEY_KIND_LABEL_ZH[item.kind]} · ${item.subject}` },
          { key: 'store', label: '门店', children: item.storeName },
          { key: 'consultant', label: '销售顾问', children: item.consultant?.name ?? '—' },
          {
            key: 'owner',
            label: '负责人',
            children: actions.assign ? (
              <AssignOwner item={item} context={context} />
            ) : (
              (item.owner?.name ?? <Typography.Text type="warning">未指派</Typography.Text>)
            ),
          },
          {
            key: 'score',
            label: '得分',
            children: `指数 ${indexText(item.index)} · 推荐意愿 ${item.nps === null ? '—' : `${item.nps} 分`}`,
          },
          { key: 'opened', label: '生成时间', children: localDateTime(item.openedAt, timeZone) },
          {
            key: 'due',
            label: '截止时间',
            children: (
              <Typography.Text type={due.overdue ? 'danger' : undefined}>
                {localDateTime(item.dueAt, timeZone)}（{due.text}）
              </Typography.Text>
            ),
          },
        ]}
      />
      <Card size="small" title="低分原因">
        <Flex vertical gap={4}>
          {item.reasons.map((reason) => (
            <Typography.Text key={reason} type="danger">
              {reason}
            </Typography.Text>
          ))}
        </Flex>
      </Card>
      <Card
        size="small"
        title="客户留言"
        extra={
          <Button
            type="link"
            size="small"
            onClick={() => context.openTab('responses', { response: String(item.responseId) })}
          >
            查看完整答卷
          </Button>
        }
      >
        {item.comments.length === 0 ? (
          <Typography.Text type="secondary">客户没有留言</Typography.Text>
        ) : (
          <Flex vertical gap={6} data-testid="case-comments">
            {item.comments.map((comment, index) => (
              <Typography.Paragraph key={index} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                “{comment}”
              </Typography.Paragraph>
            ))}
          </Flex>
        )}
      </Card>
      {actions.contacted || actions.resolved ? (
        <ProgressForm item={item} canContact={actions.contacted} canResolve={actions.resolved} />
      ) : item.status !== 'resolved' ? (
        <Typography.Text type="secondary">仅负责人或门店经理可记录回访。</Typography.Text>
      ) : null}
      <HistoryTimeline
        items={caseHistory(item, timeZone)}
        colors={TIMELINE_COLOR}
        details={(entry) =>
          entry.note && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              “{entry.note}”
            </Typography.Text>
          )
        }
      />
    </Flex>
  );
}

/** 回访记录: a required note, sent as 已联系 (another call) or 已解决 (closed for good). */
function ProgressForm(props: { item: LowScoreCase; canContact: boolean; canResolve: boolean }) {
  const { item } = props;
  const { message } = useFeedback();
  const [form] = Form.useForm<{ note: string }>();
  const update = useUpdateCase();
  const [sending, setSending] = useState<'contacted' | 'resolved' | null>(null);

  const send = (status: 'contacted' | 'resolved') =>
    void form.validateFields().then(
      ({ note }) => {
        setSending(status);
        // The promise, not mutate's callbacks: resolving the case unmounts this form, and the
        // callbacks of an unmounted caller are skipped.
        update.mutateAsync({ id: item.id, body: caseUpdate(status, note) }).then(
          () => {
            message.success(status === 'resolved' ? '已标记为已解决' : '已记录回访');
            if (status === 'resolved') return; // the form is gone with the last step
            form.resetFields();
            setSending(null);
          },
          () => setSending(null), // shown in the alert above the buttons
        );
      },
      () => undefined, // antd shows why on the field
    );

  return (
    <Card size="small" title={item.status === 'open' ? '记录回访' : '继续回访'}>
      <Form form={form} name={`case-progress-${item.id}`} layout="vertical">
        <Form.Item
          label="回访记录"
          name="note"
          rules={reasonRules('请填写回访记录')}
          extra="写明联系了谁、客户的意见和处理办法；标记已解决后不能再修改。"
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            data-testid="case-note"
            placeholder="例如：已致电客户致歉，约定周六到店免费检查空调"
          />
        </Form.Item>
        {update.error ? (
          <Alert type="error" showIcon title={problemText(update.error)} style={{ marginBottom: 12 }} />
        ) : null}
        <Flex gap={8} justify="flex-end" wrap>
          {props.canContact && (
            <Button
              icon={<PhoneOutlined />}
              data-testid="case-contacted"
              disabled={update.isPending}
              loading={sending === 'contacted'}
              onClick={() => send('contacted')}
            >
              {item.status === 'open' ? '已联系客户' : '再次联系'}
            </Button>
          )}
          {props.canResolve && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              data-testid="case-resolved"
              disabled={update.isPending}
              loading={sending === 'resolved'}
              onClick={() => send('resolved')}
            >
              标记已解决
            </Button>
          )}
        </Flex>
      </Form>
    </Card>
  );
}

/** Managers hand the case to a consultant or manager of its store. */
function AssignOwner({ item, context }: { item: LowScoreCase; context: SatisfactionContext }) {
  const users = useStaffUsers(context.staff.role);
  const assign = useAssignCase();
  return (
    <AssignStaffControl
      current={item.owner}
      options={assigneeOptions(users.data ?? [], item.storeId)}
      loading={users.isPending}
      pending={assign.isPending}
      ariaLabel="负责人"
      selectTestId="case-owner"
      buttonTestId="case-assign"
      assign={async (ownerId) => {
        const updated = await assign.mutateAsync({ id: item.id, body: { ownerId } });
        return { name: updated.owner?.name };
      }}
    />
  );
}
