import {
  INVITATION_STATUSES,
  type InvitationStatus,
  type SurveyInvitationListItem,
} from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  INVITATION_FILTERS,
  INVITATION_STATUS_COLOR,
  invitationFilterFromParam,
  invitationFilterLabel,
  invitationRowView,
  invitationsEmptyText,
  invitationsTitle,
  NEVER_AGAIN,
  nextAttemptOf,
  toInvitationsQuery,
} from './invitations';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2025-11-20T06:00:00Z'); // 14:00 in Shanghai

function invitation(overrides: Partial<SurveyInvitationListItem> = {}): SurveyInvitationListItem {
  return {
    id: 42,
    kind: 'test_drive_feedback',
    storeId: 1,
    storeName: '星河汽车城店',
    customerName: '王女士',
    mobileMasked: '138****0001',
    subject: '试驾 云岚 星河 · 11月20日 · 星河汽车城店',
    consultantName: '陈晓明',
    status: 'held',
    holdReason: 'contact_budget',
    sendAt: '2025-11-20T05:00:00Z',
    nextCheckAt: '2025-11-27T01:30:00Z',
    sentAt: null,
    remindedAt: null,
    openedAt: null,
    completedAt: null,
    expiresAt: null,
    createdAt: '2025-11-20T05:00:00Z',
    ...overrides,
  };
}

describe('invitation filters', () => {
  it('offers every status after "all", each with its Chinese label', () => {
    expect(INVITATION_FILTERS).toEqual(['all', ...INVITATION_STATUSES]);
    expect(invitationFilterLabel('all')).toBe('全部');
    expect(invitationFilterLabel('held')).toBe('暂缓发送');
    expect(invitationFilterLabel('dropped')).toBe('未发送');
    expect(invitationFilterLabel('expired')).toBe('已过期');
  });

  it('reads the open list from the query string, and nothing else', () => {
    expect(invitationFilterFromParam('held')).toBe('held');
    expect(invitationFilterFromParam('all')).toBe('all');
    expect(invitationFilterFromParam(null)).toBeNull();
    expect(invitationFilterFromParam('')).toBeNull();
    expect(invitationFilterFromParam('HELD')).toBeNull();
    expect(invitationFilterFromParam('contact_budget')).toBeNull();
  });

  it('asks the API for one status, or none for all, under the dashboard filters', () => {
    const filters = { kind: 'sales_csi' as const, from: '2025-08-23', to: '2025-11-20', storeId: null };
    expect(toInvitationsQuery(filters, 'held', 1)).toEqual({
      kind: 'sales_csi',
      from: '2025-08-23',
      to: '2025-11-20',
      status: 'held',
      page: 1,
      pageSize: 20,
    });
    expect(toInvitationsQuery({ ...filters, storeId: 2 }, 'all', 3, 50)).toEqual({
      kind: 'sales_csi',
      from: '2025-08-23',
      to: '2025-11-20',
      storeId: 2,
      page: 3,
      pageSize: 50,
    });
  });

  it('titles and empties the list by its status', () => {
    expect(invitationsTitle('all')).toBe('邀请明细');
    expect(invitationsTitle('held')).toBe('邀请明细 · 暂缓发送');
    expect(invitationsEmptyText('dropped')).toBe('所选期间没有「未发送」的邀请');
    expect(invitationsEmptyText('all')).toBe('所选期间没有应发送的邀请');
  });

  it('colours every status', () => {
    for (const status of INVITATION_STATUSES) expect(INVITATION_STATUS_COLOR[status]).toBeTruthy();
  });
});

describe('nextAttemptOf', () => {
  it('gives the store-local time and how long until then', () => {
    expect(nextAttemptOf('2025-11-27T01:30:00Z', TZ, NOW)).toEqual({
      when: '11月27日 09:30',
      note: '6 天 19 小时后',
    });
    expect(nextAttemptOf('2025-11-20T06:45:00Z', TZ, NOW)).toEqual({
      when: '11月20日 14:45',
      note: '45 分钟后',
    });
    expect(nextAttemptOf('2025-11-20T06:01:00Z', 'Asia/Urumqi', NOW)).toEqual({
      when: '11月20日 12:01',
      note: '1 分钟后',
    });
  });

  it('says a time already reached or passed is about to be retried', () => {
    expect(nextAttemptOf('2025-11-20T06:00:00Z', TZ, NOW).note).toBe('即将重试');
    expect(nextAttemptOf('2025-11-20T05:59:00Z', TZ, NOW)).toEqual({
      when: '11月20日 13:59',
      note: '即将重试',
    });
  });
});

describe('invitationRowView', () => {
  it('shows a held invitation with its reason in Chinese and the next attempt', () => {
    expect(invitationRowView(invitation(), TZ, NOW)).toEqual({
      id: 42,
      storeName: '星河汽车城店',
      customerName: '王女士',
      mobileMasked: '138****0001',
      subject: '试驾 云岚 星河 · 11月20日 · 星河汽车城店',
      consultantName: '陈晓明',
      statusLabel: '暂缓发送',
      statusColor: 'gold',
      sendAtText: '11月20日 13:00',
      reason: '近期已发送过问卷（联系频次限制）',
      nextAttempt: { when: '11月27日 09:30', note: '6 天 19 小时后' },
    });
  });

  it('names every hold reason', () => {
    const reasons = (['open_complaint', 'no_wechat_customer'] as const).map(
      (holdReason) => invitationRowView(invitation({ holdReason }), TZ, NOW).reason,
    );
    expect(reasons).toEqual(['客户有未处理完的投诉', '客户尚未绑定微信']);
  });

  it('shows why a dropped invitation was never sent, and that it will not be', () => {
    const row = invitationRowView(
      invitation({ status: 'dropped', holdReason: 'held_too_long', nextCheckAt: null }),
      TZ,
      NOW,
    );
    expect(row).toMatchObject({
      statusLabel: '未发送',
      statusColor: 'red',
      reason: '暂缓超过期限，不再发送',
      nextAttempt: NEVER_AGAIN,
    });
    expect(NEVER_AGAIN).toEqual({ when: '不再发送', note: null });
  });

  it('says when an expired invitation ran out', () => {
    const row = invitationRowView(
      invitation({
        status: 'expired',
        holdReason: null,
        nextCheckAt: null,
        sentAt: '2025-11-01T02:00:00Z',
        expiresAt: '2025-11-15T02:00:00Z',
      }),
      TZ,
      NOW,
    );
    expect(row).toMatchObject({
      statusLabel: '已过期',
      reason: '11月15日 10:00 到期，客户未提交',
      nextAttempt: null,
    });
  });

  it('gives a scheduled one its send time as the next attempt', () => {
    const row = invitationRowView(
      invitation({ status: 'scheduled', holdReason: null, nextCheckAt: '2025-11-21T02:00:00Z' }),
      TZ,
      NOW,
    );
    expect(row).toMatchObject({ reason: null, nextAttempt: { when: '11月21日 10:00', note: '20 小时后' } });
  });

  it('leaves reason and next attempt empty once sent, and dashes a missing consultant', () => {
    const sentStatuses: InvitationStatus[] = ['sent', 'opened', 'started', 'completed'];
    for (const status of sentStatuses) {
      const row = invitationRowView(
        invitation({
          status,
          holdReason: null,
          nextCheckAt: null,
          sentAt: '2025-11-20T05:00:00Z',
          consultantName: null,
        }),
        TZ,
        NOW,
      );
      expect([status, row.reason, row.nextAttempt, row.consultantName]).toEqual([status, null, null, '—']);
    }
  });
});
