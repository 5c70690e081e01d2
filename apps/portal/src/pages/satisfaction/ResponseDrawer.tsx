import {
  QUESTION_TYPE_LABEL_ZH,
  SURVEY_KIND_LABEL_ZH,
  type SurveyResponseDetail,
  type SurveyResponseListItem,
} from '@dealer-care/domain';
import { Alert, Card, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { problemText } from '../../errors';
import { localDateTime } from '../test-drives/time';
import { factorColor } from './charts';
import { indexText, scoreText } from './format';
import { useSurveyResponse } from './queries';
import { npsGroupLabel, factorShareRows } from './response-view';

interface Props {
  id: number | null;
  fromList: SurveyResponseListItem | undefined;
  timeZoneOf: (storeId: number) => string;
  onClose: () => void;
}

/** One answered survey: every question with its answer, and the factor scores behind the index. */
export function ResponseDrawer({ id, fromList, timeZoneOf, onClose }: Props) {
  const query = useSurveyResponse(id);
  const detail = query.data;
  const head = detail ?? fromList;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      title={head ? `${head.customerName} 的答卷` : '答卷'}
      extra={head?.lowScore ? <Tag color="red">低分</Tag> : null}
      destroyOnHidden
    >
      {detail ? (
        <Detail detail={detail} timeZone={timeZoneOf(detail.storeId)} />
      ) : query.isError ? (
        <Alert type="error" showIcon title={problemText(query.error)} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </Drawer>
  );
}

function Detail({ detail, timeZone }: { detail: SurveyResponseDetail; timeZone: string }) {
  const { score } = detail;
  return (
    <Flex vertical gap={16} data-testid={`response-detail-${detail.id}`}>
      {detail.lowScore && (
        <Alert
          type="error"
          showIcon
          title="低分答卷"
          description={
            score.lowScoreReasons.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {score.lowScoreReasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          {
            key: 'kind',
            label: '问卷',
            children: `${SURVEY_KIND_LABEL_ZH[detail.kind]}（第 ${detail.templateVersion} 版）`,
            span: 2,
          },
          { key: 'subject', label: '事项', children: detail.subject, span: 2 },
          { key: 'store', label: '门店', children: detail.storeName },
          { key: 'consultant', label: '销售顾问', children: detail.consultantName ?? '—' },
          {
            key: 'completed',
            label: '提交时间',
            children: localDateTime(detail.completedAt, timeZone),
            span: 2,
          },
          {
            key: 'index',
            label: '满意度指数',
            children: <span data-testid="response-index">{indexText(score.index)}</span>,
          },
          {
            key: 'nps',
            label: '推荐意愿',
            children: score.nps === null ? '—' : `${score.nps} 分（${npsGroupLabel(score.npsGroup)}）`,
          },
          {
            key: 'overall',
            label: '整体满意度',
            children: score.overall === null ? '—' : `${score.overall} 星`,
            span: 2,
          },
        ]}
      />
      {score.factors.length > 0 && (
        <Card
          size="small"
          title="维度得分"
          extra={<Typography.Text type="secondary">0–100，按权重计入指数</Typography.Text>}
        >
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={factorShareRows(score.factors)}
            columns={[
              { title: '维度', dataIndex: 'label', key: 'label' },
              { title: '权重', key: 'weight', align: 'right', render: (_, row) => `${row.share}%` },
              {
                title: '得分',
                key: 'score',
                align: 'right',
                render: (_, row) =>
                  row.score === null ? (
                    <Typography.Text type="secondary">未作答</Typography.Text>
                  ) : (
                    <span style={{ color: factorColor(row.score), fontWeight: 600 }}>
                      {scoreText(row.score)}
                    </span>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="逐题作答">
        <Flex vertical gap={12}>
          {detail.answers.map((answer, index) => (
            <Flex key={answer.key} vertical gap={2} data-testid={`response-answer-${answer.key}`}>
              <Typography.Text strong>
                {index + 1}. {answer.title}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                  {QUESTION_TYPE_LABEL_ZH[answer.type]}
                </Typography.Text>
              </Typography.Text>
              {answer.answer === null ? (
                <Typography.Text type="secondary">未作答</Typography.Text>
              ) : answer.type === 'text' ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  “{answer.answer}”
                </Typography.Paragraph>
              ) : (
                <Typography.Text>{answer.answer}</Typography.Text>
              )}
            </Flex>
          ))}
        </Flex>
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        答卷按客户作答时的第 {detail.templateVersion} 版问卷显示；已作答的版本永不修改。
      </Typography.Text>
    </Flex>
  );
}
