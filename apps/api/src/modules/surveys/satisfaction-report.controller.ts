import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  Page,
  SatisfactionSummary,
  SurveyInvitationListItem,
  SurveyResponseDetail,
  SurveyResponseListItem,
} from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import {
  SatisfactionInvitationsQueryDto,
  SatisfactionQueryDto,
  SatisfactionResponsesFilterDto,
  SatisfactionResponsesQueryDto,
} from './dto/satisfaction-query.dto.js';
import {
  SatisfactionSummaryResponse,
  SurveyInvitationPageResponse,
  SurveyResponseDetailResponse,
  SurveyResponsePageResponse,
} from './dto/satisfaction-report.dto.js';
import { CSV_CONTENT_TYPE } from './satisfaction-report.csv.js';
import { SATISFACTION_CSV_MAX_ROWS, SatisfactionReportService } from './satisfaction-report.service.js';
import { SurveyInvitationsService } from './survey-invitations.service.js';

/** The satisfaction dashboard (满意度): summary, every response, the CSV export, the invitations. */
@ApiTags('staff')
@Controller('staff/satisfaction')
@StaffAuth()
export class SatisfactionReportController {
  constructor(
    private readonly reports: SatisfactionReportService,
    private readonly invitations: SurveyInvitationsService,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary:
      'Index, NPS, funnel, weeks, stores, consultants (with their latest audit), weakest factors and cases of one kind over store-local dates (default the last 90 days, at most 366)',
  })
  @ApiOkResponse({ type: SatisfactionSummaryResponse })
  @ApiProblems(400, 401, 403, 404)
  summary(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: SatisfactionQueryDto,
  ): Promise<SatisfactionSummary> {
    return this.reports.summary(principal, query);
  }

  @Get('invitations')
  @ApiOperation({
    summary:
      'Invitations of one kind due to be sent in the store-local dates (default the last 90 days), newest first, a page at a time (at most 100): status, why one was held or dropped, when a held one is tried again; masked mobiles',
  })
  @ApiOkResponse({ type: SurveyInvitationPageResponse })
  @ApiProblems(400, 401, 403, 404)
  invitationList(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: SatisfactionInvitationsQueryDto,
  ): Promise<Page<SurveyInvitationListItem>> {
    return this.invitations.list(principal, query);
  }

  @Get('responses.csv')
  @ApiOperation({
    summary: `Every response of the filter as CSV (UTF-8 with BOM, Chinese header, masked mobiles); more than ${SATISFACTION_CSV_MAX_ROWS} responses is a 400`,
  })
  @ApiOkResponse({
    description:
      'An attachment: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula-like cells prefixed with an apostrophe',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async exportCsv(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: SatisfactionResponsesFilterDto,
  ): Promise<StreamableFile> {
    const csv = await this.reports.exportCsv(principal, query);
    return new StreamableFile(csv.stream, { type: CSV_CONTENT_TYPE, disposition: csv.disposition });
  }

  @Get('responses')
  @ApiOperation({ summary: 'Responses of one kind, newest first, a page at a time (at most 100 a page)' })
  @ApiOkResponse({ type: SurveyResponsePageResponse })
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: SatisfactionResponsesQueryDto,
  ): Promise<Page<SurveyResponseListItem>> {
    return this.reports.list(principal, query);
  }

  @Get('responses/:id')
  @ApiOperation({ summary: "One response, question by question, with its scores (another store's is 404)" })
  @ApiOkResponse({ type: SurveyResponseDetailResponse })
  @ApiProblems(400, 401, 404)
  detail(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
  ): Promise<SurveyResponseDetail> {
    return this.reports.detail(principal, id);
  }
}
