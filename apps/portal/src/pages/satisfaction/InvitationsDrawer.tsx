import type { SurveyInvitationListItem } from '@dealer-care/domain';
import { Drawer, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { QueryFailedLine } from '../../components/query-state';
import type { SatisfactionContext } from './context';
import { idParam } from './filters';
import { shortDate } from './format';
import {
  INVITATION_FILTERS,
  INVITATIONS_PAGE_SIZE,
  invitationFilterFromParam,
  invitationFilterLabel,
  invitationRowView,
  invitationsEmptyText,
  invitationsTitle,
  toInvitationsQuery,
  type InvitationFilter,
  type InvitationRowView,
} from './invitations';
import { useSurveyInvitations } from './queries';
import { useNow } from './use-now';

/**
 * The invitations behind the funnel's numbers (`?invitations=held&page=2`): who was held back or
 * never sent and why, and when a held one is tried again; times in each store's own zone.
 */
export function InvitationsDrawer({ context }: { context: SatisfactionContext }) {
  const { filters, params, update, stores } = context;
  const filter = invitationFilterFromParam(params.get('invitations'));
  const page = idParam(params.get('page')) ?? 1;
  const open = filter !== null;
  const shown: InvitationFilter = filter ?? 'all';
  const query = useSurveyInvitations(toInvitationsQuery(filters, shown, page), open);
  const now = useNow();
  const zoneOf = (storeId: number) => stores.find((s) => s.id === storeId)?.timeZone ?? context.timeZone;
  const manyStores = stores.length > 1 && filters.storeId === null;
  const rows = (query.data?.items ?? []).map((item: SurveyInvitationListItem) =>
    invitationRowView(item, zoneOf(item.storeId), now),
  );

  const columns: TableColumnsType<InvitationRowView> = [
    { title: '应发时间', dataIndex: 'sendAtText', key: 'sendAt', width: 120 },
    ...(manyStores ? [{ title: '门店', dataIndex: 'storeName', key: 'store', width: 120 }] : []),
    {
      title: '客户',
      key: 'customer',
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text>
            {row.customerName}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.mobileMasked}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.subject}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '销售顾问', dataIndex: 'consultantName', key: 'consultant', width: 100 },
    {
      title: '状态',
      key: 'status',
      width: 96,
      render: (_, row) => <Tag color={row.statusColor}>{row.statusLabel}</Tag>,
    },
    {
      title: '原因',
      key: 'reason',
      width: 200,
      render: (_, row) => (
        <Typography.Text
          data-testid={`invitation-reason-${row.id}`}
          type={row.reason === null ? 'secondary' : undefined}
        >
          {row.reason ?? '—'}
        </Typography.Text>
      ),
    },
    {
      title: '下次尝试',
      key: 'nextAttempt',
      width: 140,
      render: (_, row) =>
        row.nextAttempt === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical data-testid={`invitation-next-${row.id}`}>
            <Typography.Text type={row.nextAttempt.note === null ? 'secondary' : undefined}>
              {row.nextAttempt.when}
            </Typography.Text>
            {row.nextAttempt.note !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.nextAttempt.note}
              </Typography.Text>
            )}
          </Flex>
        ),
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={() => update({ invitations: null, page: null })}
      size={1080}
      title={invitationsTitle(shown)}
      destroyOnHidden
    >
      <Flex vertical gap={12} data-testid="invitations-drawer">
        <Flex wrap gap={12} align="center" justify="space-between">
          <Select<InvitationFilter>
            aria-label="邀请状态"
            data-testid="invitations-status"
            style={{ minWidth: 140 }}
            value={shown}
            onChange={(value) => update({ invitations: value, page: null })}
            options={INVITATION_FILTERS.map((value) => ({ value, label: invitationFilterLabel(value) }))}
          />
          <Typography.Text type="secondary">
            按应发送日期（门店当地）筛选：{shortDate(filters.from)} – {shortDate(filters.to)}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          同一客户在联系间隔内只发一份问卷，客户有未处理完的投诉时也暂不发送；暂缓的问卷会在“下次尝试”时重新判断，暂缓过久则不再发送。
        </Typography.Text>
        {query.isError && <QueryFailedLine error={query.error} onRetry={() => void query.refetch()} />}
        <Table<InvitationRowView>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          scroll={{ x: 960 }}
          locale={{ emptyText: invitationsEmptyText(shown) }}
          pagination={{
            current: page,
            pageSize: query.data?.pageSize ?? INVITATIONS_PAGE_SIZE,
            total: query.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 份`,
            onChange: (next) => update({ page: next === 1 ? null : String(next) }),
          }}
          onRow={(row) => ({ 'data-testid': `invitation-row-${row.id}` }) as HTMLAttributes<HTMLElement>}
        />
      </Flex>
    </Drawer>
  );
}
