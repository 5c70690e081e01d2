/**
 * The dashboard's SQL. Everything is aggregated in the database (GROUP BY over the indexed
 * columns of survey_responses, survey_factor_scores, survey_invitations and low_score_cases), so
 * a report reads a handful of rows whatever the number of responses. Written once for SQLite and
 * MariaDB: plain CASE/SUM/COUNT, no date functions (dates are compared as stored UTC instants or
 * as the denormalised store-local "YYYY-MM-DD" columns).
 */
import type { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import {
  npsFromCounts,
  roundTo,
  zonedToUtc,
  addDays,
  type ScoreAggregate,
  type SurveyFunnel,
  type SurveyKind,
} from '@dealer-care/domain';
import { LowScoreCaseEntity } from './entities/low-score-case.entity.js';
import { ProcessAuditEntity } from './entities/process-audit.entity.js';
import { SurveyFactorScoreEntity } from './entities/survey-factor-score.entity.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from './entities/survey-response.entity.js';

/** What one report covers: a kind, some stores (with their time zones) and store-local dates. */
export interface ReportScope {
  kind: SurveyKind;
  stores: Array<{ id: number; timeZone: string }>;
  /** Inclusive store-local dates. */
  from: string;
  to: string;
  consultantId?: number;
  lowOnly?: boolean;
}

/** The sums a ScoreAggregate is made from. */
export interface ScoreSums {
  responses: number;
  indexSum: number;
  indexCount: number;
  promoters: number;
  passives: number;
  detractors: number;
  lowScores: number;
}

/** The same numbers the domain's aggregateScores gives for the rows these sums were taken over. */
export function aggregateFromSums(sums: ScoreSums): ScoreAggregate {
  return {
    responses: sums.responses,
    index: sums.indexCount > 0 ? Math.round(roundTo(sums.indexSum / sums.indexCount, 6)) : null,
    nps: npsFromCounts(sums.promoters, sums.passives, sums.detractors),
    promoters: sums.promoters,
    passives: sums.passives,
    detractors: sums.detractors,
    lowScores: sums.lowScores,
  };
}

/** COUNT/SUM come back as numbers, numeric strings (MariaDB DECIMAL) or null (SUM of nothing). */
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** The (kind, store_id, local_date) index of survey_responses (migration Surveys1764300000000). */
const RESPONSES_BY_STORE_DATE = 'IDX_survey_responses_kind_store_date';

const storeIdsOf = (scope: ReportScope) => scope.stores.map((store) => store.id);

/** The response filter every response query shares; it matches (kind, store_id, local_date). */
export function whereResponses<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  scope: ReportScope,
): SelectQueryBuilder<T> {
  qb.where(`${alias}.kind = :kind`, { kind: scope.kind })
    .andWhere(`${alias}.store_id IN (:...storeIds)`, { storeIds: storeIdsOf(scope) })
    .andWhere(`${alias}.local_date >= :fromDate AND ${alias}.local_date <= :toDate`, {
      fromDate: scope.from,
      toDate: scope.to,
    });
  if (scope.consultantId !== undefined) {
    qb.andWhere(`${alias}.consultant_id = :consultantId`, { consultantId: scope.consultantId });
  }
  if (scope.lowOnly) qb.andWhere(`${alias}.low_score = :low`, { low: true });
  return qb;
}

const SCORE_COLUMNS = (alias: string) => [
  'COUNT(*) AS responses',
  `SUM(${alias}.index_score) AS index_sum`,
  `COUNT(${alias}.index_score) AS index_count`,
  `SUM(CASE WHEN ${alias}.nps >= 9 THEN 1 ELSE 0 END) AS promoters`,
  `SUM(CASE WHEN ${alias}.nps >= 7 AND ${alias}.nps <= 8 THEN 1 ELSE 0 END) AS passives`,
  `SUM(CASE WHEN ${alias}.nps <= 6 THEN 1 ELSE 0 END) AS detractors`,
  `SUM(CASE WHEN ${alias}.low_score = 1 THEN 1 ELSE 0 END) AS low_scores`,
];

function toSums(row: Record<string, unknown> | undefined): ScoreSums {
  return {
    responses: num(row?.responses),
    indexSum: num(row?.index_sum),
    indexCount: num(row?.index_count),
    promoters: num(row?.promoters),
    passives: num(row?.passives),
    detractors: num(row?.detractors),
    lowScores: num(row?.low_scores),
  };
}

/** Score sums over the scope, or per week / store / consultant. */
export async function scoreSums(manager: EntityManager, scope: ReportScope): Promise<ScoreSums> {
  const qb = whereResponses(manager.getRepository(SurveyResponseEntity).createQueryBuilder('r'), 'r', scope);
  const row = await qb.select(SCORE_COLUMNS('r')).getRawOne<Record<string, unknown>>();
  return toSums(row);
}

