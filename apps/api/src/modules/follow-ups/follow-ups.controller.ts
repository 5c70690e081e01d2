import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FollowUpInbox, FollowUpStats, FollowUpTaskView } from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import {
  AssignFollowUpBody,
  FollowUpInboxQueryDto,
  FollowUpStatsQueryDto,
  RecordOutcomeBody,
} from './dto/follow-up.requests.js';
import {
  FollowUpInboxResponse,
  FollowUpStatsResponse,
  FollowUpTaskViewResponse,
} from './dto/follow-up.responses.js';
import { FollowUpStatsService } from './follow-up-stats.service.js';
import { FollowUpsService } from './follow-ups.service.js';

/** 回访任务: the follow-up inbox, outcomes, reassignment and completion rates. */
@ApiTags('staff')
@Controller('staff/follow-ups')
@StaffAuth()
export class FollowUpsController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly statistics: FollowUpStatsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's follow-up inbox by bucket, with the tab counts" })
  @ApiOkResponse({ type: FollowUpInboxResponse })
  @ApiProblems(400, 401, 403)
  inbox(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: FollowUpInboxQueryDto,
  ): Promise<FollowUpInbox> {
    return this.followUps.inbox(principal, query);
  }

  @Get('stats')
  @StaffAuth('manager', 'admin')
  @ApiOperation({
    summary: 'Completion and on-time rates per assignee and per rule, by due date; managers and admins',
  })
  @ApiOkResponse({ type: FollowUpStatsResponse })
  @ApiProblems(400, 401, 403)
  stats(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: FollowUpStatsQueryDto,
  ): Promise<FollowUpStats> {
    return this.statistics.stats(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task with its customer, source and call history (another store’s is 404)' })
  @ApiOkResponse({ type: FollowUpTaskViewResponse })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
  ): Promise<FollowUpTaskView> {
    return this.followUps.get(principal, id);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the call: reached, not reached, call back at, or complaint escalated' })
  @ApiOkResponse({ type: FollowUpTaskViewResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  outcome(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: RecordOutcomeBody,
  ): Promise<FollowUpTaskView> {
    return this.followUps.recordOutcome(principal, id, body);
  }

  @Post(':id/assignee')
  @HttpCode(200)
  @StaffAuth('manager', 'admin')
  @ApiOperation({ summary: 'Hand a pending task to a member of staff of its store; managers and admins' })
  @ApiOkResponse({ type: FollowUpTaskViewResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  assign(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: AssignFollowUpBody,
  ): Promise<FollowUpTaskView> {
    return this.followUps.assign(principal, id, body);
  }
}
