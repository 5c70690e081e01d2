import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LowScoreCase } from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import { AssignCaseBody, CaseListQueryDto, UpdateCaseBody } from './dto/survey.requests.js';
import { LowScoreCaseResponse } from './dto/survey.responses.js';
import { SurveyCasesService } from './survey-cases.service.js';

/** Low-score callbacks (客户回访) that managers and consultants work from. */
@ApiTags('staff')
@Controller('staff/satisfaction/cases')
@StaffAuth()
export class SatisfactionCasesController {
  constructor(private readonly cases: SurveyCasesService) {}

  @Get()
  @ApiOperation({ summary: "Low-score cases of the caller's store (admins: all, or one store)" })
  @ApiOkResponse({ type: [LowScoreCaseResponse] })
  @ApiProblems(400, 401, 403)
  list(@CurrentStaff() principal: StaffPrincipal, @Query() query: CaseListQueryDto): Promise<LowScoreCase[]> {
    return this.cases.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case with the reasons, comments and notes (another store’s is 404)' })
  @ApiOkResponse({ type: LowScoreCaseResponse })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
  ): Promise<LowScoreCase> {
    return this.cases.get(principal, id);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a call (contacted) or the outcome (resolved), with a note' })
  @ApiOkResponse({ type: LowScoreCaseResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  progress(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: UpdateCaseBody,
  ): Promise<LowScoreCase> {
    return this.cases.progress(principal, id, body);
  }

  @Post(':id/owner')
  @HttpCode(200)
  @StaffAuth('manager', 'admin')
  @ApiOperation({ summary: 'Hand the case to a member of staff of its store; managers and admins' })
  @ApiOkResponse({ type: LowScoreCaseResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  assign(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() body: AssignCaseBody,
  ): Promise<LowScoreCase> {
    return this.cases.assign(principal, id, body);
  }
}
