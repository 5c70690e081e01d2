import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PendingSurvey, SurveyForm, SurveySubmitted } from '@dealer-care/domain';
import { CurrentCustomer, CustomerAuth } from '../../common/auth/auth.decorators.js';
import type { CustomerPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { SurveyAnswersBody } from './dto/survey.requests.js';
import {
  PendingSurveyResponse,
  SurveyFormResponse,
  SurveySubmittedResponse,
} from './dto/survey.responses.js';
import { SurveysService } from './surveys.service.js';

/** The customer's surveys (满意度评价): what is waiting, and answering one by its signed token. */
@ApiTags('surveys')
@Controller('surveys')
@CustomerAuth()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get()
  @ApiOperation({ summary: 'Surveys sent to the customer and not yet completed or expired' })
  @ApiOkResponse({ type: [PendingSurveyResponse] })
  @ApiProblems(401, 403)
  pending(@CurrentCustomer() principal: CustomerPrincipal): Promise<PendingSurvey[]> {
    return this.surveys.pending(principal.id);
  }

  @Get(':token')
  @ApiOperation({ summary: 'Open a survey by its token (marks it opened); another customer’s token is 404' })
  @ApiOkResponse({ type: SurveyFormResponse })
  @ApiProblems(401, 403, 404, 409)
  open(@CurrentCustomer() principal: CustomerPrincipal, @Param('token') token: string): Promise<SurveyForm> {
    return this.surveys.open(principal.id, token);
  }

  @Put(':token/progress')
  @ApiOperation({ summary: 'Keep partial answers; the survey counts as started, not as a response' })
  @ApiOkResponse({ type: SurveyFormResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  saveProgress(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('token') token: string,
    @Body() body: SurveyAnswersBody,
  ): Promise<SurveyForm> {
    return this.surveys.saveProgress(principal.id, token, body.answers);
  }

  @Post(':token/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit once; a resubmission answers with the first result and changes nothing' })
  @ApiOkResponse({ type: SurveySubmittedResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  submit(
    @CurrentCustomer() principal: CustomerPrincipal,
    @Param('token') token: string,
    @Body() body: SurveyAnswersBody,
  ): Promise<SurveySubmitted> {
    return this.surveys.submit(principal.id, token, body.answers);
  }
}