export async function scoreSumsBy(
  manager: EntityManager,
  scope: ReportScope,
  column: 'local_week' | 'store_id' | 'consultant_id',
): Promise<Array<{ key: string | number; sums: ScoreSums }>> {
  const qb = whereResponses(manager.getRepository(SurveyResponseEntity).createQueryBuilder('r'), 'r', scope);
  if (column === 'consultant_id') {
    // Grouping by consultant tempts MariaDB into walking the whole (kind, consultant_id, …) index
    // for its order (3 s at a million rows); the date range on the store index reads a fraction.
    // A hint on MySQL/MariaDB only: TypeORM leaves it out elsewhere.
    qb.useIndex(RESPONSES_BY_STORE_DATE).andWhere('r.consultant_id IS NOT NULL');
  }
  const rows = await qb
    .select(`r.${column}`, 'group_key')
    .addSelect(SCORE_COLUMNS('r'))
    .groupBy(`r.${column}`)
    .orderBy(`r.${column}`, 'ASC')
    .getRawMany<Record<string, unknown>>();
  return rows.map((row) => ({
    key: column === 'local_week' ? String(row.group_key) : Number(row.group_key),
    sums: toSums(row),
  }));
}

/** Mean score and number of scored responses per factor key. */
export async function factorMeans(
  manager: EntityManager,
  scope: ReportScope,
): Promise<Array<{ key: string; score: number | null; responses: number }>> {
  const qb = manager.getRepository(SurveyFactorScoreEntity).createQueryBuilder('f');
  qb.where('f.kind = :kind', { kind: scope.kind })
    .andWhere('f.store_id IN (:...storeIds)', { storeIds: storeIdsOf(scope) })
    .andWhere('f.local_date >= :fromDate AND f.local_date <= :toDate', {
      fromDate: scope.from,
      toDate: scope.to,
    });
  const rows = await qb
    .select('f.factor_key', 'factor_key')
    .addSelect('SUM(f.score)', 'score_sum')
    .addSelect('COUNT(*)', 'n')
    .groupBy('f.factor_key')
    .getRawMany<Record<string, unknown>>();
  return rows.map((row) => {
    const n = num(row.n);
    return {
      key: String(row.factor_key),
      score: n > 0 ? roundTo(num(row.score_sum) / n, 1) : null,
      responses: n,
    };
  });
}

/**
 * Each time zone's stores with the UTC instants of the range's first midnight and the midnight
 * after its last day: invitations are filtered on their instants, in their store's own zone.
 */
function zoneWindows(scope: ReportScope): Array<{ storeIds: number[]; start: Date; end: Date }> {
  const byZone = new Map<string, number[]>();
  for (const store of scope.stores)
    byZone.set(store.timeZone, [...(byZone.get(store.timeZone) ?? []), store.id]);
  return [...byZone].map(([timeZone, storeIds]) => ({
    storeIds,
    start: zonedToUtc(scope.from, '00:00', timeZone),
    end: zonedToUtc(addDays(scope.to, 1), '00:00', timeZone),
  }));
}

/**
 * `(store_id IN (…) AND <column> >= start AND <column> < end) OR …` for each zone: the scope's
 * store-local dates on an instant column, each store in its own zone.
 */
export function whereInWindows<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  column: 'sent_at' | 'send_at',
  scope: ReportScope,
): SelectQueryBuilder<T> {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  zoneWindows(scope).forEach((window, index) => {
    parts.push(
      `(${alias}.store_id IN (:...zs${index}) AND ${alias}.${column} >= :za${index} AND ${alias}.${column} < :zb${index})`,
    );
    params[`zs${index}`] = window.storeIds;
    params[`za${index}`] = window.start;
    params[`zb${index}`] = window.end;
  });
  return qb.andWhere(`(${parts.join(' OR ')})`, params);
}

/** The funnel's counts; the rates are worked out from them by the service. */
export type FunnelCounts = Omit<SurveyFunnel, 'responseRate' | 'medianHoursToAnswer'>;

/**
 * The invitations sent in the range and how far each got (a completed one was opened and started
 * too, so the funnel only narrows); held and dropped ones by the time they were due to be sent.
 */
