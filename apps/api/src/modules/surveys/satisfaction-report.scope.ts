import { In, type Repository } from 'typeorm';
import {
  addDays,
  daysBetween,
  ErrorCode,
  isIsoDate,
  localDateIn,
  type FieldError,
  type SatisfactionQuery,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { storesToList } from '../../common/auth/store-scope.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import type { StoreEntity } from '../stores/store.entity.js';
import {
  SATISFACTION_DEFAULT_RANGE_DAYS,
  SATISFACTION_MAX_RANGE_DAYS,
} from './dto/satisfaction-query.dto.js';
import type { ReportScope } from './satisfaction-report.queries.js';

/** The zone used for "today" when the caller's scope has no store at all. */
export const FALLBACK_TIME_ZONE = 'Asia/Shanghai';

/** The dashboard's filters plus the response list's own. */
export type ReportScopeQuery = SatisfactionQuery & { consultantId?: number; lowOnly?: boolean };

/**
 * The stores and dates a satisfaction request covers (the summary, the response list, the CSV,
 * the invitation list). Admins see every store (or the one asked for); consultants and managers
 * only their own, and asking for another is the usual 403. Dates are store-local: to defaults to
 * today, from to 89 days before it (90 days in all), at most SATISFACTION_MAX_RANGE_DAYS in all.
 */
export async function resolveReportScope(
  storeRepository: Repository<StoreEntity>,
  principal: StaffPrincipal,
  query: ReportScopeQuery,
  now: Date,
): Promise<{ scope: ReportScope; stores: StoreEntity[] }> {
  const visible = storesToList(principal, query.storeId);
  if (visible !== 'all' && visible.length === 0) throw new DomainException(ErrorCode.OutOfStoreScope);
  const stores = await storeRepository.find({
    where: visible === 'all' ? {} : { id: In(visible) },
    order: { id: 'ASC' },
  });
  if (query.storeId !== undefined && stores.length === 0) {
    throw new DomainException(ErrorCode.NotFound, '门店不存在');
  }

  const today = localDateIn(stores[0]?.timeZone ?? FALLBACK_TIME_ZONE, now);
  const errors: FieldError[] = [];
  if (query.from !== undefined && !isIsoDate(query.from))
    errors.push({ field: 'from', message: '日期不存在' });
  if (query.to !== undefined && !isIsoDate(query.to)) errors.push({ field: 'to', message: '日期不存在' });
  if (errors.length > 0) throw new DomainException(ErrorCode.ValidationFailed, '日期不存在', errors);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - SATISFACTION_DEFAULT_RANGE_DAYS);
  if (from > to) {
    throw new DomainException(ErrorCode.ValidationFailed, '开始日期不能晚于结束日期', [
      { field: 'from', message: '开始日期不能晚于结束日期' },
    ]);
  }
  if (daysBetween(from, to) + 1 > SATISFACTION_MAX_RANGE_DAYS) {
    const message = `日期范围最长 ${SATISFACTION_MAX_RANGE_DAYS} 天`;
    throw new DomainException(ErrorCode.ValidationFailed, message, [{ field: 'from', message }]);
  }
  return {
    scope: {
      kind: query.kind,
      stores: stores.map((store) => ({ id: store.id, timeZone: store.timeZone })),
      from,
      to,
      ...(query.consultantId !== undefined ? { consultantId: query.consultantId } : {}),
      ...(query.lowOnly ? { lowOnly: true } : {}),
    },
    stores,
  };
}
