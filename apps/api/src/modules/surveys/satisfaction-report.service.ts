import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Between, DataSource, In, MoreThan, Repository, type FindOptionsWhere } from 'typeorm';
import {
  addDays,
  answerText,
  canAccessStore,
  DEFAULT_SURVEY_TEMPLATES,
  ErrorCode,
  maskMobile,
  npsGroupOf,
  roundTo,
  SURVEY_KIND_LABEL_ZH,
  utcToZoned,
  visibleQuestions,
  zonedToUtc,
  type Page,
  type SatisfactionQuery,
  type SatisfactionSummary,
  type SurveyFactor,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyResponseDetail,
  type SurveyResponseListItem,
  type SurveyResponsesQuery,
} from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { SATISFACTION_DEFAULT_PAGE_SIZE } from './dto/satisfaction-query.dto.js';
import { SurveyFactorScoreEntity } from './entities/survey-factor-score.entity.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from './entities/survey-response.entity.js';
import { SurveyTemplateEntity } from './entities/survey-template.entity.js';
import { FALLBACK_TIME_ZONE, resolveReportScope } from './satisfaction-report.scope.js';
import { attachmentDisposition, CSV_BOM, csvRow, type CsvValue } from './satisfaction-report.csv.js';
import {
  aggregateFromSums,
  caseCounts,
  factorMeans,
  funnelCounts,
  latestAuditTotals,
  medianMinutesToAnswer,
  scoreSums,
  scoreSumsBy,
  type ReportScope,
} from './satisfaction-report.queries.js';

/** Most responses one CSV export may hold; a wider filter is refused with a 400 saying so. */
export const SATISFACTION_CSV_MAX_ROWS = 50_000;
/** Responses read per query while writing the CSV. */
const CSV_BATCH = 500;

const NOT_FOUND = '未找到该问卷';

export interface CsvExport {
  stream: Readable;
  /** Value of Content-Disposition. */
  disposition: string;
  rows: number;
}

type ResponsesFilter = Omit<SurveyResponsesQuery, 'page' | 'pageSize'>;

/** Names and invitations the rows of a list, a detail or a CSV batch refer to. */
interface ListContext {
  invitations: Map<number, SurveyInvitationEntity>;
  storeNames: Map<number, string>;
  staffNames: Map<number, string>;
}

async function* prepend(first: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}

