import { QUESTION_TYPE_LABEL_ZH, type SurveyTemplateContent } from '@dealer-care/domain';
import { Descriptions, Divider, Flex, Space, Table, Tag, Typography } from 'antd';
import { OUTCOME_MEASURE_LABEL_ZH, conditionText, factorShares, ruleLines } from './template-editor';

/** A template version as the customer will meet it, with what scores it: read-only. */
export function TemplateView({ content }: { content: SurveyTemplateContent }) {
  const shares = factorShares(content.factors);
  const factorLabel = new Map(content.factors.map((f) => [f.key, f.label]));
  const rule = ruleLines(content.lowScoreRule);
  return (
    <Flex vertical gap={12} data-testid="template-view">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'title', label: '标题', children: content.title },
          { key: 'intro', label: '开场说明', children: content.intro },
          { key: 'thanks', label: '结束语', children: content.thanks },
          {
            key: 'rule',
            label: '低分规则',
            children: rule.length === 0 ? '未启用' : `满足任一条即为低分：${rule.join('；')}`,
          },
        ]}
      />
      {content.factors.length > 0 && (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={content.factors.map((f, i) => ({ ...f, share: shares[i] ?? 0 }))}
          columns={[
            { title: '评分维度', dataIndex: 'label', key: 'label' },
            {
              title: '编码',
              dataIndex: 'key',
              key: 'key',
              render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
            },
            { title: '权重', dataIndex: 'weight', key: 'weight', align: 'right' },
            { title: '占指数', key: 'share', align: 'right', render: (_, row) => `${row.share}%` },
          ]}
        />
      )}
      <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
        题目（{content.questions.length}）
      </Divider>
      <Flex vertical gap={10}>
        {content.questions.map((q, index) => {
          const condition = conditionText(content.questions, q);
          return (
            <Flex key={q.key} vertical gap={2}>
              <Typography.Text strong>
                {index + 1}. {q.title}
                {q.required && <Typography.Text type="danger"> *</Typography.Text>}
              </Typography.Text>
              <Space size={4} wrap>
                <Tag>{QUESTION_TYPE_LABEL_ZH[q.type]}</Tag>
                <Typography.Text code>{q.key}</Typography.Text>
                {q.type === 'rating' &&
                  (q.factor ? (
                    <Tag color="blue">
                      维度：{factorLabel.get(q.factor) ?? q.factor}
                      {q.weight !== undefined && q.weight !== 1 ? ` × ${q.weight}` : ''}
                    </Tag>
                  ) : (
                    <Tag>不计入指数</Tag>
                  ))}
                {q.type === 'rating' && q.measure && (
                  <Tag color="purple">{OUTCOME_MEASURE_LABEL_ZH[q.measure]}</Tag>
                )}
                {q.type === 'text' && <Tag>最多 {q.maxLength} 字</Tag>}
                {condition && <Tag color="gold">{condition}</Tag>}
              </Space>
              {q.help && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {q.help}
                </Typography.Text>
              )}
              {(q.type === 'single_choice' || q.type === 'multi_choice') && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  选项：{q.options.map((o) => o.label).join(' / ')}
                </Typography.Text>
              )}
            </Flex>
          );
        })}
      </Flex>
    </Flex>
  );
}
