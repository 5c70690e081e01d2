import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type {
  AuditGroup,
  AuditItem,
  AuditMarks,
  AuditScore,
  AuditStep,
  AuditTemplate,
  CreateAuditRequest,
  ProcessAudit,
} from '@dealer-care/domain';
import { Trim } from '../../../common/validation/dto-helpers.js';

export const AUDITOR_KINDS = ['manager', 'mystery_shopper'] as const;
export type AuditorKind = (typeof AUDITOR_KINDS)[number];

const ID_MESSAGE = (what: string) => ({ message: `${what}编号应为正整数` });

export class CreateAuditBody implements CreateAuditRequest {
  @ApiProperty({ description: 'An active consultant of the store' })
  @IsDefined({ message: '请选择销售顾问' })
  @IsInt(ID_MESSAGE('顾问'))
  @Min(1, ID_MESSAGE('顾问'))
  @Max(2_147_483_647, ID_MESSAGE('顾问'))
  consultantId: number;

  @ApiProperty({ enum: AUDITOR_KINDS })
  @IsDefined({ message: '请选择检核方式' })
  @IsIn(AUDITOR_KINDS, { message: '检核方式应为店长检核（manager）或神秘顾客（mystery_shopper）' })
  auditorKind: AuditorKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'boolean', nullable: true },
    description: 'Item key → true (done), false (not done) or null (not applicable)',
    example: { reception_arrival_1: true, reception_arrival_2: false },
  })
  @IsDefined({ message: '请填写检核结果' })
  @IsObject({ message: '检核结果格式不正确' })
  marks: AuditMarks;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString({ message: '备注必须是文本' })
  @MaxLength(500, { message: '备注最多500字' })
  note?: string;
}

export class AuditListQueryDto {
  @ApiPropertyOptional({ description: "Admins: one store. Others: only their own store's id is accepted" })
  @IsOptional()
  @Type(() => Number)
  @IsInt(ID_MESSAGE('门店'))
  @Min(1, ID_MESSAGE('门店'))
  @Max(2_147_483_647, ID_MESSAGE('门店'))
  storeId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt(ID_MESSAGE('顾问'))
  @Min(1, ID_MESSAGE('顾问'))
  @Max(2_147_483_647, ID_MESSAGE('顾问'))
  consultantId?: number;
}

class AuditItemResponse implements AuditItem {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
}

class AuditGroupResponse implements AuditGroup {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ nullable: true, type: Number }) publishedWeight: number | null;
  @ApiProperty({ type: [AuditItemResponse] }) items: AuditItemResponse[];
}

class AuditStepResponse implements AuditStep {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ nullable: true, type: Number }) publishedWeight: number | null;
  @ApiProperty({ type: [AuditGroupResponse] }) groups: AuditGroupResponse[];
}

export class AuditTemplateResponse implements AuditTemplate {
  @ApiProperty({ example: 'sales_process' }) key: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: [AuditStepResponse] }) steps: AuditStepResponse[];
}

class AuditStepScoreResponse {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Normalised weight (the steps add up to 100)' }) weight: number;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
}

class AuditScoreResponse implements AuditScore {
  @ApiProperty({ nullable: true, type: Number, description: '0–100, one decimal' }) total: number | null;
  @ApiProperty({ type: [AuditStepScoreResponse] }) steps: AuditStepScoreResponse[];
}

class NamedRef {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class ProcessAuditResponse implements ProcessAudit {
  @ApiProperty() id: number;
  @ApiProperty() storeId: number;
  @ApiProperty({ type: NamedRef }) consultant: NamedRef;
  @ApiProperty({ description: 'Who entered it' }) auditorName: string;
  @ApiProperty({ enum: AUDITOR_KINDS }) auditorKind: AuditorKind;
  @ApiProperty() templateKey: string;
  @ApiProperty() templateVersion: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean', nullable: true } })
  marks: AuditMarks;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: AuditScoreResponse }) score: AuditScoreResponse;
  @ApiProperty() auditedAt: string;
}
