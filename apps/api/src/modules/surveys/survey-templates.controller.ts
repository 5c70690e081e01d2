import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SURVEY_KINDS, type SurveyKind, type SurveyTemplate } from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { SurveyKindPipe, SurveyTemplateContentBody } from './dto/survey.requests.js';
import { SurveyTemplateResponse } from './dto/survey.responses.js';
import { SurveyTemplatesService } from './survey-templates.service.js';

/** Survey templates: versions are never edited, a change is saved as the next version. */
@ApiTags('staff')
@Controller('staff/survey-templates')
@StaffAuth()
export class SurveyTemplatesController {
  constructor(private readonly templates: SurveyTemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'Every version of every kind, newest first' })
  @ApiOkResponse({ type: [SurveyTemplateResponse] })
  @ApiProblems(401, 403)
  list(): Promise<SurveyTemplate[]> {
    return this.templates.list();
  }

  @Post(':kind/versions')
  // One survey for the whole group, so scores compare across stores: only the group admin changes it.
  @StaffAuth('admin')
  @ApiOperation({
    summary: 'Save a changed template as the new active version of its kind; group admins only',
  })
  // Not derived from the piped @Param: without this the document leaves {kind} undeclared.
  @ApiParam({ name: 'kind', enum: SURVEY_KINDS, example: 'test_drive_feedback' })
  @ApiCreatedResponse({ type: SurveyTemplateResponse })
  @ApiProblems(400, 401, 403)
  createVersion(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('kind', SurveyKindPipe) kind: SurveyKind,
    @Body() body: SurveyTemplateContentBody,
  ): Promise<SurveyTemplate> {
    return this.templates.createVersion(principal, kind, body);
  }
}
