import {
  INVITATION_HOLD_REASON_LABEL_ZH,
  INVITATION_STATUSES,
  INVITATION_STATUS_LABEL_ZH,
  type InvitationStatus,
  type SurveyInvitationListItem,
  type SurveyInvitationsQuery,
} from '@dealer-care/domain';
import { localDateTime } from '../test-drives/time';
import { toSatisfactionQuery, type SatisfactionFilters } from './filters';
import { durationText } from './format';

/** The invitation list's status filter: one status, or every invitation ('all'). */
export type InvitationFilter = InvitationStatus | 'all';

export const INVITATION_FILTERS: readonly InvitationFilter[] = ['all', ...INVITATION_STATUSES];

export function invitationFilterLabel(filter: InvitationFilter): string {
  return filter === 'all' ? '全部' : INVITATION_STATUS_LABEL_ZH[filter];
}

/** The list the query string asks for (`invitations=held`, `invitations=all`), or null when it is closed. */
export function invitationFilterFromParam(value: string | null): InvitationFilter | null {
  return INVITATION_FILTERS.find((filter) => filter === value) ?? null;
}

/** Invitations shown per page of the list. */
export const INVITATIONS_PAGE_SIZE = 20;

/** The API query for a page of invitations under the dashboard's filters. */
export function toInvitationsQuery(
  filters: SatisfactionFilters,
  filter: InvitationFilter,
  page: number,
  pageSize = INVITATIONS_PAGE_SIZE,
): SurveyInvitationsQuery {
  const query: SurveyInvitationsQuery = { ...toSatisfactionQuery(filters), page, pageSize };
  if (filter !== 'all') query.status = filter;
  return query;
}

/** Tag colours: what still needs the customer's answer, what is done, what never reached them. */
export const INVITATION_STATUS_COLOR: Record<InvitationStatus, string> = {
  scheduled: 'default',
  held: 'gold',
  sent: 'blue',
  opened: 'cyan',
  started: 'geekblue',
  completed: 'green',
  expired: 'orange',
  dropped: 'red',
};

/** One row of the invitation list, ready to show. */
export interface InvitationRowView {
  id: number;
  storeName: string;
  customerName: string;
  mobileMasked: string;
  subject: string;
  consultantName: string;
  statusLabel: string;
  statusColor: string;
  /** When it was due to be sent, store-local: "11月20日 14:00". */
  sendAtText: string;
  /** Why it is held, dropped or expired, in Chinese; null when nothing held it back. */
  reason: string | null;
  /** When sending is tried next (held or scheduled), NEVER_AGAIN for a dropped one, else null. */
  nextAttempt: NextAttempt | null;
}

const NONE = '—';

/** The next attempt: the store-local time, and how long until then. */
export interface NextAttempt {
  /** "11月27日 09:30", or "不再发送". */
  when: string;
  /** "6 天 19 小时后", "即将重试" once the time has passed; null for a dropped one. */
  note: string | null;
}

/** When the dispatcher tries again, with how long that is from now. */
export function nextAttemptOf(instant: string, timeZone: string, now: Date): NextAttempt {
  const left = Date.parse(instant) - now.getTime();
  return {
    when: localDateTime(instant, timeZone),
    note: left > 0 ? `${durationText(left)}后` : '即将重试',
  };
}

/** A dropped invitation is never tried again. */
export const NEVER_AGAIN: NextAttempt = { when: '不再发送', note: null };

/** An invitation as the list shows it, times in its store's zone. */
export function invitationRowView(
  item: SurveyInvitationListItem,
  timeZone: string,
  now: Date,
): InvitationRowView {
  let reason: string | null =
    item.holdReason === null ? null : INVITATION_HOLD_REASON_LABEL_ZH[item.holdReason];
  if (reason === null && item.status === 'expired') {
    reason = item.expiresAt
      ? `${localDateTime(item.expiresAt, timeZone)} 到期，客户未提交`
      : '到期，客户未提交';
  }
  let nextAttempt: NextAttempt | null = null;
  if ((item.status === 'held' || item.status === 'scheduled') && item.nextCheckAt !== null) {
    nextAttempt = nextAttemptOf(item.nextCheckAt, timeZone, now);
  } else if (item.status === 'dropped') {
    nextAttempt = NEVER_AGAIN;
  }
  return {
    id: item.id,
    storeName: item.storeName,
    customerName: item.customerName,
    mobileMasked: item.mobileMasked,
    subject: item.subject,
    consultantName: item.consultantName ?? NONE,
    statusLabel: INVITATION_STATUS_LABEL_ZH[item.status],
    statusColor: INVITATION_STATUS_COLOR[item.status],
    sendAtText: localDateTime(item.sendAt, timeZone),
    reason,
    nextAttempt,
  };
}

/** The list's title: "邀请明细 · 暂缓发送". */
export function invitationsTitle(filter: InvitationFilter): string {
  return filter === 'all' ? '邀请明细' : `邀请明细 · ${INVITATION_STATUS_LABEL_ZH[filter]}`;
}

/** What an empty list says. */
export function invitationsEmptyText(filter: InvitationFilter): string {
  return filter === 'all'
    ? '所选期间没有应发送的邀请'
    : `所选期间没有「${INVITATION_STATUS_LABEL_ZH[filter]}」的邀请`;
}
