import { ApiProperty } from '@nestjs/swagger';
import {
  INVITATION_HOLD_REASONS,
  INVITATION_STATUSES,
  QUESTION_TYPES,
  SURVEY_KINDS,
  type InvitationHoldReason,
  type InvitationStatus,
  type FactorScore,
  type NpsGroup,
  type Page,
  type QuestionType,
  type SatisfactionSummary,
  type ScoreAggregate,
  type SurveyFunnel,
  type SurveyInvitationListItem,
  type SurveyKind,
  type SurveyResponseDetail,
  type SurveyResponseListItem,
  type SurveyScore,
} from '@dealer-care/domain';

/** OpenAPI shapes of the satisfaction dashboard's answers (the domain types are the contract). */

export class ScoreAggregateResponse implements ScoreAggregate {
  @ApiProperty() responses: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean 1,000-point index' }) index: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '-100…100' }) nps: number | null;
  @ApiProperty() promoters: number;
  @ApiProperty() passives: number;
  @ApiProperty() detractors: number;
  @ApiProperty() lowScores: number;
}

export class SurveyFunnelResponse implements SurveyFunnel {
  @ApiProperty({ description: 'Sent in the range (reached the customer)' }) invited: number;
  @ApiProperty({ description: 'Of those, opened at least once' }) opened: number;
  @ApiProperty({ description: 'Of those, with saved progress or completed' }) started: number;
  @ApiProperty({ description: 'Of those, completed' }) completed: number;
  @ApiProperty({ description: 'Of those, expired unanswered' }) expired: number;
  @ApiProperty({ description: 'Due to be sent in the range but held back now' }) held: number;
  @ApiProperty({ description: 'Due to be sent in the range but dropped' }) dropped: number;
  @ApiProperty({ nullable: true, type: Number }) responseRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) medianHoursToAnswer: number | null;
}

class WeekAggregateResponse extends ScoreAggregateResponse {
  @ApiProperty({ example: '2026-11-23', description: 'Monday of the store-local week' }) week: string;
}

class StoreAggregateResponse extends ScoreAggregateResponse {
  @ApiProperty() storeId: number;
  @ApiProperty() storeName: string;
}

class ConsultantAggregateResponse extends ScoreAggregateResponse {
  @ApiProperty() consultantId: number;
  @ApiProperty() consultantName: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Total of the latest process audit (0–100)' })
  auditScore: number | null;
}

class FactorAggregateResponse {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() weight: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean 0–100' }) score: number | null;
  @ApiProperty() responses: number;
}

class CaseStatsResponse {
  @ApiProperty() open: number;
  @ApiProperty() contacted: number;
  @ApiProperty() resolved: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Resolved by the due time / resolved, 0–1' })
  closedOnTimeRate: number | null;
}

export class SatisfactionSummaryResponse implements SatisfactionSummary {
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty({ example: '2026-09-01' }) from: string;
  @ApiProperty({ example: '2026-11-29' }) to: string;
  @ApiProperty({ type: ScoreAggregateResponse }) overall: ScoreAggregateResponse;
  @ApiProperty({ type: SurveyFunnelResponse }) funnel: SurveyFunnelResponse;
  @ApiProperty({ type: [WeekAggregateResponse] }) byWeek: WeekAggregateResponse[];
  @ApiProperty({ type: [StoreAggregateResponse] }) byStore: StoreAggregateResponse[];
  @ApiProperty({ type: [ConsultantAggregateResponse] }) byConsultant: ConsultantAggregateResponse[];
  @ApiProperty({ type: [FactorAggregateResponse], description: 'Weakest first' })
  byFactor: FactorAggregateResponse[];
  @ApiProperty({ type: CaseStatsResponse }) cases: CaseStatsResponse;
}

export class SurveyResponseListItemResponse implements SurveyResponseListItem {
  @ApiProperty() id: number;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() storeId: number;
  @ApiProperty() storeName: string;
  @ApiProperty({ nullable: true, type: String }) consultantName: string | null;
  @ApiProperty() customerName: string;
  @ApiProperty() subject: string;
  @ApiProperty() completedAt: string;
  @ApiProperty({ nullable: true, type: Number }) index: number | null;
  @ApiProperty({ nullable: true, type: Number }) nps: number | null;
  @ApiProperty({ nullable: true, type: Number }) overall: number | null;
  @ApiProperty() lowScore: boolean;
}

export class SurveyResponsePageResponse implements Page<SurveyResponseListItem> {
  @ApiProperty({ type: [SurveyResponseListItemResponse] }) items: SurveyResponseListItemResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

class FactorScoreResponse implements FactorScore {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() weight: number;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
}

class SurveyScoreResponse implements SurveyScore {
  @ApiProperty({ type: [FactorScoreResponse] }) factors: FactorScoreResponse[];
  @ApiProperty({ nullable: true, type: Number }) index: number | null;
  @ApiProperty({ nullable: true, type: Number }) nps: number | null;
  @ApiProperty({ nullable: true, enum: ['promoter', 'passive', 'detractor'] }) npsGroup: NpsGroup | null;
  @ApiProperty({ nullable: true, type: Number }) overall: number | null;
  @ApiProperty() lowScore: boolean;
  @ApiProperty({ type: [String] }) lowScoreReasons: string[];
}

class ReadableAnswerResponse {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty({ nullable: true, type: String, example: '4 星' }) answer: string | null;
}

export class SurveyResponseDetailResponse
  extends SurveyResponseListItemResponse
  implements SurveyResponseDetail
{
  @ApiProperty() templateVersion: number;
  @ApiProperty({ type: SurveyScoreResponse }) score: SurveyScoreResponse;
  @ApiProperty({ type: [ReadableAnswerResponse] }) answers: ReadableAnswerResponse[];
}

export class SurveyInvitationListItemResponse implements SurveyInvitationListItem {
  @ApiProperty() id: number;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() storeId: number;
  @ApiProperty() storeName: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ example: '138****8000' }) mobileMasked: string;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String }) consultantName: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({
    enum: INVITATION_HOLD_REASONS,
    nullable: true,
    description: 'Why it is held or was dropped',
  })
  holdReason: InvitationHoldReason | null;
  @ApiProperty({ description: 'When it was due to be sent' }) sendAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Scheduled or held: when sending is tried next; otherwise null',
  })
  nextCheckAt: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String }) remindedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) openedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty() createdAt: string;
}

export class SurveyInvitationPageResponse implements Page<SurveyInvitationListItem> {
  @ApiProperty({ type: [SurveyInvitationListItemResponse] }) items: SurveyInvitationListItemResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
