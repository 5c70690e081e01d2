import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuditTemplate, ProcessAudit } from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { sendIdempotentAnswer } from '../../common/idempotency/send-idempotent-answer.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import {
  AuditListQueryDto,
  AuditTemplateResponse,
  CreateAuditBody,
  ProcessAuditResponse,
} from './dto/process-audit.dto.js';
import { PROCESS_AUDIT_LIST_LIMIT, ProcessAuditService } from './process-audit.service.js';

/** Process audits (过程检核) of consultants, shown beside their customers' CSI. */
@ApiTags('staff')
@Controller('staff')
@StaffAuth()
export class ProcessAuditController {
  constructor(
    private readonly audits: ProcessAuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get('process-audits/template')
  @ApiOperation({
    summary: 'The sales-process checklist with its published weights (normalise them with the domain)',
  })
  @ApiOkResponse({ type: AuditTemplateResponse })
  @ApiProblems(401, 403)
  template(): AuditTemplate {
    return this.audits.template();
  }

  @Get('process-audits')
  @ApiOperation({
    summary: `Audits of the caller's store (admins: all, or one store), newest first, at most ${PROCESS_AUDIT_LIST_LIMIT}`,
  })
  @ApiOkResponse({ type: [ProcessAuditResponse] })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: AuditListQueryDto,
  ): Promise<ProcessAudit[]> {
    return this.audits.list(principal, query);
  }

  @Post('stores/:storeId/process-audits')
  @HttpCode(201)
  @StaffAuth('manager', 'admin')
  @ApiOperation({
    summary:
      'Record an audit of a consultant of the store (managers and admins, also for a mystery shopper); scored on the server',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8–128 characters, one per submission',
  })
  @ApiCreatedResponse({ type: ProcessAuditResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  async create(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
    @Body() body: CreateAuditBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.idempotency.execute(
      `staff:${principal.id}:process-audit:${storeId}`,
      idempotencyKey,
      body,
      async () => ({ status: 201, body: await this.audits.create(principal, storeId, body) }),
    );
    return sendIdempotentAnswer(reply, answer);
  }
}
