import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import {
  CASE_STATUSES,
  ErrorCode,
  EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS,
  SURVEY_KINDS,
  SURVEY_TEMPLATE_LIMITS,
  type AssignCaseRequest,
  type CaseStatus,
  type LowScoreRule,
  type SaveSurveyProgressRequest,
  type SubmitSurveyRequest,
  type SurveyAnswers,
  type SurveyFactor,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyTemplateContent,
  type UpdateCaseRequest,
} from '@dealer-care/domain';
import { DomainException } from '../../../common/problem/domain.exception.js';
import { Trim } from '../../../common/validation/dto-helpers.js';

/** An object with at most `max` own keys (the answers of one survey: one per question at most). */
function MaxKeys(max: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'maxKeys',
      constraints: [max],
      validator: {
        // Only counts: whether it is an object at all is @IsObject's to say.
        validate: (value: unknown) =>
          typeof value !== 'object' || value === null || Object.keys(value).length <= max,
      },
    },
    options,
  );
}

/** Progress and submit carry the same body; what the answers may be is the template's to say. */
export class SurveyAnswersBody implements SaveSurveyProgressRequest, SubmitSurveyRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS,
    description:
      'Question key → answer: rating 1–5 and nps 0–10 as integers, single choice and text as strings, multi choice as a list of option values',
  })
  @IsDefined({ message: '请提交答案' })
  @IsObject({ message: '答案格式不正确' })
  @MaxKeys(SURVEY_TEMPLATE_LIMITS.maxQuestions, {
    message: `答案最多 ${SURVEY_TEMPLATE_LIMITS.maxQuestions} 项`,
  })
  answers: SurveyAnswers;
}

/** Query strings carry text: "true"/"false" (and 1/0) become booleans, anything else stays and fails. */
const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });

export class CaseListQueryDto {
  @ApiPropertyOptional({ description: "Admins: one store. Others: only their own store's id is accepted" })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '门店编号应为正整数' })
  @Min(1, { message: '门店编号应为正整数' })
  @Max(2_147_483_647, { message: '门店编号应为正整数' })
  storeId?: number;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: '状态应为 open、contacted 或 resolved' })
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'Only cases past their due time (or resolved late)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'overdueOnly 应为 true 或 false' })
  overdueOnly?: boolean;
}

export class UpdateCaseBody implements UpdateCaseRequest {
  @ApiProperty({ enum: ['contacted', 'resolved'] })
  @IsIn(['contacted', 'resolved'], { message: '状态只能是已联系（contacted）或已解决（resolved）' })
  status: Exclude<CaseStatus, 'open'>;

  @ApiProperty({ example: '已致电客户，致歉并约定周六再次试驾' })
  @Trim()
  @IsString({ message: '请填写回访记录' })
  @Length(2, 500, { message: '请填写回访记录（2–500字）' })
  note: string;
}

export class AssignCaseBody implements AssignCaseRequest {
  @ApiProperty({ description: 'A member of staff of the case’s store' })
  @IsInt({ message: '负责人编号应为正整数' })
  @Min(1, { message: '负责人编号应为正整数' })
  @Max(2_147_483_647, { message: '负责人编号应为正整数' })
  ownerId: number;
}

/**
 * A template version as the editor sends it. The shape of the top level is checked here; every
 * factor, question, option and condition by the domain's validateTemplateContent.
 */
export class SurveyTemplateContentBody implements SurveyTemplateContent {
  @ApiProperty({ example: '试乘试驾意见表' }) @IsString() title: string;
  @ApiProperty() @IsString() intro: string;
  @ApiProperty() @IsString() thanks: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '{ key, label, weight }' })
  @IsArray()
  @ArrayMaxSize(SURVEY_TEMPLATE_LIMITS.maxFactors, {
    message: `最多 ${SURVEY_TEMPLATE_LIMITS.maxFactors} 个维度`,
  })
  factors: SurveyFactor[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Questions in order: { key, type, title, help?, required, showIf?, … }',
  })
  @IsArray()
  @ArrayMaxSize(SURVEY_TEMPLATE_LIMITS.maxQuestions, {
    message: `最多 ${SURVEY_TEMPLATE_LIMITS.maxQuestions} 道题目`,
  })
  questions: SurveyQuestion[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { factorBelow: 60, overallAtMost: 2, npsAtMost: 6 },
  })
  @IsObject({ message: '低分规则格式不正确' })
  lowScoreRule: LowScoreRule;
}

/** A survey kind in the path; anything else is a 400 in Chinese. */
@Injectable()
export class SurveyKindPipe implements PipeTransform<string, SurveyKind> {
  transform(value: string): SurveyKind {
    if (!(SURVEY_KINDS as readonly string[]).includes(value)) {
      throw new DomainException(ErrorCode.ValidationFailed, '问卷类型不存在', [
        { field: 'kind', message: `应为 ${SURVEY_KINDS.join('、')} 之一` },
      ]);
    }
    return value as SurveyKind;
  }
}
