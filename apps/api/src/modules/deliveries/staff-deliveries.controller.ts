import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  DeliveryAction,
  DeliveryChecklistTemplates,
  DeliverySignature,
  SalesOrder,
} from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import { staffActor, type StaffPrincipal } from '../../common/auth/principal.js';
import { assertStoreInScope } from '../../common/auth/store-scope.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { sendIdempotentAnswer } from '../../common/idempotency/send-idempotent-answer.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { EmptyBody } from '../../common/validation/validation.pipe.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import { DeliveriesService, type DeliveryActionParams } from './deliveries.service.js';
import {
  AssignVinBody,
  CancelOrderBody,
  CreateSalesOrderBody,
  DeclareDelayBody,
  DeliverBody,
  DeliveryChecklistsBody,
  OfferDatesBody,
  RecordCallBody,
  StoreOrdersQueryDto,
  TickChecklistBody,
} from './dto/delivery.requests.js';
import {
  DeliveryChecklistTemplatesResponse,
  DeliverySignatureResponse,
  SalesOrderResponse,
} from './dto/delivery.responses.js';

/** The store's side of delivery (交车管理): orders, offered dates, calls, PDI, delays, the handover. */
@ApiTags('staff')
@Controller('staff')
@StaffAuth()
export class StaffDeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get('stores/:storeId/sales-orders')
  @ApiOperation({
    summary: "A store's orders waiting for a date and those scheduled in the range (and overdue)",
  })
  @ApiOkResponse({ type: [SalesOrderResponse] })
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
    @Query() query: StoreOrdersQueryDto,
  ): Promise<SalesOrder[]> {
    return this.deliveries.listForStore(staffActor(principal), storeId, query);
  }

  @Post('stores/:storeId/sales-orders')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a signed sales order; the same Idempotency-Key and body replays the first answer',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8–128 characters, one per submission',
  })
  @ApiCreatedResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async create(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
    @Body() body: CreateSalesOrderBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    assertStoreInScope(principal, storeId);
    const answer = await this.idempotency.execute(
      `staff:${principal.id}:sales-order:${storeId}`,
      idempotencyKey,
      body,
      async (claim) => ({
        status: 201,
        body: await this.deliveries.create(staffActor(principal), storeId, body, claim),
      }),
      // The order committed but its answer was never stored (the process died): answer from it.
      async (orderId) => ({
        status: 201,
        body: await this.deliveries.getForStaff(staffActor(principal), orderId),
      }),
    );
    return sendIdempotentAnswer(reply, answer);
  }

  @Get('stores/:storeId/delivery-checklists')
  @ApiOperation({ summary: "The store's PDI, handover and what-to-bring lists (the defaults until edited)" })
  @ApiOkResponse({ type: DeliveryChecklistTemplatesResponse })
  @ApiProblems(400, 401, 403, 404)
  checklists(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
  ): Promise<DeliveryChecklistTemplates> {
    assertStoreInScope(principal, storeId);
    return this.deliveries.checklistTemplates(storeId);
  }

  @Put('stores/:storeId/delivery-checklists')
  @StaffAuth('manager', 'admin')
  @ApiOperation({ summary: "Edit the store's checklists; orders already created keep theirs" })
  @ApiOkResponse({ type: DeliveryChecklistTemplatesResponse })
  @ApiProblems(400, 401, 403, 404)
  saveChecklists(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
    @Body() body: DeliveryChecklistsBody,
  ): Promise<DeliveryChecklistTemplates> {
    assertStoreInScope(principal, storeId);
    return this.deliveries.saveChecklistTemplates(storeId, body);
  }

  @Get('sales-orders/:id')
  @ApiOperation({ summary: 'One order with its delivery, confirmations and timeline' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentStaff() principal: StaffPrincipal, @Param('id', IdParamPipe) id: number): Promise<SalesOrder> {
    return this.deliveries.getForStaff(staffActor(principal), id);
  }

  @Get('sales-orders/:id/signature')
  @ApiOperation({ summary: "The customer's handover signature" })
  @ApiOkResponse({ type: DeliverySignatureResponse })
  @ApiProblems(400, 401, 403, 404)
  signature(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
  ): Promise<DeliverySignature> {
    return this.deliveries.signature(staffActor(principal), id);
  }

  @Post('sales-orders/:id/vin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Allocate the VIN of the car (17 characters, check digit)' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  assignVin(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: AssignVinBody,
  ): Promise<SalesOrder> {
    return this.deliveries.assignVin(staffActor(principal), id, body.vin);
  }

  @Post('sales-orders/:id/offer-dates')
  @HttpCode(200)
  @ApiOperation({ summary: 'Offer the customer one to three delivery dates' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  offerDates(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: OfferDatesBody,
  ) {
    return this.act(p, id, 'offer_dates', body);
  }

  @Post('sales-orders/:id/calls')
  @HttpCode(200)
  @ApiOperation({ summary: "Log the T-3 / T-1 confirmation call's outcome" })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  recordCall(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: RecordCallBody,
  ) {
    return this.act(p, id, 'record_call', body);
  }

  @Post('sales-orders/:id/checklist')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Tick or untick a PDI item (before the car is ready) or a handover item (on the day)',
  })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  tick(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: TickChecklistBody,
  ) {
    return this.act(p, id, 'tick_checklist', { checklist: body });
  }

  @Post('sales-orders/:id/ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'The car is ready: every PDI item is done' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  markReady(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() _body: EmptyBody,
  ) {
    return this.act(p, id, 'mark_ready');
  }

  @Post('sales-orders/:id/delay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Declare a delay with its reason and new dates; the customer must confirm again' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  delay(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: DeclareDelayBody,
  ) {
    return this.act(p, id, 'declare_delay', body);
  }

  @Post('sales-orders/:id/deliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the car over: the handover list done and signed by the customer' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  deliver(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: DeliverBody,
  ) {
    return this.act(p, id, 'deliver', body);
  }

  @Post('sales-orders/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the order, with a reason' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: CancelOrderBody,
  ) {
    return this.act(p, id, 'cancel_order', body);
  }

  private act(
    principal: StaffPrincipal,
    id: number,
    action: DeliveryAction,
    params: DeliveryActionParams = {},
  ) {
    return this.deliveries.act(staffActor(principal), id, action, params);
  }
}
