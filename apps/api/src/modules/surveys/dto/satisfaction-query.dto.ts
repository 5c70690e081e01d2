import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  INVITATION_STATUSES,
  SURVEY_KINDS,
  type InvitationStatus,
  type SatisfactionQuery,
  type SurveyInvitationsQuery,
  type SurveyKind,
  type SurveyResponsesQuery,
} from '@dealer-care/domain';
import {
  ISO_DATE_PATTERN,
  PageParam,
  PageSizeParam,
  QueryBoolean,
} from '../../../common/validation/dto-helpers.js';

/** Longest date range of one report, inclusive of both ends (a leap year). */
export const SATISFACTION_MAX_RANGE_DAYS = 366;
/** The default range: the last 90 days, today included. */
export const SATISFACTION_DEFAULT_RANGE_DAYS = 90;
/** Largest page of the response list. */
export const SATISFACTION_MAX_PAGE_SIZE = 100;
export const SATISFACTION_DEFAULT_PAGE_SIZE = 20;

const DATE_MESSAGE = { message: '日期格式应为 YYYY-MM-DD' };
const STORE_MESSAGE = { message: '门店编号应为正整数' };
const KIND_MESSAGE = { message: `问卷类型应为 ${SURVEY_KINDS.join('、')} 之一` };
const STATUS_MESSAGE = { message: `邀请状态应为 ${INVITATION_STATUSES.join('、')} 之一` };

/** Query strings carry text: "true"/"false" (and 1/0) become booleans, anything else stays and fails. */
export class SatisfactionQueryDto implements SatisfactionQuery {
  @ApiProperty({ enum: SURVEY_KINDS, example: 'test_drive_feedback' })
  @IsDefined({ message: '请选择问卷类型' })
  @IsIn(SURVEY_KINDS, KIND_MESSAGE)
  kind: SurveyKind;

  @ApiPropertyOptional({
    example: '2026-09-01',
    description: 'Store-local first day, inclusive (default: 89 days before `to`)',
  })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, DATE_MESSAGE)
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-29',
    description: `Store-local last day, inclusive (default today); at most ${SATISFACTION_MAX_RANGE_DAYS} days in all`,
  })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, DATE_MESSAGE)
  to?: string;

  @ApiPropertyOptional({ description: "Admins: one store. Others: only their own store's id is accepted" })
  @IsOptional()
  @Type(() => Number)
  @IsInt(STORE_MESSAGE)
  @Min(1, STORE_MESSAGE)
  @Max(2_147_483_647, STORE_MESSAGE)
  storeId?: number;
}

/** The filters of the response list and of the CSV export. */
export class SatisfactionResponsesFilterDto extends SatisfactionQueryDto {
  @ApiPropertyOptional({ description: 'Only low-score responses' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'lowOnly 应为 true 或 false' })
  lowOnly?: boolean;

  @ApiPropertyOptional({ description: "Only this consultant's customers" })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '顾问编号应为正整数' })
  @Min(1, { message: '顾问编号应为正整数' })
  @Max(2_147_483_647, { message: '顾问编号应为正整数' })
  consultantId?: number;
}

export class SatisfactionResponsesQueryDto
  extends SatisfactionResponsesFilterDto
  implements SurveyResponsesQuery
{
  @PageParam()
  page?: number;

  @PageSizeParam(SATISFACTION_MAX_PAGE_SIZE, SATISFACTION_DEFAULT_PAGE_SIZE)
  pageSize?: number;
}

/** The invitation list: the dashboard's filters (dates are when each was due to be sent) and a status. */
export class SatisfactionInvitationsQueryDto extends SatisfactionQueryDto implements SurveyInvitationsQuery {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES, description: 'Only invitations in this status' })
  @IsOptional()
  @IsIn(INVITATION_STATUSES, STATUS_MESSAGE)
  status?: InvitationStatus;

  @PageParam()
  page?: number;

  @PageSizeParam(SATISFACTION_MAX_PAGE_SIZE, SATISFACTION_DEFAULT_PAGE_SIZE)
  pageSize?: number;
}