export async function funnelCounts(manager: EntityManager, scope: ReportScope): Promise<FunnelCounts> {
  const repo = manager.getRepository(SurveyInvitationEntity);
  const sent = await whereInWindows(
    repo.createQueryBuilder('i').where('i.kind = :kind', { kind: scope.kind }),
    'i',
    'sent_at',
    scope,
  )
    .select('COUNT(*)', 'invited')
    .addSelect(
      "SUM(CASE WHEN i.opened_at IS NOT NULL OR i.started_at IS NOT NULL OR i.status = 'completed' THEN 1 ELSE 0 END)",
      'opened',
    )
    .addSelect(
      "SUM(CASE WHEN i.started_at IS NOT NULL OR i.status = 'completed' THEN 1 ELSE 0 END)",
      'started',
    )
    .addSelect("SUM(CASE WHEN i.status = 'completed' THEN 1 ELSE 0 END)", 'completed')
    .addSelect("SUM(CASE WHEN i.status = 'expired' THEN 1 ELSE 0 END)", 'expired')
    .getRawOne<Record<string, unknown>>();
  const unsent = await whereInWindows(
    repo
      .createQueryBuilder('i')
      .where('i.kind = :kind', { kind: scope.kind })
      .andWhere('i.status IN (:...unsent)', { unsent: ['held', 'dropped'] }),
    'i',
    'send_at',
    scope,
  )
    .select('i.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .groupBy('i.status')
    .getRawMany<Record<string, unknown>>();
  const unsentCount = (status: string) => num(unsent.find((row) => row.status === status)?.n);
  return {
    invited: num(sent?.invited),
    opened: num(sent?.opened),
    started: num(sent?.started),
    completed: num(sent?.completed),
    expired: num(sent?.expired),
    held: unsentCount('held'),
    dropped: unsentCount('dropped'),
  };
}

/**
 * The median of minutes_to_answer over `count` responses of the scope, reading only the one or two
 * middle values (ORDER BY … LIMIT 2 OFFSET ⌊(n−1)/2⌋): the same SQL on both databases, and the
 * database does the sorting.
 */
export async function medianMinutesToAnswer(
  manager: EntityManager,
  scope: ReportScope,
  count: number,
): Promise<number | null> {
  if (count <= 0) return null;
  const rows = await whereResponses(
    manager.getRepository(SurveyResponseEntity).createQueryBuilder('r'),
    'r',
    scope,
  )
    .select('r.minutes_to_answer', 'minutes')
    .orderBy('r.minutes_to_answer', 'ASC')
    .limit(count % 2 === 1 ? 1 : 2)
    .offset(Math.floor((count - 1) / 2))
    .getRawMany<{ minutes: unknown }>();
  if (rows.length === 0) return null;
  return rows.reduce((sum, row) => sum + num(row.minutes), 0) / rows.length;
}

export interface CaseCounts {
  open: number;
  contacted: number;
  resolved: number;
  overdue: number;
  resolvedOnTime: number;
  resolvedWithTime: number;
}

/**
 * Cases of the scope's responses by status, with the domain's isCaseOverdue and closedOnTimeRate
 * rules written as SQL: overdue = not resolved and due before now, or resolved after its due time.
 */
export async function caseCounts(manager: EntityManager, scope: ReportScope, now: Date): Promise<CaseCounts> {
  const qb = manager
    .getRepository(LowScoreCaseEntity)
    .createQueryBuilder('c')
    .innerJoin(SurveyResponseEntity, 'r', 'r.id = c.response_id');
  whereResponses(qb, 'r', scope);
  const rows = await qb
    .select('c.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .addSelect(
      "SUM(CASE WHEN (c.status <> 'resolved' AND c.due_at < :now) OR (c.status = 'resolved' AND c.resolved_at > c.due_at) THEN 1 ELSE 0 END)",
      'overdue',
    )
    .addSelect(
      "SUM(CASE WHEN c.status = 'resolved' AND c.resolved_at IS NOT NULL AND c.resolved_at <= c.due_at THEN 1 ELSE 0 END)",
      'on_time',
    )
    .addSelect(
      "SUM(CASE WHEN c.status = 'resolved' AND c.resolved_at IS NOT NULL THEN 1 ELSE 0 END)",
      'with_time',
    )
    .setParameter('now', now)
    .groupBy('c.status')
    .getRawMany<Record<string, unknown>>();
  const counts: CaseCounts = {
    open: 0,
    contacted: 0,
    resolved: 0,
    overdue: 0,
    resolvedOnTime: 0,
    resolvedWithTime: 0,
  };
  for (const row of rows) {
    const status = String(row.status);
    if (status === 'open' || status === 'contacted' || status === 'resolved') counts[status] += num(row.n);
    counts.overdue += num(row.overdue);
    counts.resolvedOnTime += num(row.on_time);
    counts.resolvedWithTime += num(row.with_time);
  }
  return counts;
}

/** Each consultant's latest audit total up to `until` (one indexed lookup per consultant, in one query). */
export async function latestAuditTotals(
  manager: EntityManager,
  consultantIds: number[],
  until: Date,
): Promise<Map<number, number | null>> {
  if (consultantIds.length === 0) return new Map();
  const rows = await manager
    .getRepository(ProcessAuditEntity)
    .createQueryBuilder('a')
    .select('a.consultant_id', 'consultant_id')
    .addSelect('a.total_score', 'total_score')
    .where('a.consultant_id IN (:...ids)', { ids: consultantIds })
    .andWhere(
      `a.id = (SELECT a2.id FROM process_audits a2 WHERE a2.consultant_id = a.consultant_id
        AND a2.audited_at < :until ORDER BY a2.audited_at DESC, a2.id DESC LIMIT 1)`,
      { until },
    )
    .getRawMany<Record<string, unknown>>();
  return new Map(
    rows.map((row) => [
      Number(row.consultant_id),
      row.total_score === null || row.total_score === undefined ? null : Number(row.total_score),
    ]),
  );
}
