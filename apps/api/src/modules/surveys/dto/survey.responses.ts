import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  INVITATION_STATUSES,
  QUESTION_TYPES,
  SURVEY_KINDS,
  type CaseStatus,
  type ChoiceOption,
  type InvitationStatus,
  type LowScoreCase,
  type LowScoreRule,
  type PendingSurvey,
  type QuestionType,
  type ShowCondition,
  type SurveyAnswers,
  type SurveyFactor,
  type SurveyForm,
  type SurveyKind,
  type SurveyQuestion,
  type SurveySubmitted,
  type SurveyTemplate,
} from '@dealer-care/domain';

export class PendingSurveyResponse implements PendingSurvey {
  @ApiProperty({ description: 'Signed link token: <id>.<expiresEpochSec>.<hmac>' }) token: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty({ example: '试乘试驾意见表' }) title: string;
  @ApiProperty({ example: '试驾 云岚 星河 · 11月20日 · 星河汽车城店' }) subject: string;
  @ApiProperty() storeName: string;
  @ApiProperty({ enum: ['sent', 'opened', 'started'] }) status: PendingSurvey['status'];
  @ApiProperty() answeredCount: number;
  @ApiProperty() questionCount: number;
  @ApiProperty() sentAt: string;
  @ApiProperty() expiresAt: string;
}

export class ChoiceOptionResponse implements ChoiceOption {
  @ApiProperty() value: string;
  @ApiProperty() label: string;
}

export class ShowConditionResponse implements ShowCondition {
  @ApiProperty() question: string;
  @ApiProperty({ type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  anyOf: Array<string | number>;
}

/** Every question type in one schema; the fields of the other types are absent. */
export class SurveyQuestionResponse {
  @ApiProperty() key: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty() title: string;
  @ApiPropertyOptional() help?: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: ShowConditionResponse }) showIf?: ShowCondition;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'rating' }) factor?: string | null;
  @ApiPropertyOptional({ description: 'rating' }) weight?: number;
  @ApiPropertyOptional({ enum: ['overall_satisfaction', 'repurchase_intent'], description: 'rating' })
  measure?: string;
  @ApiPropertyOptional({ type: [ChoiceOptionResponse], description: 'single_choice, multi_choice' })
  options?: ChoiceOption[];
  @ApiPropertyOptional({ description: 'text' }) maxLength?: number;
}

export class SurveyFormTemplateResponse {
  @ApiProperty() id: number;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty() thanks: string;
  @ApiProperty({ type: [SurveyQuestionResponse] }) questions: SurveyQuestion[];
}

export class SurveyFormResponse implements SurveyForm {
  @ApiProperty() token: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() subject: string;
  @ApiProperty() storeName: string;
  @ApiProperty({ nullable: true, type: String }) consultantName: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ type: SurveyFormTemplateResponse }) template: SurveyForm['template'];
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: SurveyAnswers;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
}

export class SurveySubmittedResponse implements SurveySubmitted {
  @ApiProperty() token: string;
  @ApiProperty() completedAt: string;
  @ApiProperty() thanks: string;
}

export class PersonRefResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class CaseNoteResponse {
  @ApiProperty() at: string;
  @ApiProperty() byName: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty() note: string;
}

export class LowScoreCaseResponse implements LowScoreCase {
  @ApiProperty() id: number;
  @ApiProperty() responseId: number;
  @ApiProperty() storeId: number;
  @ApiProperty() storeName: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() customerName: string;
  @ApiProperty({ example: '138****5678' }) mobileMasked: string;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: PersonRefResponse }) consultant: { id: number; name: string } | null;
  @ApiProperty({ nullable: true, type: PersonRefResponse }) owner: { id: number; name: string } | null;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ type: [String], example: ['「交车」得分 37.5，低于 60 分'] }) reasons: string[];
  @ApiProperty({ nullable: true, type: Number }) index: number | null;
  @ApiProperty({ nullable: true, type: Number }) nps: number | null;
  @ApiProperty({ type: [String] }) comments: string[];
  @ApiProperty() openedAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) contactedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: [CaseNoteResponse] }) notes: LowScoreCase['notes'];
}

export class SurveyFactorResponse implements SurveyFactor {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() weight: number;
}

export class LowScoreRuleResponse implements LowScoreRule {
  @ApiProperty({ nullable: true, type: Number }) factorBelow: number | null;
  @ApiProperty({ nullable: true, type: Number }) overallAtMost: number | null;
  @ApiProperty({ nullable: true, type: Number }) npsAtMost: number | null;
}

export class SurveyTemplateResponse implements SurveyTemplate {
  @ApiProperty() id: number;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() version: number;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty() thanks: string;
  @ApiProperty({ type: [SurveyFactorResponse] }) factors: SurveyFactor[];
  @ApiProperty({ type: [SurveyQuestionResponse] }) questions: SurveyQuestion[];
  @ApiProperty({ type: LowScoreRuleResponse }) lowScoreRule: LowScoreRule;
}
