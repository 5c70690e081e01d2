import { CloseOutlined, ExpandOutlined, RedoOutlined, SmileOutlined } from '@ant-design/icons';
import {
  CHECKLIST_KIND_LABEL_ZH,
  PERSON_NAME_INVALID_MESSAGE,
  isPersonName,
  normalizePersonName,
  type SalesOrder,
  type StoreOverview,
} from '@dealer-care/domain';
import { Alert, Button, Col, Flex, Form, Input, Result, Row, Skeleton, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useFeedback } from '../../components/feedback';
import { problemText } from '../../errors';
import { carLabel } from './format';
import { OrderChecklist } from './OrderChecklist';
import { useOrder, useOrderCommand } from './queries';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import { checklistProgress } from './week';

interface Props {
  store: StoreOverview;
  orderId: number;
  fromList: SalesOrder | undefined;
  onExit: () => void;
}

/**
 * 交车模式: a full-screen page for the tablet handed to the customer. They go through the
 * handover list (用户提车交接单) item by item, sign with a finger, and the consultant confirms.
 */
export function HandoverView({ store, orderId, fromList, onExit }: Props) {
  const { token } = theme.useToken();
  const rootRef = useRef<HTMLDivElement>(null);
  const query = useOrder(store.id, orderId, fromList);
  const order = query.data;

  // The page underneath must not scroll while the overlay is up.
  useEffect(() => {
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previous;
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  // Above the order drawer (antd drawers and modals sit at 1000), below messages.
  return createPortal(
    <div
      ref={rootRef}
      role="dialog"
      aria-modal="true"
      aria-label="交车确认"
      data-testid="handover-view"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1050,
        overflow: 'auto',
        background: token.colorBgLayout,
      }}
    >
      <Flex
        align="center"
        justify="space-between"
        gap={12}
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 1,
          padding: '12px 24px',
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Flex vertical>
          <Typography.Title level={3} style={{ margin: 0 }}>
            交车确认
          </Typography.Title>
          <Typography.Text type="secondary">{store.name}</Typography.Text>
        </Flex>
        <Flex gap={8}>
          {typeof document !== 'undefined' && document.fullscreenEnabled && (
            <Button
              icon={<ExpandOutlined />}
              onClick={() => void rootRef.current?.requestFullscreen().catch(() => undefined)}
            >
              全屏
            </Button>
          )}
          <Button icon={<CloseOutlined />} onClick={onExit} data-testid="exit-handover">
            退出交车模式
          </Button>
        </Flex>
      </Flex>
      <div style={{ maxWidth: 1200, margin: '0 auto', padding: 24 }}>
        {!order ? (
          query.isError ? (
            <Alert type="error" showIcon title={problemText(query.error)} />
          ) : (
            <Skeleton active paragraph={{ rows: 10 }} />
          )
        ) : order.status === 'delivered' ? (
          <Result
            icon={<SmileOutlined />}
            status="success"
            title={`恭喜 ${order.customerName} 喜提爱车！`}
            subTitle={`${carLabel(order)} · 感谢您选择${order.storeName}`}
            extra={
              <Button type="primary" size="large" onClick={onExit}>
                返回订单
              </Button>
            }
          />
        ) : order.status !== 'ready' ? (
          <Result
            status="warning"
            title="当前不能交车"
            subTitle="车辆备妥（交车前检查完成）后才能开始交车。"
            extra={<Button onClick={onExit}>返回订单</Button>}
          />
        ) : (
          <HandoverForm order={order} store={store} />
        )}
      </div>
    </div>,
    document.body,
  );
}

function HandoverForm({ order, store }: { order: SalesOrder; store: StoreOverview }) {
  const { token } = theme.useToken();
  const { message } = useFeedback();
  const command = useOrderCommand(store.id);
  const pad = useRef<SignaturePadHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [signerName, setSignerName] = useState(order.customerName);
  const [failure, setFailure] = useState<string | null>(null);
  const handover = checklistProgress(order.checklists.handover);
  const nameValid = isPersonName(signerName);
  const canDeliver = handover.complete && !empty && nameValid && order.allowedActions.includes('deliver');

  const deliver = () => {
    setFailure(null);
    const signature = pad.current?.toPng() ?? null;
    if (!signature) {
      setFailure('签名无法保存，请点“重写”后重新签字');
      return;
    }
    // The answer unmounts this form (the view turns to its success page): use the promise.
    command
      .mutateAsync({
        id: order.id,
        command: { action: 'deliver', body: { signature, signerName: normalizePersonName(signerName) } },
      })
      .then(
        () => message.success('交车完成'),
        (error: unknown) => setFailure(problemText(error)),
      );
  };

  return (
    <Flex vertical gap={24}>
      <Flex vertical gap={4}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {order.customerName}，欢迎提车！
        </Typography.Title>
        <Typography.Text style={{ fontSize: 18 }}>
          {carLabel(order)}
          {order.vin ? (
            <Typography.Text type="secondary" style={{ fontSize: 16, fontFamily: 'monospace' }}>
              {' '}
              · VIN {order.vin}
            </Typography.Text>
          ) : null}
        </Typography.Text>
      </Flex>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {CHECKLIST_KIND_LABEL_ZH.handover}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 16 }}>
              请与销售顾问逐项核对，确认后勾选。
            </Typography.Text>
            <OrderChecklist order={order} storeId={store.id} kind="handover" large />
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              客户签字
            </Typography.Title>
            <Form layout="vertical">
              <Form.Item
                label="签字人"
                htmlFor="handover-signer"
                validateStatus={nameValid ? undefined : 'error'}
                help={nameValid ? undefined : PERSON_NAME_INVALID_MESSAGE}
                style={{ marginBottom: 0 }}
              >
                <Input
                  id="handover-signer"
                  size="large"
                  value={signerName}
                  maxLength={20}
                  onChange={(event) => setSignerName(event.target.value)}
                />
              </Form.Item>
            </Form>
            <div
              style={{
                border: `2px dashed ${empty ? token.colorBorder : token.colorPrimary}`,
                borderRadius: 10,
                background: '#fff',
                position: 'relative',
              }}
            >
              {empty && (
                <Typography.Text
                  type="secondary"
                  style={{
                    position: 'absolute',
                    inset: 0,
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontSize: 20,
                    pointerEvents: 'none',
                  }}
                >
                  请在此处签名
                </Typography.Text>
              )}
              <SignaturePad ref={pad} onChange={setEmpty} height={260} disabled={command.isPending} />
            </div>
            <Flex justify="space-between" align="center" gap={12} wrap>
              <Button
                size="large"
                icon={<RedoOutlined />}
                disabled={empty || command.isPending}
                onClick={() => pad.current?.clear()}
              >
                重写
              </Button>
              <Button
                type="primary"
                size="large"
                data-testid="confirm-delivery"
                disabled={!canDeliver || command.isPending}
                aria-busy={command.isPending}
                onClick={deliver}
                style={{ minWidth: 200, height: 56, fontSize: 20 }}
              >
                确认交车
              </Button>
            </Flex>
            {!handover.complete && (
              <Typography.Text type="secondary">
                还有 {handover.total - handover.done} 项交接内容未勾选
              </Typography.Text>
            )}
            {failure && <Alert type="error" showIcon title={failure} />}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
