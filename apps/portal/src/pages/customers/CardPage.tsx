import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  CUSTOMER_STYLE_LABEL_ZH,
  FOLLOW_UP_TASK_KIND_LABEL_ZH,
  PROSPECT_STATUS_LABEL_ZH,
  type CustomerCard,
  type StaffUser,
} from '@dealer-care/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  List,
  Result,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentStaff } from '../../auth/queries';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import { problemOf } from '../../errors';
import { idParam } from '../satisfaction/filters';
import { useNow } from '../satisfaction/use-now';
import { useStaffStores } from '../stores/queries';
import { localDateTime } from '../test-drives/time';
import { zoneLookup } from '../follow-ups/context';
import { dueWords } from '../follow-ups/inbox';
import {
  cardActions,
  contactTitle,
  intentChangeText,
  lostReasonText,
  newestFirst,
  sortedTimeline,
} from './card';
import { ContactModal, IntentModal, LostModal, ProfileModal, type CardModal } from './CardModals';
import {
  INTENT_COLOR,
  PROSPECT_STATUS_COLOR,
  TIMELINE_TYPE_COLOR,
  TIMELINE_TYPE_LABEL_ZH,
  intentLong,
} from './format';
import { PhoneReveal } from './PhoneReveal';
import { useCustomerCard } from './queries';

/** 客户卡片: who the customer is, how hot, how to talk to them, and everything that happened. */
export default function CustomerCardPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { prospectId } = useParams();
  const id = idParam(prospectId ?? null);
  const card = useCustomerCard(id);
  const stores = useStaffStores();
  if (!staff) return null;
  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      style={{ paddingInline: 0 }}
      onClick={() => void navigate('/customers')}
    >
      返回客户列表
    </Button>
  );
  if (id === null || (card.isError && problemOf(card.error).status === 404)) {
    return <Result status="404" title="找不到该客户" subTitle="客户不存在，或不在您的门店。" extra={back} />;
  }
  return (
    <Flex vertical gap={16}>
      <div>{back}</div>
      {card.isPending ? (
        <QueryLoading />
      ) : card.isError ? (
        <QueryFailed error={card.error} onRetry={() => void card.refetch()} />
      ) : (
        <CardView
          card={card.data}
          staff={staff}
          timeZone={zoneLookup(stores.data ?? [], staff.storeId)(card.data.prospect.storeId)}
        />
      )}
    </Flex>
  );
}

