import { EmptyBody } from '../../common/validation/validation.pipe.js';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ErrorCode,
  type CustomerCard,
  type Page,
  type ProspectSummary,
  type RevealedPhone,
} from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { sendIdempotentAnswer } from '../../common/idempotency/send-idempotent-answer.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import {
  LogContactBody,
  MarkLostBody,
  ProspectsQueryDto,
  RegisterContactBody,
  SetIntentBody,
  UpdateProspectBody,
} from './dto/prospect.requests.js';
import {
  CustomerCardResponse,
  ProspectPageResponse,
  RevealedPhoneResponse,
} from './dto/prospect.responses.js';
import { ProspectsService } from './prospects.service.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: '8–128 characters, one per submission: a retried registration is not logged twice',
};

/** A registration or contact is only written once, however often a weak connection retries it. */
function requireKey(key: string | undefined): string {
  if (key === undefined || key.trim() === '') {
    throw new DomainException(ErrorCode.ValidationFailed, '请求缺少 Idempotency-Key', [
      { field: 'Idempotency-Key', message: '必填' },
    ]);
  }
  return key;
}

/** 客户: prospects and the customer card of the caller's store. */
@ApiTags('staff')
@Controller('staff/prospects')
@StaffAuth()
export class ProspectsController {
  constructor(
    private readonly prospects: ProspectsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prospects of the caller’s store, searchable by name or phone' })
  @ApiOkResponse({ type: ProspectPageResponse })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: ProspectsQueryDto,
  ): Promise<Page<ProspectSummary>> {
    return this.prospects.list(principal, query);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '来店/来电登记: find or create the prospect by phone and log the contact' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: CustomerCardResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  async register(
    @CurrentStaff() principal: StaffPrincipal,
    @Body() body: RegisterContactBody,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.idempotency.execute(
      `staff:${principal.id}:prospect-register`,
      requireKey(key),
      body,
      async () => ({ status: 201, body: await this.prospects.register(principal, body) }),
    );
    return sendIdempotentAnswer(reply, answer);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The customer card: contacts, intent history, open tasks and timeline' })
  @ApiOkResponse({ type: CustomerCardResponse })
  @ApiProblems(400, 401, 403, 404)
  card(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
  ): Promise<CustomerCard> {
    return this.prospects.card(principal, id);
  }

  @Post(':id/phone')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The full phone number for a call (answers carry masked numbers); each reveal is logged',
  })
  @ApiOkResponse({ type: RevealedPhoneResponse })
  @ApiProblems(400, 401, 403, 404)
  revealPhone(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() _body: EmptyBody,
  ): Promise<RevealedPhone> {
    return this.prospects.revealPhone(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Style and style note; the consultant (managers and admins)' })
  @ApiOkResponse({ type: CustomerCardResponse })
  @ApiProblems(400, 401, 403, 404)
  update(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: UpdateProspectBody,
  ): Promise<CustomerCard> {
    return this.prospects.update(principal, id, body);
  }

  @Post(':id/contacts')
  @HttpCode(201)
  @ApiOperation({ summary: 'Log a contact; an intent level re-assesses and plans the next follow-up' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: CustomerCardResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  async logContact(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: LogContactBody,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.idempotency.execute(
      `staff:${principal.id}:prospect-contact:${id}`,
      requireKey(key),
      body,
      async () => ({ status: 201, body: await this.prospects.logContact(principal, id, body) }),
    );
    return sendIdempotentAnswer(reply, answer);
  }

  @Post(':id/intent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the intent level (kept as history) and plan the next follow-up' })
  @ApiOkResponse({ type: CustomerCardResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  setIntent(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: SetIntentBody,
  ): Promise<CustomerCard> {
    return this.prospects.setIntent(principal, id, body);
  }

  @Post(':id/lost')
  @HttpCode(200)
  @ApiOperation({
    summary: '战败: cancel the sales calls, plan the manager’s callback and the lost-sales survey',
  })
  @ApiOkResponse({ type: CustomerCardResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  markLost(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: MarkLostBody,
  ): Promise<CustomerCard> {
    return this.prospects.markLost(principal, id, body);
  }
}
