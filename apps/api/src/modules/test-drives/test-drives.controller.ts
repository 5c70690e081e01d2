import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { DayAvailability, TestDriveBooking, TestDriveConsent } from '@dealer-care/domain';
import { CurrentCustomer, CustomerAuth, Public } from '../../common/auth/auth.decorators.js';
import { customerActor, type CustomerPrincipal } from '../../common/auth/principal.js';
import { BookingRateLimit } from '../../common/http/rate-limit.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { sendIdempotentAnswer } from '../../common/idempotency/send-idempotent-answer.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import {
  AvailabilityQuery,
  CancelBookingBody,
  CreateBookingBody,
  DeclineProposalBody,
  EmptyBody,
  RescheduleBookingBody,
} from './dto/test-drive.requests.js';
import {
  DayAvailabilityResponse,
  TestDriveBookingResponse,
  TestDriveConsentResponse,
} from './dto/test-drive.responses.js';
import { TestDriveBookingsService } from './test-drive-bookings.service.js';
import { TestDriveScheduleService } from './test-drive-schedule.service.js';

@ApiTags('test-drive')
@Controller()
export class TestDrivesController {
  constructor(
    private readonly bookings: TestDriveBookingsService,
    private readonly schedule: TestDriveScheduleService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Public()
  @Get('test-drive/consent')
  @ApiOperation({ summary: 'The test-drive consent text (试乘试驾同意书) in force and its version' })
  @ApiOkResponse({ type: TestDriveConsentResponse })
  consent(): Promise<TestDriveConsent> {
    return this.bookings.currentConsent();
  }

  @Public()
  @Get('stores/:storeId/models/:modelId/availability')
  @ApiOperation({ summary: 'Bookable test-drive slots of a store and model, per store-local day' })
  @ApiOkResponse({ type: [DayAvailabilityResponse] })
  @ApiProblems(400, 404)
  availability(
    @Param('storeId', IdParamPipe) storeId: number,
    @Param('modelId', IdParamPipe) modelId: number,
    @Query() query: AvailabilityQuery,
  ): Promise<DayAvailability[]> {
    return this.schedule.availability(storeId, modelId, { from: query.from, days: query.days });
  }

  @Post('test-drive/bookings')
  @CustomerAuth()
  @BookingRateLimit()
  @HttpCode(201)
  @ApiOperation({ summary: 'Book a test drive; the same Idempotency-Key and body replays the first answer' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8–128 characters, one per submission',
  })
  @ApiCreatedResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429)
  async create(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Body() body: CreateBookingBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.idempotency.execute(
      `customer:${principal.id}:test-drive-booking`,
      idempotencyKey,
      body,
      async (claim) => ({ status: 201, body: await this.bookings.create(principal.id, body, claim) }),
      // The booking committed but its answer was never stored (the process died): answer from it.
      async (bookingId) => ({
        status: 201,
        body: await this.bookings.getForCustomer(principal.id, bookingId),
      }),
    );
    return sendIdempotentAnswer(reply, answer);
  }

  @Get('test-drive/bookings')
  @CustomerAuth()
  @ApiOperation({ summary: "The customer's own test-drive bookings, latest slot first" })
  @ApiOkResponse({ type: [TestDriveBookingResponse] })
  @ApiProblems(401, 403)
  mine(@CurrentCustomer() principal: CustomerPrincipal): Promise<TestDriveBooking[]> {
    return this.bookings.listMine(principal.id);
  }

  @Get('test-drive/bookings/:id')
  @CustomerAuth()
  @ApiOperation({ summary: "One of the customer's bookings with its timeline (another customer's is 404)" })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
  ): Promise<TestDriveBooking> {
    return this.bookings.getForCustomer(principal.id, id);
  }

  @Post('test-drive/bookings/:id/cancel')
  @CustomerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel (until the store cut-off before the slot)' })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: CancelBookingBody,
  ): Promise<TestDriveBooking> {
    return this.bookings.act(customerActor(principal), id, 'cancel', body);
  }

  @Post('test-drive/bookings/:id/reschedule')
  @CustomerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move to another free slot (back to awaiting confirmation)' })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  reschedule(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: RescheduleBookingBody,
  ): Promise<TestDriveBooking> {
    return this.bookings.act(customerActor(principal), id, 'reschedule', body);
  }

  @Post('test-drive/bookings/:id/accept-proposal')
  @CustomerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: "Accept the consultant's proposed time (confirms the booking)" })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  acceptProposal(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() _body: EmptyBody,
  ): Promise<TestDriveBooking> {
    return this.bookings.act(customerActor(principal), id, 'accept_proposal');
  }

  @Post('test-drive/bookings/:id/decline-proposal')
  @CustomerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: "Decline the consultant's proposed time (the booking keeps its slot)" })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  declineProposal(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: DeclineProposalBody,
  ): Promise<TestDriveBooking> {
    return this.bookings.act(customerActor(principal), id, 'decline_proposal', body);
  }
}
