import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SalesOrder } from '@dealer-care/domain';
import { CurrentCustomer, CustomerAuth } from '../../common/auth/auth.decorators.js';
import { customerActor, type CustomerPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { EmptyBody } from '../../common/validation/validation.pipe.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import { DeliveriesService } from './deliveries.service.js';
import { ChooseDateBody, RequestOtherDatesBody } from './dto/delivery.requests.js';
import { SalesOrderResponse } from './dto/delivery.responses.js';

/** The customer's side of delivery: their orders, choosing a date, and the T-3/T-1 "按时到店". */
@ApiTags('delivery')
@Controller('deliveries')
@CustomerAuth()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({
    summary: "The customer's orders and deliveries; orders under their bound phone are linked first",
  })
  @ApiOkResponse({ type: [SalesOrderResponse] })
  @ApiProblems(401, 403)
  mine(@CurrentCustomer() principal: CustomerPrincipal): Promise<SalesOrder[]> {
    return this.deliveries.listMine(principal.id);
  }

  @Get(':id')
  @ApiOperation({ summary: "One of the customer's orders (another customer's is 404)" })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
  ): Promise<SalesOrder> {
    return this.deliveries.getForCustomer(principal.id, id);
  }

  @Post(':id/choose-date')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pick one of the offered delivery dates, with how many people will come' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  chooseDate(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: ChooseDateBody,
  ): Promise<SalesOrder> {
    return this.deliveries.act(customerActor(principal), id, 'choose_date', body);
  }

  @Post(':id/request-other-dates')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the store for other dates, saying which suit (back to scheduling)' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  requestOtherDates(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: RequestOtherDatesBody,
  ): Promise<SalesOrder> {
    return this.deliveries.act(customerActor(principal), id, 'request_other_dates', body);
  }

  @Post(':id/confirm-attendance')
  @HttpCode(200)
  @ApiOperation({ summary: '"按时到店": the T-3 or T-1 confirmation due today' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  confirmAttendance(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() _body: EmptyBody,
  ): Promise<SalesOrder> {
    return this.deliveries.act(customerActor(principal), id, 'confirm_attendance');
  }
}
