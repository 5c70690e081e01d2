import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CALL_OUTCOMES,
  MAX_CHECKLIST_ITEMS,
  MAX_DATE_OPTIONS,
  MAX_PARTY_SIZE,
  type AssignVinRequest,
  type CallOutcome,
  type CancelOrderRequest,
  type ChecklistItemTemplate,
  type ChooseDateRequest,
  type CreateSalesOrderRequest,
  type DeclareDelayRequest,
  type DeliverRequest,
  type DeliveryChecklistTemplates,
  type DeliveryDateChoice,
  type OfferDatesRequest,
  type RecordCallRequest,
  type RequestOtherDatesRequest,
  type StoreOrdersQuery,
  type TickableChecklistKind,
  type TickChecklistRequest,
} from '@dealer-care/domain';
import { ISO_DATE_PATTERN, Trim } from '../../../common/validation/dto-helpers.js';

const DATE_MESSAGE = { message: '日期格式应为 YYYY-MM-DD' };
const REASON = { message: '请填写原因（2–200字）' };

export class CreateSalesOrderBody implements CreateSalesOrderRequest {
  @ApiProperty({ example: '李雷' })
  @Trim()
  @IsString()
  @Length(1, 50, { message: '请填写客户姓名' })
  customerName: string;
  @ApiProperty({ example: '13800138000' })
  @Trim()
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: '请输入正确的11位手机号' })
  customerMobile: string;
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) modelId: number;
  @ApiProperty({ example: '长续航版' })
  @Trim()
  @IsString()
  @Length(1, 50, { message: '请填写配置（1–50字）' })
  trim: string;
  @ApiProperty({ example: '星河蓝' })
  @Trim()
  @IsString()
  @Length(1, 30, { message: '请填写颜色（1–30字）' })
  colour: string;
  @ApiPropertyOptional({
    example: 'LSVAU218XN2183294',
    description: '17 characters with a valid check digit',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(32)
  vin?: string;
  @ApiProperty({ example: '2026-12-01' }) @Matches(ISO_DATE_PATTERN, DATE_MESSAGE) promisedFrom: string;
  @ApiProperty({ example: '2026-12-10' }) @Matches(ISO_DATE_PATTERN, DATE_MESSAGE) promisedTo: string;
  @ApiPropertyOptional({ description: 'A consultant of the store; defaults to the caller' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  consultantId?: number;
}

export class DeliveryDateChoiceBody implements DeliveryDateChoice {
  @ApiProperty({ example: '2026-11-28' }) @IsString() @Matches(ISO_DATE_PATTERN, DATE_MESSAGE) date: string;
  @ApiProperty({ example: '10:00' })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm' })
  time: string;
}

export class OfferDatesBody implements OfferDatesRequest {
  @ApiProperty({ type: [DeliveryDateChoiceBody], minItems: 1, maxItems: MAX_DATE_OPTIONS })
  @IsArray()
  @ArrayMinSize(1, { message: `请提供1到${MAX_DATE_OPTIONS}个交车时间` })
  @ArrayMaxSize(MAX_DATE_OPTIONS, { message: `请提供1到${MAX_DATE_OPTIONS}个交车时间` })
  @ValidateNested({ each: true })
  @Type(() => DeliveryDateChoiceBody)
  options: DeliveryDateChoiceBody[];
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) note?: string;
}

export class DeclareDelayBody extends OfferDatesBody implements DeclareDelayRequest {
  @ApiProperty({ example: '物流延误，车辆晚到两天' })
  @Trim()
  @IsString()
  @Length(2, 200, REASON)
  reason: string;
}

export class ChooseDateBody implements ChooseDateRequest {
  @ApiProperty({ example: '2026-11-28T02:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: '时间格式不正确' })
  startsAt: string;
  @ApiProperty({ minimum: 1, maximum: MAX_PARTY_SIZE })
  @IsInt({ message: '到店人数应为整数' })
  @Min(1, { message: `到店人数为1–${MAX_PARTY_SIZE}人` })
  @Max(MAX_PARTY_SIZE, { message: `到店人数为1–${MAX_PARTY_SIZE}人` })
  partySize: number;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) note?: string;
}

export class RequestOtherDatesBody implements RequestOtherDatesRequest {
  @ApiProperty({ example: '周末都要出差，下周一之后可以' })
  @Trim()
  @IsString()
  @Length(2, 200, { message: '请说明方便的时间（2–200字）' })
  note: string;
}

export class RecordCallBody implements RecordCallRequest {
  @ApiProperty({ enum: CALL_OUTCOMES })
  @IsIn(CALL_OUTCOMES, { message: '请选择通话结果' })
  outcome: CallOutcome;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) note?: string;
}

export class TickChecklistBody implements TickChecklistRequest {
  @ApiProperty({ enum: ['pdi', 'handover'] })
  @IsIn(['pdi', 'handover'], { message: '清单类型不正确' })
  kind: TickableChecklistKind;
  @ApiProperty({ example: 'plates' }) @IsString() @Length(1, 32) key: string;
  @ApiProperty() @IsBoolean() done: boolean;
}

export class DeliverBody implements DeliverRequest {
  @ApiProperty({ description: 'PNG data URL of the drawn signature' })
  @IsString()
  @MaxLength(120_000, { message: '签名图片过大' })
  signature: string;
  @ApiProperty({ example: '李雷' })
  @Trim()
  @IsString()
  @Length(1, 50, { message: '请填写签收人姓名' })
  signerName: string;
}

export class CancelOrderBody implements CancelOrderRequest {
  @ApiProperty() @Trim() @IsString() @Length(2, 200, REASON) reason: string;
}

export class AssignVinBody implements AssignVinRequest {
  @ApiProperty({ example: 'LSVAU218XN2183294' }) @Trim() @IsString() @Length(1, 32) vin: string;
}

export class StoreOrdersQueryDto implements StoreOrdersQuery {
  @ApiPropertyOptional({ example: '2026-11-23', description: 'Store-local first day (default today)' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, DATE_MESSAGE)
  from?: string;
  @ApiPropertyOptional({ example: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(31)
  days?: number;
}

export class ChecklistItemTemplateBody implements ChecklistItemTemplate {
  @ApiProperty({ example: 'cleaning' }) @IsString() @MaxLength(32) key: string;
  @ApiProperty({ example: '车辆已清洁' }) @IsString() @MaxLength(60) label: string;
}

const ChecklistField = () =>
  applyDecorators(
    ApiProperty({ type: [ChecklistItemTemplateBody] }),
    IsArray(),
    ArrayMaxSize(MAX_CHECKLIST_ITEMS, { message: `清单最多${MAX_CHECKLIST_ITEMS}项` }),
    ValidateNested({ each: true }),
    Type(() => ChecklistItemTemplateBody),
  );

export class DeliveryChecklistsBody implements DeliveryChecklistTemplates {
  @ChecklistField() pdi: ChecklistItemTemplateBody[];
  @ChecklistField() handover: ChecklistItemTemplateBody[];
  @ChecklistField() bring: ChecklistItemTemplateBody[];
}
