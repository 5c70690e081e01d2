import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import {
  CONTACT_CHANNELS,
  CUSTOMER_STYLES,
  INTENT_LEVELS,
  LOST_REASON_CATEGORIES,
  PROSPECT_STATUSES,
  type ContactChannel,
  type CustomerStyle,
  type IntentLevel,
  type LogContactRequest,
  type LostReasonCategory,
  type MarkProspectLostRequest,
  type ProspectsQuery,
  type ProspectStatus,
  type RegisterContactRequest,
  type SetIntentRequest,
  type UpdateProspectRequest,
} from '@dealer-care/domain';
import { IdField, PageParam, PageSizeParam, Trim } from '../../../common/validation/dto-helpers.js';

const CHANNEL_MESSAGE = { message: '请选择联系方式（来店、来电、去电、线上咨询或微信）' };
const INTENT_MESSAGE = { message: '意向级别应为 H、A、B 或 C' };

export class ProspectsQueryDto implements ProspectsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IdField('门店编号', { query: true })
  storeId?: number;

  @ApiPropertyOptional({ description: 'Part of the name or phone' })
  @IsOptional()
  @Trim()
  @IsString({ message: '搜索内容应为文字' })
  @MaxLength(50, { message: '搜索内容最多50字' })
  q?: string;

  @ApiPropertyOptional({ enum: PROSPECT_STATUSES })
  @IsOptional()
  @IsIn(PROSPECT_STATUSES, { message: '状态应为 active、won 或 lost' })
  status?: ProspectStatus;

  @ApiPropertyOptional({ enum: INTENT_LEVELS })
  @IsOptional()
  @IsIn(INTENT_LEVELS, INTENT_MESSAGE)
  intentLevel?: IntentLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @IdField('顾问编号', { query: true })
  consultantId?: number;

  @PageParam()
  page?: number;

  @PageSizeParam(100, 20)
  pageSize?: number;
}

/** What every contact carries: how it happened and what was said. */
class ContactFields {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS, CHANNEL_MESSAGE)
  channel: ContactChannel;

  @ApiProperty({ example: '看中云岚 星河，周末带家人来试驾' })
  @Trim()
  @IsString({ message: '请填写沟通内容' })
  @Length(1, 500, { message: '请填写沟通内容（最多500字）' })
  note: string;

  @ApiPropertyOptional({ enum: INTENT_LEVELS, description: 'Re-assessed intent: plans the next follow-up' })
  @IsOptional()
  @IsIn(INTENT_LEVELS, INTENT_MESSAGE)
  intentLevel?: IntentLevel;
}

export class RegisterContactBody extends ContactFields implements RegisterContactRequest {
  @ApiProperty()
  @IdField('门店编号')
  storeId: number;

  @ApiProperty({ example: '王先生' })
  @IsString({ message: '请填写客户姓名' })
  name: string;

  @ApiProperty({ example: '13800138000' })
  @IsString({ message: '请填写手机号' })
  phone: string;
}

export class LogContactBody extends ContactFields implements LogContactRequest {}

export class SetIntentBody implements SetIntentRequest {
  @ApiProperty({ enum: INTENT_LEVELS })
  @IsIn(INTENT_LEVELS, INTENT_MESSAGE)
  level: IntentLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString({ message: '备注应为文字' })
  @MaxLength(200, { message: '备注最多200字' })
  note?: string;
}

export class UpdateProspectBody implements UpdateProspectRequest {
  @ApiPropertyOptional({ enum: CUSTOMER_STYLES, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(CUSTOMER_STYLES, { message: '客户风格应为分析型、支配型、表现型或和蔼型' })
  style?: CustomerStyle | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Trim()
  @IsString({ message: '风格备注应为文字' })
  @MaxLength(200, { message: '风格备注最多200字' })
  styleNote?: string | null;

  @ApiPropertyOptional({ description: 'Managers and admins only' })
  @IsOptional()
  @IdField('顾问编号')
  consultantId?: number;
}

export class MarkLostBody implements MarkProspectLostRequest {
  @ApiProperty({ enum: LOST_REASON_CATEGORIES })
  @IsIn(LOST_REASON_CATEGORIES, { message: '请选择战败原因' })
  category: LostReasonCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString({ message: '说明应为文字' })
  @MaxLength(200, { message: '说明最多200字' })
  note?: string;
}
