import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_TASK_KINDS,
  INBOX_BUCKETS,
  INTENT_LEVELS,
  OUTCOME_NOTE_MAX_LENGTH,
  type AssignFollowUpRequest,
  type FollowUpInboxQuery,
  type FollowUpOutcome,
  type FollowUpStatsQuery,
  type FollowUpTaskKind,
  type InboxBucket,
  type IntentLevel,
  type RecordFollowUpOutcomeRequest,
} from '@dealer-care/domain';
import {
  IdField,
  ISO_DATE_PATTERN,
  PageParam,
  PageSizeParam,
  QueryBoolean,
  Trim,
} from '../../../common/validation/dto-helpers.js';

export const INBOX_MAX_PAGE_SIZE = 100;

export class FollowUpInboxQueryDto implements FollowUpInboxQuery {
  @ApiPropertyOptional({ description: "Admins: one store. Others: only their own store's id is accepted" })
  @IsOptional()
  @IdField('门店编号', { query: true })
  storeId?: number;

  @ApiPropertyOptional({ enum: INBOX_BUCKETS, description: 'Without it: every pending task' })
  @IsOptional()
  @IsIn(INBOX_BUCKETS, { message: `分组应为 ${INBOX_BUCKETS.join('、')} 之一` })
  bucket?: InboxBucket;

  @ApiPropertyOptional({
    description: 'Managers and admins: one member of staff; consultants: only themselves',
  })
  @IsOptional()
  @IdField('负责人编号', { query: true })
  assigneeId?: number;

  @ApiPropertyOptional({ description: 'Only tasks escalated to the manager' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'escalatedOnly 应为 true 或 false' })
  escalatedOnly?: boolean;

  @ApiPropertyOptional({ enum: FOLLOW_UP_TASK_KINDS })
  @IsOptional()
  @IsIn(FOLLOW_UP_TASK_KINDS, { message: '任务类型不正确' })
  kind?: FollowUpTaskKind;

  @PageParam()
  page?: number;

  @PageSizeParam(INBOX_MAX_PAGE_SIZE, 20)
  pageSize?: number;
}

export class RecordOutcomeBody implements RecordFollowUpOutcomeRequest {
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES })
  @IsIn(FOLLOW_UP_OUTCOMES, { message: '请选择回访结果' })
  outcome: FollowUpOutcome;

  @ApiPropertyOptional({
    description: 'Required for complaint_escalated',
    maxLength: OUTCOME_NOTE_MAX_LENGTH,
  })
  @IsOptional()
  @Trim()
  @IsString({ message: '备注应为文字' })
  @MaxLength(OUTCOME_NOTE_MAX_LENGTH, { message: `备注最多${OUTCOME_NOTE_MAX_LENGTH}字` })
  note?: string;

  @ApiPropertyOptional({
    description: 'ISO instant; required for call_back_at',
    example: '2026-11-26T07:00:00.000Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: '约定时间格式不正确' })
  callBackAt?: string;

  @ApiPropertyOptional({ enum: INTENT_LEVELS, description: 'The intent asked on the call' })
  @IsOptional()
  @IsIn(INTENT_LEVELS, { message: '意向级别应为 H、A、B 或 C' })
  intentLevel?: IntentLevel;
}

export class AssignFollowUpBody implements AssignFollowUpRequest {
  @ApiProperty({ description: 'An active member of staff of the task’s store' })
  @IdField('员工编号')
  staffId: number;
}

export class FollowUpStatsQueryDto implements FollowUpStatsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IdField('门店编号', { query: true })
  storeId?: number;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'Store-local date; default 29 days before `to`',
  })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: '日期格式应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Store-local date; default today' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: '日期格式应为 YYYY-MM-DD' })
  to?: string;
}
