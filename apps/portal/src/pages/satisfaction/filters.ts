import {
  SURVEY_KINDS,
  type SatisfactionQuery,
  type StaffRole,
  type SurveyKind,
  type SurveyResponsesQuery,
} from '@dealer-care/domain';
import {
  SATISFACTION_TABS,
  canPickSatisfactionStore,
  satisfactionTabsFor,
  type SatisfactionTab,
} from '../../access';
import type { ParamChanges } from '../../search-params';
import { addDays, isCalendarDate } from '../test-drives/time';

/**
 * What the satisfaction figures are about, kept in the page's query string so a view can be
 * shared as a link: `?kind=sales_csi&from=2025-08-01&to=2025-10-29&store=2`.
 */
export interface SatisfactionFilters {
  kind: SurveyKind;
  /** Store-local dates, inclusive. */
  from: string;
  to: string;
  /** One store (admins only); null for every store in scope. */
  storeId: number | null;
}

/** The survey the dashboard opens on: the first journey a customer is asked about. */
export const DEFAULT_KIND: SurveyKind = 'test_drive_feedback';

/** The default period: the last 90 days, today included. */
export const DEFAULT_RANGE_DAYS = 90;

export function isSurveyKind(value: string | null | undefined): value is SurveyKind {
  return (SURVEY_KINDS as readonly string[]).includes(value ?? '');
}

/** The last `days` days up to `today`, inclusive. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

function positiveId(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The filters a query string asks for; anything missing or malformed falls back to the default. */
export function filtersFromParams(
  params: URLSearchParams,
  today: string,
  role: StaffRole,
): SatisfactionFilters {
  const kindParam = params.get('kind');
  const from = params.get('from');
  const to = params.get('to');
  const range =
    isCalendarDate(from) && isCalendarDate(to) && from <= to
      ? { from, to }
      : lastDays(today, DEFAULT_RANGE_DAYS);
  return {
    kind: isSurveyKind(kindParam) ? kindParam : DEFAULT_KIND,
    ...range,
    storeId: canPickSatisfactionStore(role) ? positiveId(params.get('store')) : null,
  };
}

/** The query-string changes for `next`; defaults are left out so the plain link stays plain. */
export function filtersToParams(next: SatisfactionFilters, today: string): ParamChanges {
  const fallback = lastDays(today, DEFAULT_RANGE_DAYS);
  const isDefaultRange = next.from === fallback.from && next.to === fallback.to;
  return {
    kind: next.kind === DEFAULT_KIND ? null : next.kind,
    from: isDefaultRange ? null : next.from,
    to: isDefaultRange ? null : next.to,
    store: next.storeId === null ? null : String(next.storeId),
  };
}

/** The API query for the filters. */
export function toSatisfactionQuery(filters: SatisfactionFilters): SatisfactionQuery {
  const query: SatisfactionQuery = { kind: filters.kind, from: filters.from, to: filters.to };
  if (filters.storeId !== null) query.storeId = filters.storeId;
  return query;
}

/** The tab a query string asks for, if the role may open it; else the dashboard. */
export function tabFromParam(value: string | null, role: StaffRole): SatisfactionTab {
  const tab = SATISFACTION_TABS.find((t) => t === value);
  return tab && satisfactionTabsFor(role).includes(tab) ? tab : 'dashboard';
}

/** A positive whole number from the query string (a page, an open record), or null. */
export function idParam(value: string | null): number | null {
  return positiveId(value);
}

/** The period in days, both ends included. */
export function rangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The group's home zone, for an admin who belongs to no store and sees no store yet. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The zone "today" and dates are read in: the store picked, else the staff's own store, else the
 * first store in scope.
 */
export function satisfactionTimeZone(
  storeId: number | null,
  stores: readonly { id: number; timeZone: string }[] | undefined,
): string {
  const list = stores ?? [];
  return (list.find((s) => s.id === storeId) ?? list[0])?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** Answers shown per page of the response list. */
export const RESPONSES_PAGE_SIZE = 20;

/** The response list's own filters from the query string: `low=1`, `consultant=<id>`, `page=<n>`. */
export function responseFiltersFromParams(params: URLSearchParams): {
  lowOnly: boolean;
  consultantId: number | null;
  page: number;
} {
  return {
    lowOnly: params.get('low') === '1',
    consultantId: positiveId(params.get('consultant')),
    page: positiveId(params.get('page')) ?? 1,
  };
}

/** The API query for a page of responses. */
export function toResponsesQuery(
  filters: SatisfactionFilters,
  list: { lowOnly: boolean; consultantId: number | null; page: number },
  pageSize = RESPONSES_PAGE_SIZE,
): SurveyResponsesQuery {
  const query: SurveyResponsesQuery = { ...toSatisfactionQuery(filters), page: list.page, pageSize };
  if (list.lowOnly) query.lowOnly = true;
  if (list.consultantId !== null) query.consultantId = list.consultantId;
  return query;
}
