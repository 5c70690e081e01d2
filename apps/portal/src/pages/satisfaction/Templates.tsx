import { EditOutlined } from '@ant-design/icons';
import {
  DEFAULT_SURVEY_TEMPLATES,
  SURVEY_KINDS,
  SURVEY_KIND_LABEL_ZH,
  type SurveyKind,
  type SurveyTemplate,
  type SurveyTemplateContent,
} from '@dealer-care/domain';
import { Alert, Button, Card, Col, Empty, Flex, List, Row, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { canEditSurveyTemplates } from '../../access';
import { QueryFailed, QueryLoading } from '../../components/query-state';
import { localDateTime } from '../test-drives/time';
import type { SatisfactionContext } from './context';
import { filtersToParams, idParam } from './filters';
import { contentOf, versionsOf } from './template-editor';
import { TemplateEditor } from './TemplateEditor';
import { TemplateView } from './TemplateView';
import { useSurveyTemplates } from './queries';

/**
 * 问卷模板: the versions of each survey, the one in use, and (for managers and admins) a copy to
 * edit that is saved as a new version. Versions that customers answered never change.
 */
export function Templates({ context }: { context: SatisfactionContext }) {
  const { filters, params, update, staff, today } = context;
  const templates = useSurveyTemplates();
  const editable = canEditSurveyTemplates(staff.role);
  const [editing, setEditing] = useState<{
    kind: SurveyKind;
    base: SurveyTemplateContent;
    from: number | null;
  } | null>(null);

  if (templates.isPending) return <QueryLoading />;
  if (templates.isError)
    return <QueryFailed error={templates.error} onRetry={() => void templates.refetch()} />;

  const kind = filters.kind;
  const { versions, active } = versionsOf(templates.data, kind);
  const wanted = idParam(params.get('version'));
  const shown: SurveyTemplate | null =
    versions.find((v) => v.version === wanted) ?? active ?? versions[0] ?? null;

  const chooseKind = (next: SurveyKind) => {
    setEditing(null);
    update({ ...filtersToParams({ ...filters, kind: next }, today), version: null });
  };

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Segmented<SurveyKind>
          aria-label="问卷类型"
          data-testid="template-kind"
          value={kind}
          onChange={chooseKind}
          options={SURVEY_KINDS.map((k) => ({ value: k, label: SURVEY_KIND_LABEL_ZH[k] }))}
        />
        {!editable && (
          <Typography.Text type="secondary">问卷模板全集团统一，仅集团管理员可修改</Typography.Text>
        )}
      </Flex>
      <Alert
        type="info"
        showIcon
        title="修改问卷会保存为新版本"
        description="新版本保存后立即用于之后发出的邀请；已发出和已作答的问卷保留原来的版本，已作答的版本永不修改，历史答卷和得分因此始终可比、可查。"
      />
      {editing && editing.kind === kind ? (
        <TemplateEditor
          kind={kind}
          base={editing.base}
          fromVersion={editing.from}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            update({ version: String(saved.version) });
          }}
        />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <Card size="small" title="版本">
              {versions.length === 0 ? (
                <Empty description="该问卷还没有版本" />
              ) : (
                <List
                  size="small"
                  dataSource={versions}
                  renderItem={(v) => (
                    <List.Item
                      data-testid={`template-version-${v.version}`}
                      onClick={() => update({ version: String(v.version) })}
                      style={{
                        cursor: 'pointer',
                        paddingInline: 8,
                        background: v.id === shown?.id ? 'rgba(22, 119, 255, 0.08)' : undefined,
                      }}
                    >
                      <Flex vertical style={{ width: '100%' }}>
                        <Flex justify="space-between" align="center">
                          <Typography.Text strong>第 {v.version} 版</Typography.Text>
                          {v.active && <Tag color="green">使用中</Tag>}
                        </Flex>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {localDateTime(v.createdAt, context.timeZone)}
                          {v.createdByName ? ` · ${v.createdByName}` : ' · 系统默认'}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            {shown ? (
              <Card
                size="small"
                title={
                  <span>
                    第 {shown.version} 版{' '}
                    {shown.active ? <Tag color="green">使用中</Tag> : <Tag>历史版本</Tag>}
                  </span>
                }
                extra={
                  editable && (
                    <Button
                      type="primary"
                      icon={<EditOutlined />}
                      data-testid="template-edit"
                      onClick={() => setEditing({ kind, base: contentOf(shown), from: shown.version })}
                    >
                      基于此版本修改
                    </Button>
                  )
                }
              >
                <TemplateView content={shown} />
              </Card>
            ) : (
              <Card>
                <Empty description={`${SURVEY_KIND_LABEL_ZH[kind]}还没有模板`}>
                  {editable && (
                    <Button
                      type="primary"
                      data-testid="template-start-default"
                      onClick={() =>
                        setEditing({
                          kind,
                          base: structuredClone(DEFAULT_SURVEY_TEMPLATES[kind]),
                          from: null,
                        })
                      }
                    >
                      从默认模板开始
                    </Button>
                  )}
                </Empty>
              </Card>
            )}
          </Col>
        </Row>
      )}
    </Flex>
  );
}
