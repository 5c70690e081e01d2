import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  StoreBookingPolicy,
  StoreCapacityDay,
  TestDriveBooking,
  TestDriveChanges,
} from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import { staffActor, type StaffPrincipal } from '../../common/auth/principal.js';
import { assertStoreInScope } from '../../common/auth/store-scope.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import {
  AvailabilityQuery,
  ChangesQuery,
  CheckInBookingBody,
  ConfirmBookingBody,
  EmptyBody,
  ProposeBookingBody,
  RejectBookingBody,
  SaveBookingPolicyBody,
  StoreBookingsQueryDto,
  StoreCancelBookingBody,
} from './dto/test-drive.requests.js';
import {
  StoreBookingPolicyResponse,
  StoreCapacityDayResponse,
  TestDriveBookingResponse,
  TestDriveChangesResponse,
} from './dto/test-drive.responses.js';
import { TestDriveBookingsService } from './test-drive-bookings.service.js';
import { TestDriveScheduleService } from './test-drive-schedule.service.js';

@ApiTags('staff')
@Controller('staff')
@StaffAuth()
export class StaffTestDrivesController {
  constructor(
    private readonly bookings: TestDriveBookingsService,
    private readonly schedule: TestDriveScheduleService,
  ) {}

  @Get('stores/:storeId/test-drives')
  @ApiOperation({ summary: "A store's test drives of one store-local day, optionally of one status" })
  @ApiOkResponse({ type: [TestDriveBookingResponse] })
  @ApiProblems(400, 401, 403, 404)
  day(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
    @Query() query: StoreBookingsQueryDto,
  ): Promise<TestDriveBooking[]> {
    return this.bookings.listDay(staffActor(principal), storeId, query.date, query.status);
  }

  @Get('stores/:storeId/test-drive-capacity')
  @ApiOperation({ summary: 'Free and held test-drive capacity per model for the coming days' })
  @ApiOkResponse({ type: [StoreCapacityDayResponse] })
  @ApiProblems(400, 401, 403, 404)
  capacity(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
    @Query() query: AvailabilityQuery,
  ): Promise<StoreCapacityDay[]> {
    assertStoreInScope(principal, storeId);
    return this.schedule.capacity(storeId, { from: query.from, days: query.days });
  }

  @Get('stores/:storeId/test-drive-changes')
  @ApiOperation({
    summary: "Customers' changes since an instant (cancellations, moves, answers), for live refresh",
  })
  @ApiOkResponse({ type: TestDriveChangesResponse })
  @ApiProblems(400, 401, 403)
  changes(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
    @Query() query: ChangesQuery,
  ): Promise<TestDriveChanges> {
    return this.bookings.changes(staffActor(principal), storeId, new Date(query.since));
  }

  @Get('stores/:storeId/test-drive-policy')
  @ApiOperation({ summary: "A store's test-drive booking rules, or the defaults while it has set none" })
  @ApiOkResponse({ type: StoreBookingPolicyResponse })
  @ApiProblems(400, 401, 403, 404)
  policy(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
  ): Promise<StoreBookingPolicy> {
    assertStoreInScope(principal, storeId);
    return this.schedule.policyOf(storeId);
  }

  @Put('stores/:storeId/test-drive-policy')
  @StaffAuth('manager', 'admin')
  @ApiOperation({ summary: "Set a store's test-drive booking rules (all of them); managers and admins" })
  @ApiOkResponse({ type: StoreBookingPolicyResponse })
  @ApiProblems(400, 401, 403, 404)
  savePolicy(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('storeId', IdParamPipe) storeId: number,
    @Body() body: SaveBookingPolicyBody,
  ): Promise<StoreBookingPolicy> {
    assertStoreInScope(principal, storeId);
    return this.schedule.savePolicy(storeId, body);
  }

  @Get('test-drives/:id')
  @ApiOperation({ summary: "One booking of the staff's store, with its timeline" })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
  ): Promise<TestDriveBooking> {
    return this.bookings.getForStaff(staffActor(principal), id);
  }

  @Post('test-drives/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm: assign one of the store’s cars of that model and the consultant' })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  confirm(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: ConfirmBookingBody,
  ) {
    return this.bookings.act(staffActor(p), id, 'confirm', body);
  }

  @Post('test-drives/:id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject with a reason' })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  reject(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: RejectBookingBody,
  ) {
    return this.bookings.act(staffActor(p), id, 'reject', body);
  }

  @Post('test-drives/:id/propose')
  @HttpCode(200)
  @ApiOperation({ summary: 'Propose another time; the customer accepts or declines' })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  propose(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: ProposeBookingBody,
  ) {
    return this.bookings.act(staffActor(p), id, 'propose', body);
  }

  @Post('test-drives/:id/check-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check in: the licence’s last four characters match and the consent form is signed',
  })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  checkIn(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: CheckInBookingBody,
  ) {
    return this.bookings.act(staffActor(p), id, 'check_in', body);
  }

  @Post('test-drives/:id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete the drive (releases the car)' })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  complete(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() _body: EmptyBody,
  ) {
    return this.bookings.act(staffActor(p), id, 'complete');
  }

  @Post('test-drives/:id/no-show')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark as no-show once the slot has ended' })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  noShow(@CurrentStaff() p: StaffPrincipal, @Param('id', IdParamPipe) id: number, @Body() _body: EmptyBody) {
    return this.bookings.act(staffActor(p), id, 'mark_no_show');
  }

  @Post('test-drives/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel by the store, with a reason the customer sees' })
  @ApiOkResponse({ type: TestDriveBookingResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: StoreCancelBookingBody,
  ) {
    return this.bookings.act(staffActor(p), id, 'cancel_by_store', body);
  }
}