/** The staff's view of satisfaction: the dashboard summary, every response, the CSV export. */
@Injectable()
export class SatisfactionReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SurveyResponseEntity) private readonly responses: Repository<SurveyResponseEntity>,
    @InjectRepository(SurveyInvitationEntity)
    private readonly invitations: Repository<SurveyInvitationEntity>,
    @InjectRepository(SurveyFactorScoreEntity)
    private readonly factorScores: Repository<SurveyFactorScoreEntity>,
    @InjectRepository(SurveyTemplateEntity) private readonly templates: Repository<SurveyTemplateEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
  ) {}

  // ---- summary ------------------------------------------------------------------------------

  async summary(
    principal: StaffPrincipal,
    query: SatisfactionQuery,
    now = new Date(),
  ): Promise<SatisfactionSummary> {
    const { scope, stores } = await this.resolveScope(principal, query, now);
    const manager = this.dataSource.manager;

    const overallSums = await scoreSums(manager, scope);
    const [funnel, median, weeks, byStore, byConsultant, factors, cases, template] = await Promise.all([
      funnelCounts(manager, scope),
      medianMinutesToAnswer(manager, scope, overallSums.responses),
      scoreSumsBy(manager, scope, 'local_week'),
      scoreSumsBy(manager, scope, 'store_id'),
      scoreSumsBy(manager, scope, 'consultant_id'),
      factorMeans(manager, scope),
      caseCounts(manager, scope, now),
      this.factorCatalogue(scope.kind),
    ]);

    const consultantIds = byConsultant.map((row) => Number(row.key));
    const [consultants, audits] = await Promise.all([
      consultantIds.length > 0 ? this.staff.findBy({ id: In(consultantIds) }) : Promise.resolve([]),
      latestAuditTotals(manager, consultantIds, this.rangeEnd(scope)),
    ]);
    const consultantName = new Map(consultants.map((member) => [member.id, member.displayName]));
    const storeName = new Map(stores.map((store) => [store.id, store.name]));

    const means = new Map(factors.map((factor) => [factor.key, factor]));
    const byFactor = [
      ...template.map((factor) => ({
        key: factor.key,
        label: factor.label,
        weight: factor.weight,
        score: means.get(factor.key)?.score ?? null,
        responses: means.get(factor.key)?.responses ?? 0,
      })),
      // A factor only older versions asked keeps its rows visible, under its key.
      ...factors
        .filter((factor) => !template.some((known) => known.key === factor.key))
        .map((factor) => ({ ...factor, label: factor.key, weight: 0 })),
    ].sort((a, b) => {
      if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? 0 : 1) : -1;
      return a.score - b.score || b.weight - a.weight;
    });

    return {
      kind: scope.kind,
      from: scope.from,
      to: scope.to,
      overall: aggregateFromSums(overallSums),
      funnel: {
        ...funnel,
        responseRate: funnel.invited > 0 ? funnel.completed / funnel.invited : null,
        medianHoursToAnswer: median === null ? null : roundTo(median / 60, 1),
      },
      byWeek: weeks.map((row) => ({ week: String(row.key), ...aggregateFromSums(row.sums) })),
      byStore: byStore.map((row) => ({
        storeId: Number(row.key),
        storeName: storeName.get(Number(row.key)) ?? '',
        ...aggregateFromSums(row.sums),
      })),
      byConsultant: byConsultant
        .map((row) => ({
          consultantId: Number(row.key),
          consultantName: consultantName.get(Number(row.key)) ?? '',
          auditScore: audits.get(Number(row.key)) ?? null,
          ...aggregateFromSums(row.sums),
        }))
        .sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || a.consultantId - b.consultantId),
      byFactor,
      cases: {
        open: cases.open,
        contacted: cases.contacted,
        resolved: cases.resolved,
        overdue: cases.overdue,
        closedOnTimeRate: cases.resolvedWithTime > 0 ? cases.resolvedOnTime / cases.resolvedWithTime : null,
      },
    };
  }

  // ---- responses ----------------------------------------------------------------------------

  async list(
    principal: StaffPrincipal,
    query: SurveyResponsesQuery,
    now = new Date(),
  ): Promise<Page<SurveyResponseListItem>> {
    const { scope } = await this.resolveScope(principal, query, now);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? SATISFACTION_DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.responses.findAndCount({
      where: this.responseWhere(scope),
      order: { completedAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const context = await this.listContext(rows);
    return { items: rows.map((row) => this.toListItem(row, context)), total, page, pageSize };
  }

  async detail(principal: StaffPrincipal, id: number): Promise<SurveyResponseDetail> {
    const response = await this.responses.findOneBy({ id });
    if (!response || !canAccessStore(principal, response.storeId)) {
      throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    }
    const [context, template, scored] = await Promise.all([
      this.listContext([response]),
      this.templates.findOneByOrFail({ id: response.templateId }),
      this.factorScores.findBy({ responseId: response.id }),
    ]);
    const stored = new Map(scored.map((row) => [row.factorKey, row.score]));
    const content = template.content;
    return {
      ...this.toListItem(response, context),
      templateVersion: template.version,
      score: {
        factors: content.factors.map((factor) => ({
          key: factor.key,
          label: factor.label,
          weight: factor.weight,
          score: stored.get(factor.key) ?? null,
        })),
        index: response.indexScore,
        nps: response.nps,
        npsGroup: response.nps === null ? null : npsGroupOf(response.nps),
        overall: response.overall,
        lowScore: response.lowScore,
        lowScoreReasons: response.lowReasons,
      },
      // The questions the customer was shown; a skipped optional one reads null.
      answers: visibleQuestions(content.questions, response.answers).map((question) => ({
        key: question.key,
        title: question.title,
        type: question.type,
        answer: answerText(question, response.answers[question.key]),
      })),
    };
  }

  // ---- CSV ----------------------------------------------------------------------------------

  /**
   * Every response of the filter as CSV (UTF-8 with BOM, Chinese header), one row per response
   * and a column per question of any version of the kind's template. Counted first: more than
   * SATISFACTION_CSV_MAX_ROWS is a 400 asking for a narrower filter. Rows are read in batches
   * by id and streamed, so memory stays flat.
   */
  async exportCsv(principal: StaffPrincipal, query: ResponsesFilter, now = new Date()): Promise<CsvExport> {
    const { scope, stores } = await this.resolveScope(principal, query, now);
    const where = this.responseWhere(scope);
    const rows = await this.responses.countBy(where);
    if (rows > SATISFACTION_CSV_MAX_ROWS) {
      throw new DomainException(
        ErrorCode.ValidationFailed,
        `所选范围内有 ${rows} 份问卷，单次最多导出 ${SATISFACTION_CSV_MAX_ROWS} 份，请缩短日期范围或按门店导出`,
        [{ field: 'to', message: `单次最多导出 ${SATISFACTION_CSV_MAX_ROWS} 份问卷` }],
      );
    }
    const versions = await this.templates.find({ where: { kind: scope.kind }, order: { version: 'DESC' } });
    const columns = csvColumns(versions.map((version) => version.content));

    const header = [
      '问卷编号',
      '问卷类型',
      '门店',
      '销售顾问',
      '客户姓名',
      '手机号（已脱敏）',
      '调查事项',
      '完成时间（门店当地）',
      '答题用时（分钟）',
      '问卷版本',
      '满意度指数（1000分制）',
      '推荐意愿（0–10）',
      '整体满意度（星）',
      '低分',
      '低分原因',
      ...columns.factors.map((factor) => `得分：${factor.label}`),
      ...columns.questions.map((question) => question.header),
    ];

    const versionOf = new Map(versions.map((version) => [version.id, version]));
    const zoneOf = new Map(stores.map((store) => [store.id, store.timeZone]));
    const lines = this.csvLines(where, (response, context, scores) => {
      const invitation = context.invitations.get(response.invitationId);
      const template = versionOf.get(response.templateId);
      const own = new Map((template?.content.questions ?? []).map((question) => [question.key, question]));
      const completed = utcToZoned(
        new Date(response.completedAt),
        zoneOf.get(response.storeId) ?? FALLBACK_TIME_ZONE,
      );
      return [
        response.id,
        SURVEY_KIND_LABEL_ZH[response.kind],
        context.storeNames.get(response.storeId) ?? '',
        response.consultantId === null ? '' : (context.staffNames.get(response.consultantId) ?? ''),
        invitation?.customerName ?? '',
        invitation ? maskMobile(invitation.customerMobile) : '',
        invitation?.subject ?? '',
        `${completed.date} ${completed.time}`,
        response.minutesToAnswer,
        template?.version ?? null,
        response.indexScore,
        response.nps,
        response.overall,
        response.lowScore,
        response.lowReasons.join('；'),
        ...columns.factors.map((factor) => scores.get(factor.key) ?? null),
        ...columns.questions.map((column) => {
          const question = own.get(column.key);
          const value = response.answers[column.key];
          if (!question || value === undefined) return null;
          // Stars and 0–10 stay numbers, so they can be summed in a spreadsheet.
          if ((question.type === 'rating' || question.type === 'nps') && typeof value === 'number')
            return value;
          return answerText(question, value);
        }),
      ];
    });

    const kindLabel = SURVEY_KIND_LABEL_ZH[scope.kind];
    return {
      stream: Readable.from(prepend(CSV_BOM + csvRow(header), lines)),
      disposition: attachmentDisposition(
        `satisfaction-${scope.kind}-${scope.from}-${scope.to}.csv`,
        `满意度-${kindLabel}-${scope.from}至${scope.to}.csv`,
      ),
      rows,
    };
  }

  /** The CSV records of every response matching `where`, read CSV_BATCH at a time in id order. */
  private async *csvLines(
    where: FindOptionsWhere<SurveyResponseEntity>,
    cellsOf: (
      response: SurveyResponseEntity,
      context: ListContext,
      factorScores: Map<string, number>,
    ) => CsvValue[],
  ): AsyncGenerator<string> {
    let lastId = 0;
    for (;;) {
      const batch = await this.responses.find({
        where: { ...where, id: MoreThan(lastId) },
        order: { id: 'ASC' },
        take: CSV_BATCH,
      });
      if (batch.length === 0) return;
      lastId = batch[batch.length - 1]!.id;
      const [context, scored] = await Promise.all([
        this.listContext(batch),
        this.factorScores.findBy({ responseId: In(batch.map((row) => row.id)) }),
      ]);
      const scores = new Map<number, Map<string, number>>();
      for (const row of scored) {
        const own = scores.get(row.responseId) ?? new Map<string, number>();
        own.set(row.factorKey, row.score);
        scores.set(row.responseId, own);
      }
      yield batch
        .map((response) => csvRow(cellsOf(response, context, scores.get(response.id) ?? new Map())))
        .join('');
    }
  }

  // ---- shared -------------------------------------------------------------------------------

  /** The stores and store-local dates of a request (shared with the invitation list: resolveReportScope). */
  private resolveScope(
    principal: StaffPrincipal,
    query: ResponsesFilter,
    now: Date,
  ): Promise<{ scope: ReportScope; stores: StoreEntity[] }> {
    return resolveReportScope(this.stores, principal, query, now);
  }

  /** The same filter as the SQL aggregates, for the entity queries of the list and the export. */
  private responseWhere(scope: ReportScope): FindOptionsWhere<SurveyResponseEntity> {
    return {
      kind: scope.kind,
      storeId: In(scope.stores.map((store) => store.id)),
      localDate: Between(scope.from, scope.to),
      ...(scope.consultantId !== undefined ? { consultantId: scope.consultantId } : {}),
      ...(scope.lowOnly ? { lowScore: true } : {}),
    };
  }

  /** The instant after the range's last day in the latest zone of the scope. */
  private rangeEnd(scope: ReportScope): Date {
    const ends = scope.stores.map((store) =>
      zonedToUtc(addDays(scope.to, 1), '00:00', store.timeZone).getTime(),
    );
    return new Date(
      ends.length > 0
        ? Math.max(...ends)
        : zonedToUtc(addDays(scope.to, 1), '00:00', FALLBACK_TIME_ZONE).getTime(),
    );
  }

  /** Factors of the kind's active version (the defaults before any version was written), then older versions' extras. */
  private async factorCatalogue(kind: SurveyKind): Promise<SurveyFactor[]> {
    const versions = await this.templates.find({
      where: { kind },
      order: { active: 'DESC', version: 'DESC' },
    });
    const catalogue: SurveyFactor[] = [];
    const contents =
      versions.length > 0 ? versions.map((version) => version.content) : [DEFAULT_SURVEY_TEMPLATES[kind]];
    for (const content of contents) {
      for (const factor of content.factors) {
        if (!catalogue.some((known) => known.key === factor.key)) {
          // Only the current version's weights count; a retired factor shows with weight 0.
          catalogue.push(content === contents[0] ? factor : { ...factor, weight: 0 });
        }
      }
    }
    return catalogue;
  }

  private async listContext(rows: SurveyResponseEntity[]): Promise<ListContext> {
    const invitationIds = [...new Set(rows.map((row) => row.invitationId))];
    const storeIds = [...new Set(rows.map((row) => row.storeId))];
    const staffIds = [
      ...new Set(rows.flatMap((row) => (row.consultantId === null ? [] : [row.consultantId]))),
    ];
    const [invitations, stores, staff] = await Promise.all([
      invitationIds.length > 0 ? this.invitations.findBy({ id: In(invitationIds) }) : Promise.resolve([]),
      storeIds.length > 0 ? this.stores.findBy({ id: In(storeIds) }) : Promise.resolve([]),
      staffIds.length > 0 ? this.staff.findBy({ id: In(staffIds) }) : Promise.resolve([]),
    ]);
    return {
      invitations: new Map(invitations.map((row) => [row.id, row])),
      storeNames: new Map(stores.map((row) => [row.id, row.name])),
      staffNames: new Map(staff.map((row) => [row.id, row.displayName])),
    };
  }

  private toListItem(row: SurveyResponseEntity, context: ListContext): SurveyResponseListItem {
    const invitation = context.invitations.get(row.invitationId);
    return {
      id: row.id,
      kind: row.kind,
      storeId: row.storeId,
      storeName: context.storeNames.get(row.storeId) ?? '',
      consultantName: row.consultantId === null ? null : (context.staffNames.get(row.consultantId) ?? null),
      customerName: invitation?.customerName ?? '',
      subject: invitation?.subject ?? '',
      completedAt: new Date(row.completedAt).toISOString(),
      index: row.indexScore,
      nps: row.nps,
      overall: row.overall,
      lowScore: row.lowScore,
    };
  }
}

/**
 * The CSV's factor and question columns: every key any version of the kind used, the newest
 * version's first and in its order; each headed by the newest wording. Stars and 0–10 answers
 * say their scale in the header.
 */
export function csvColumns(
  contentsNewestFirst: Array<{ factors: SurveyFactor[]; questions: SurveyQuestion[] }>,
): {
  factors: SurveyFactor[];
  questions: Array<{ key: string; header: string }>;
} {
  const factors: SurveyFactor[] = [];
  const questions: Array<{ key: string; title: string; type: SurveyQuestion['type'] }> = [];
  for (const content of contentsNewestFirst) {
    for (const factor of content.factors)
      if (!factors.some((known) => known.key === factor.key)) factors.push(factor);
    for (const question of content.questions) {
      if (!questions.some((known) => known.key === question.key)) {
        questions.push({ key: question.key, title: question.title, type: question.type });
      }
    }
  }
  const suffix = (type: SurveyQuestion['type']) =>
    type === 'rating' ? '（星）' : type === 'nps' ? '（0–10）' : '';
  const headers = questions.map((question) => `${question.title}${suffix(question.type)}`);
  return {
    factors,
    questions: questions.map((question, index) => ({
      key: question.key,
      // Two questions worded alike get their keys, so every column can be told apart.
      header:
        headers.indexOf(headers[index]!) === index && headers.lastIndexOf(headers[index]!) === index
          ? headers[index]!
          : `${headers[index]!}（${question.key}）`,
    })),
  };
}
