/**
 * Which tasks a member of staff sees in the inbox, as SQL: the stores in their scope, the
 * assignee filter (consultants: their own plus the store's unassigned consultant pool), and the
 * inbox buckets with "today" read in each store's own time zone.
 */
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import {
  addDays,
  ErrorCode,
  utcToZoned,
  zonedToUtc,
  type FollowUpTaskKind,
  type InboxBucket,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { storesToList } from '../../common/auth/store-scope.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import type { StoreEntity } from '../stores/store.entity.js';
import type { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';

export interface InboxFilter {
  storeId?: number;
  assigneeId?: number;
  escalatedOnly?: boolean;
  kind?: FollowUpTaskKind;
}

export interface InboxScope {
  stores: Array<Pick<StoreEntity, 'id' | 'timeZone'>>;
  /** Consultants by default: { mine: id } = own tasks plus the unassigned consultant pool. */
  assignee: { mine: number } | { id: number } | null;
  escalatedOnly: boolean;
  kind: FollowUpTaskKind | null;
}

export async function resolveInboxScope(
  stores: Repository<StoreEntity>,
  principal: StaffPrincipal,
  filter: InboxFilter,
): Promise<InboxScope> {
  const ids = storesToList(principal, filter.storeId);
  const rows =
    ids === 'all'
      ? await stores.find({ select: { id: true, timeZone: true } })
      : ids.length > 0
        ? await stores.find({ select: { id: true, timeZone: true }, where: { id: In(ids) } })
        : [];
  let assignee: InboxScope['assignee'] = null;
  if (principal.role === 'consultant') {
    if (filter.assigneeId !== undefined && filter.assigneeId !== principal.id) {
      throw new DomainException(ErrorCode.Forbidden, '销售顾问只能查看自己的回访任务');
    }
    assignee = filter.assigneeId === undefined ? { mine: principal.id } : { id: principal.id };
  } else if (filter.assigneeId !== undefined) {
    assignee = { id: filter.assigneeId };
  }
  return { stores: rows, assignee, escalatedOnly: filter.escalatedOnly ?? false, kind: filter.kind ?? null };
}

/** The stores of each time zone with the UTC instant their store-local "today" ends. */
function todayEnds(scope: InboxScope, now: Date): Array<{ storeIds: number[]; end: Date }> {
  const byZone = new Map<string, number[]>();
  for (const store of scope.stores)
    byZone.set(store.timeZone, [...(byZone.get(store.timeZone) ?? []), store.id]);
  return [...byZone].map(([timeZone, storeIds]) => ({
    storeIds,
    end: zonedToUtc(addDays(utcToZoned(now, timeZone).date, 1), '00:00', timeZone),
  }));
}

/** Store, assignee, escalation and kind filters; an empty scope matches nothing. */
export function whereInScope(
  qb: SelectQueryBuilder<FollowUpTaskEntity>,
  scope: InboxScope,
): SelectQueryBuilder<FollowUpTaskEntity> {
  if (scope.stores.length === 0) return qb.andWhere('1 = 0');
  qb.andWhere('t.store_id IN (:...scopeStores)', { scopeStores: scope.stores.map((store) => store.id) });
  if (scope.assignee && 'mine' in scope.assignee) {
    qb.andWhere("(t.assignee_id = :me OR (t.assignee_id IS NULL AND t.assignee_role = 'consultant'))", {
      me: scope.assignee.mine,
    });
  } else if (scope.assignee) {
    qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: scope.assignee.id });
  }
  if (scope.escalatedOnly) qb.andWhere('t.escalated_at IS NOT NULL');
  if (scope.kind) qb.andWhere('t.kind = :kind', { kind: scope.kind });
  return qb;
}

/** The bucket as SQL, the same rules as the domain's inboxBucket; no bucket = everything pending. */
export function whereInBucket(
  qb: SelectQueryBuilder<FollowUpTaskEntity>,
  scope: InboxScope,
  bucket: InboxBucket | 'escalated' | undefined,
  now: Date,
): SelectQueryBuilder<FollowUpTaskEntity> {
  if (bucket === 'closed') return qb.andWhere("t.status IN ('done', 'cancelled')");
  qb.andWhere("t.status = 'pending'");
  if (bucket === undefined) return qb;
  if (bucket === 'escalated') return qb.andWhere('t.escalated_at IS NOT NULL');
  if (bucket === 'overdue') return qb.andWhere('t.due_at < :now', { now });
  const parts: string[] = [];
  const params: Record<string, unknown> = { now };
  todayEnds(scope, now).forEach((zone, index) => {
    parts.push(
      bucket === 'today'
        ? `(t.store_id IN (:...tz${index}) AND t.due_at < :te${index})`
        : `(t.store_id IN (:...tz${index}) AND t.due_at >= :te${index})`,
    );
    params[`tz${index}`] = zone.storeIds;
    params[`te${index}`] = zone.end;
  });
  if (parts.length === 0) return qb.andWhere('1 = 0');
  if (bucket === 'today') qb.andWhere('t.due_at >= :now', params);
  return qb.andWhere(`(${parts.join(' OR ')})`, params);
}