function CardView({ card, staff, timeZone }: { card: CustomerCard; staff: StaffUser; timeZone: string }) {
  const { prospect } = card;
  const [modal, setModal] = useState<CardModal | null>(null);
  const now = useNow();
  const actions = cardActions(prospect, staff.role);
  const close = () => setModal(null);
  return (
    <>
      <Card data-testid="customer-card-header">
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Flex vertical gap={8}>
            <Space size={12} align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {prospect.name}
              </Typography.Title>
              <PhoneReveal
                prospectId={prospect.id}
                name={prospect.name}
                mobileMasked={prospect.mobileMasked}
              />
            </Space>
            <Space size={[8, 4]} wrap>
              <Tag color={PROSPECT_STATUS_COLOR[prospect.status]} data-testid="card-status">
                {PROSPECT_STATUS_LABEL_ZH[prospect.status]}
              </Tag>
              <Tag
                color={prospect.intentLevel ? INTENT_COLOR[prospect.intentLevel] : undefined}
                data-testid="card-intent"
              >
                {intentLong(prospect.intentLevel)}
              </Tag>
              <Tag color={prospect.style ? 'purple' : undefined} data-testid="card-style">
                {prospect.style ? CUSTOMER_STYLE_LABEL_ZH[prospect.style] : '风格未填写'}
              </Tag>
              <Typography.Text type="secondary" data-testid="card-consultant">
                销售顾问：{prospect.consultant?.name ?? '未分配'}
              </Typography.Text>
              <Typography.Text type="secondary">{prospect.storeName}</Typography.Text>
            </Space>
            {prospect.styleNote && (
              <Typography.Text type="secondary">风格备注：{prospect.styleNote}</Typography.Text>
            )}
          </Flex>
          <Space wrap>
            <Button type="primary" data-testid="card-add-contact" onClick={() => setModal('contact')}>
              添加联系记录
            </Button>
            <Button data-testid="card-change-intent" onClick={() => setModal('intent')}>
              调整意向
            </Button>
            <Button data-testid="card-edit-style" onClick={() => setModal('profile')}>
              {actions.reassign ? '编辑风格/顾问' : '编辑风格'}
            </Button>
            {actions.markLost && (
              <Button danger data-testid="card-mark-lost" onClick={() => setModal('lost')}>
                战败
              </Button>
            )}
          </Space>
        </Flex>
        {prospect.lostReason && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            data-testid="card-lost-reason"
            title={`已战败 · ${lostReasonText(prospect.lostReason)}`}
            description={localDateTime(prospect.lostReason.at, timeZone)}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size="small" title="待办回访" data-testid="card-open-tasks">
              {card.openTasks.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待办回访" />
              ) : (
                <List
                  size="small"
                  dataSource={card.openTasks}
                  renderItem={(task) => {
                    const due = dueWords(task, now, timeZone);
                    return (
                      <List.Item
                        actions={[
                          <Link key="open" to={`/follow-ups?bucket=${task.bucket}&task=${task.id}`}>
                            处理
                          </Link>,
                        ]}
                      >
                        <List.Item.Meta
                          title={FOLLOW_UP_TASK_KIND_LABEL_ZH[task.kind]}
                          description={
                            <Typography.Text type={due.tone === 'danger' ? 'danger' : 'secondary'}>
                              {due.text}
                            </Typography.Text>
                          }
                        />
                      </List.Item>
                    );
                  }}
                />
              )}
            </Card>
            <Card size="small" title="意向变化" data-testid="card-intent-history">
              {card.intentHistory.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未评估意向" />
              ) : (
                <List
                  size="small"
                  dataSource={newestFirst(card.intentHistory)}
                  renderItem={(change) => (
                    <List.Item>
                      <List.Item.Meta
                        title={intentChangeText(change)}
                        description={`${localDateTime(change.at, timeZone)} · ${change.byName}${change.note ? ` · ${change.note}` : ''}`}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <Card
              size="small"
              title="联系记录"
              data-testid="card-contacts"
              extra={
                <Button type="link" size="small" onClick={() => setModal('contact')}>
                  添加
                </Button>
              }
            >
              {card.contacts.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有联系记录" />
              ) : (
                <List
                  size="small"
                  dataSource={newestFirst(card.contacts)}
                  renderItem={(entry) => (
                    <List.Item>
                      <List.Item.Meta
                        title={contactTitle(entry)}
                        description={
                          <Flex vertical>
                            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</Typography.Text>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {localDateTime(entry.at, timeZone)}
                            </Typography.Text>
                          </Flex>
                        }
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title="客户时间线" data-testid="card-timeline">
            {card.timeline.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
            ) : (
              <Timeline
                items={sortedTimeline(card).map((entry, index) => ({
                  key: `${entry.type}-${entry.refId ?? index}-${entry.at}`,
                  color: TIMELINE_TYPE_COLOR[entry.type],
                  content: (
                    <Flex vertical>
                      <Typography.Text>
                        <Tag style={{ marginInlineEnd: 6 }}>{TIMELINE_TYPE_LABEL_ZH[entry.type]}</Tag>
                        {entry.title}
                      </Typography.Text>
                      {entry.detail && (
                        <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                          {entry.detail}
                        </Typography.Text>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {localDateTime(entry.at, timeZone)}
                      </Typography.Text>
                    </Flex>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {modal === 'profile' && <ProfileModal card={card} staff={staff} onClose={close} />}
      {modal === 'intent' && <IntentModal card={card} staff={staff} onClose={close} />}
      {modal === 'contact' && <ContactModal card={card} staff={staff} onClose={close} />}
      {modal === 'lost' && <LostModal card={card} staff={staff} onClose={close} />}
    </>
  );
}
