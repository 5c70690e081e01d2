import { ApiProperty } from '@nestjs/swagger';
import {
  FOLLOW_UP_ASSIGNEE_LABEL_ZH,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_SOURCE_TYPES,
  FOLLOW_UP_TASK_KINDS,
  FOLLOW_UP_TASK_STATUSES,
  INBOX_BUCKETS,
  INTENT_LEVELS,
  type FollowUpAssignee,
  type FollowUpCustomerRef,
  type FollowUpInbox,
  type FollowUpOutcome,
  type FollowUpRateRow,
  type FollowUpSourceType,
  type FollowUpStats,
  type FollowUpTaskAttempt,
  type FollowUpTaskKind,
  type FollowUpTaskStatus,
  type FollowUpTaskView,
  type InboxBucket,
  type IntentLevel,
} from '@dealer-care/domain';

/** The domain has no list of assignee roles, only their labels: the same keys. */
const FOLLOW_UP_ASSIGNEES = Object.keys(FOLLOW_UP_ASSIGNEE_LABEL_ZH) as FollowUpAssignee[];

type StaffRef = NonNullable<FollowUpTaskView['assignee']>;
type TaskSource = FollowUpTaskView['source'];
type InboxCounts = FollowUpInbox['counts'];
type AssigneeRateRow = FollowUpStats['byAssignee'][number];
type KindRateRow = FollowUpStats['byKind'][number];

export class FollowUpStaffRefResponse implements StaffRef {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class FollowUpCustomerRefResponse implements FollowUpCustomerRef {
  @ApiProperty({ nullable: true, type: Number }) prospectId: number | null;
  @ApiProperty({ nullable: true, type: Number }) customerId: number | null;
  @ApiProperty() name: string;
  @ApiProperty({
    example: '138****8000',
    description: 'Masked; the full number is revealed on demand (POST /staff/prospects/{id}/phone)',
  })
  mobileMasked: string;
  @ApiProperty({ enum: INTENT_LEVELS, nullable: true }) intentLevel: IntentLevel | null;
}

export class FollowUpTaskAttemptResponse implements FollowUpTaskAttempt {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() byName: string;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES }) outcome: FollowUpOutcome;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class FollowUpTaskSourceResponse implements TaskSource {
  @ApiProperty({ enum: FOLLOW_UP_SOURCE_TYPES }) type: FollowUpSourceType;
  @ApiProperty() id: number;
  @ApiProperty({ example: '试驾 云岚 星河 2026-11-20 14:00' }) summary: string;
}

export class FollowUpTaskViewResponse implements FollowUpTaskView {
  @ApiProperty() id: number;
  @ApiProperty() storeId: number;
  @ApiProperty() storeName: string;
  @ApiProperty({ enum: FOLLOW_UP_TASK_KINDS }) kind: FollowUpTaskKind;
  @ApiProperty({ enum: FOLLOW_UP_ASSIGNEES }) assigneeRole: FollowUpAssignee;
  @ApiProperty({ nullable: true, type: FollowUpStaffRefResponse }) assignee: FollowUpStaffRefResponse | null;
  @ApiProperty({ enum: FOLLOW_UP_TASK_STATUSES }) status: FollowUpTaskStatus;
  @ApiProperty({
    enum: INBOX_BUCKETS,
    description: "Where the task sits in the inbox, in the store's time zone",
  })
  bucket: InboxBucket;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) windowStart: string | null;
  @ApiProperty({ description: 'Pending and past due' }) overdue: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the task was handed to the manager: overdue, or a complaint',
  })
  escalatedAt: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES, nullable: true }) outcome: FollowUpOutcome | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: FollowUpStaffRefResponse })
  completedBy: FollowUpStaffRefResponse | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Done by its due time (null while pending or when cancelled)',
  })
  onTime: boolean | null;
  @ApiProperty({ type: FollowUpCustomerRefResponse }) customer: FollowUpCustomerRefResponse;
  @ApiProperty({ type: FollowUpTaskSourceResponse }) source: FollowUpTaskSourceResponse;
  @ApiProperty({ type: [FollowUpTaskAttemptResponse] }) history: FollowUpTaskAttemptResponse[];
}

export class FollowUpInboxCountsResponse implements InboxCounts {
  @ApiProperty() overdue: number;
  @ApiProperty() today: number;
  @ApiProperty() upcoming: number;
  @ApiProperty() escalated: number;
}

export class FollowUpInboxResponse implements FollowUpInbox {
  @ApiProperty({ type: [FollowUpTaskViewResponse] }) items: FollowUpTaskViewResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({
    type: FollowUpInboxCountsResponse,
    description:
      "Counts of the caller's scope (same store and assignee filters), for the tabs and the menu badge",
  })
  counts: FollowUpInboxCountsResponse;
}

export class FollowUpRateRowResponse implements FollowUpRateRow {
  @ApiProperty() total: number;
  @ApiProperty() done: number;
  @ApiProperty() onTime: number;
  @ApiProperty({ description: 'Pending and past due now' }) overdueOpen: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 1,
    description: 'done / (total − cancelled); null when nothing is due',
  })
  completionRate: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 1,
    description: 'onTime / done; null when nothing is done',
  })
  onTimeRate: number | null;
}

export class FollowUpAssigneeRateRowResponse extends FollowUpRateRowResponse implements AssigneeRateRow {
  @ApiProperty({ nullable: true, type: Number }) staffId: number | null;
  @ApiProperty() name: string;
}

export class FollowUpKindRateRowResponse extends FollowUpRateRowResponse implements KindRateRow {
  @ApiProperty({ enum: FOLLOW_UP_TASK_KINDS }) kind: FollowUpTaskKind;
}

export class FollowUpStatsResponse implements FollowUpStats {
  @ApiProperty({ format: 'date', example: '2026-10-27', description: 'Store-local date' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-11-25', description: 'Store-local date' }) to: string;
  @ApiProperty({ type: FollowUpRateRowResponse }) overall: FollowUpRateRowResponse;
  @ApiProperty({ type: [FollowUpAssigneeRateRowResponse] }) byAssignee: FollowUpAssigneeRateRowResponse[];
  @ApiProperty({ type: [FollowUpKindRateRowResponse] }) byKind: FollowUpKindRateRowResponse[];
}
