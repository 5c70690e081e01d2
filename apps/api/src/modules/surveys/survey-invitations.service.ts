import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Page, SurveyInvitationListItem, SurveyInvitationsQuery } from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { SATISFACTION_DEFAULT_PAGE_SIZE } from './dto/satisfaction-query.dto.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { whereInWindows } from './satisfaction-report.queries.js';
import { resolveReportScope } from './satisfaction-report.scope.js';
import { toInvitationListItem } from './survey.mapper.js';

/**
 * The dashboard's invitation list: every invitation of a kind due to be sent in the range (by its
 * send_at, on the store-local dates of its own store, like the funnel's held and dropped counts),
 * in the stores the caller may see; what was held back or dropped shows why and, while held, when
 * it is tried again.
 */
@Injectable()
export class SurveyInvitationsService {
  constructor(
    @InjectRepository(SurveyInvitationEntity)
    private readonly invitations: Repository<SurveyInvitationEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
  ) {}

  /** Newest due first (then newest id), a page at a time. */
  async list(
    principal: StaffPrincipal,
    query: SurveyInvitationsQuery,
    now = new Date(),
  ): Promise<Page<SurveyInvitationListItem>> {
    const { scope, stores } = await resolveReportScope(this.stores, principal, query, now);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? SATISFACTION_DEFAULT_PAGE_SIZE;
    if (scope.stores.length === 0) return { items: [], total: 0, page, pageSize };

    const qb = whereInWindows(
      this.invitations.createQueryBuilder('i').where('i.kind = :kind', { kind: scope.kind }),
      'i',
      'send_at',
      scope,
    );
    if (query.status !== undefined) qb.andWhere('i.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('i.send_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();

    const consultantIds = [
      ...new Set(rows.flatMap((row) => (row.consultantId === null ? [] : [row.consultantId]))),
    ];
    const consultants = consultantIds.length > 0 ? await this.staff.findBy({ id: In(consultantIds) }) : [];
    const storeName = new Map(stores.map((store) => [store.id, store.name]));
    const consultantName = new Map(consultants.map((member) => [member.id, member.displayName]));
    return {
      items: rows.map((row) =>
        toInvitationListItem(row, {
          storeName: storeName.get(row.storeId) ?? '',
          consultantName: row.consultantId === null ? null : (consultantName.get(row.consultantId) ?? null),
        }),
      ),
      total,
      page,
      pageSize,
    };
  }
}
