import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import {
  addDays,
  daysBetween,
  ErrorCode,
  followUpRates,
  isIsoDate,
  localDateIn,
  zonedToUtc,
  type FollowUpCounts,
  type FollowUpStats,
  type FollowUpStatsQuery,
  type FollowUpTaskKind,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { storesToList } from '../../common/auth/store-scope.js';
import { Clock } from '../../common/clock/clock.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

const num = (value: unknown): number => Number(value ?? 0) || 0;

/**
 * Completion (完成率) and on-time (及时率) rates of the tasks due in a range of store-local dates,
 * per assignee and per rule: one GROUP BY query each, the domain's rules written as SQL
 * (on time = done with completed_at <= due_at; overdue open = pending and due before now).
 */
@Injectable()
export class FollowUpStatsService {
  constructor(
    private readonly clock: Clock,
    @InjectRepository(FollowUpTaskEntity) private readonly tasks: Repository<FollowUpTaskEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
  ) {}

  async stats(principal: StaffPrincipal, query: FollowUpStatsQuery): Promise<FollowUpStats> {
    const now = this.clock.now();
    const ids = storesToList(principal, query.storeId);
    const stores =
      ids === 'all'
        ? await this.stores.find()
        : ids.length > 0
          ? await this.stores.findBy({ id: In(ids) })
          : [];
    const { from, to } = this.range(query, stores[0]?.timeZone ?? 'Asia/Shanghai', now);

    const grouped = async (column: 'assignee_id' | 'kind' | null) => {
      const qb = this.inRange(this.tasks.createQueryBuilder('t'), stores, from, to)
        .select('COUNT(*)', 'total')
        .addSelect("SUM(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END)", 'done')
        .addSelect(
          "SUM(CASE WHEN t.status = 'done' AND t.completed_at <= t.due_at THEN 1 ELSE 0 END)",
          'on_time',
        )
        .addSelect(
          "SUM(CASE WHEN t.status = 'pending' AND t.due_at < :now THEN 1 ELSE 0 END)",
          'overdue_open',
        )
        .addSelect("SUM(CASE WHEN t.status = 'cancelled' THEN 1 ELSE 0 END)", 'cancelled')
        .setParameter('now', now);
      if (column) qb.addSelect(`t.${column}`, 'grp').groupBy(`t.${column}`);
      return qb.getRawMany<Record<string, unknown>>();
    };
    const counts = (row: Record<string, unknown> | undefined): FollowUpCounts => ({
      total: num(row?.total),
      done: num(row?.done),
      onTime: num(row?.on_time),
      overdueOpen: num(row?.overdue_open),
      cancelled: num(row?.cancelled),
    });
    const [overall, byAssignee, byKind] = await Promise.all([
      grouped(null),
      grouped('assignee_id'),
      grouped('kind'),
    ]);
    const staffIds = byAssignee.flatMap((row) => (row.grp === null ? [] : [num(row.grp)]));
    const names = new Map(
      (staffIds.length > 0 ? await this.staff.findBy({ id: In(staffIds) }) : []).map((member) => [
        member.id,
        member.displayName,
      ]),
    );
    return {
      from,
      to,
      overall: followUpRates(counts(overall[0])),
      byAssignee: byAssignee
        .map((row) => {
          const staffId = row.grp === null ? null : num(row.grp);
          return {
            ...followUpRates(counts(row)),
            staffId,
            name: staffId === null ? '未分配' : (names.get(staffId) ?? ''),
          };
        })
        .sort((a, b) => b.total - a.total || (a.staffId ?? 0) - (b.staffId ?? 0)),
      byKind: byKind
        .map((row) => ({ ...followUpRates(counts(row)), kind: String(row.grp) as FollowUpTaskKind }))
        .sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind)),
    };
  }

  /** Default: the last 30 store-local days up to today. */
  private range(query: FollowUpStatsQuery, timeZone: string, now: Date): { from: string; to: string } {
    const checked = (field: 'from' | 'to', value: string): string => {
      if (!isIsoDate(value)) {
        throw new DomainException(ErrorCode.ValidationFailed, '日期不存在或格式不正确', [
          { field, message: '日期不存在或格式不正确' },
        ]);
      }
      return value;
    };
    // `to` is checked before the default `from` is counted back from it (2026-02-30 is no date).
    const to = checked('to', query.to ?? localDateIn(timeZone, now));
    const from = checked('from', query.from ?? addDays(to, -(DEFAULT_DAYS - 1)));
    if (daysBetween(from, to) < 0 || daysBetween(from, to) >= MAX_DAYS) {
      throw new DomainException(
        ErrorCode.ValidationFailed,
        `开始日期须不晚于结束日期，且跨度不超过${MAX_DAYS}天`,
        [{ field: 'from', message: '日期范围不正确' }],
      );
    }
    return { from, to };
  }

  /** Tasks of the stores due on the range's store-local dates, each store in its own zone. */
  private inRange(
    qb: SelectQueryBuilder<FollowUpTaskEntity>,
    stores: StoreEntity[],
    from: string,
    to: string,
  ): SelectQueryBuilder<FollowUpTaskEntity> {
    const byZone = new Map<string, number[]>();
    for (const store of stores) byZone.set(store.timeZone, [...(byZone.get(store.timeZone) ?? []), store.id]);
    if (byZone.size === 0) return qb.where('1 = 0');
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    [...byZone].forEach(([timeZone, storeIds], index) => {
      parts.push(`(t.store_id IN (:...rs${index}) AND t.due_at >= :ra${index} AND t.due_at < :rb${index})`);
      params[`rs${index}`] = storeIds;
      params[`ra${index}`] = zonedToUtc(from, '00:00', timeZone);
      params[`rb${index}`] = zonedToUtc(addDays(to, 1), '00:00', timeZone);
    });
    return qb.where(`(${parts.join(' OR ')})`, params);
  }
}
