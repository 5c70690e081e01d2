import { ApiProperty } from '@nestjs/swagger';
import {
  CONTACT_CHANNELS,
  CUSTOMER_STYLES,
  INTENT_LEVELS,
  LOST_REASON_CATEGORIES,
  PROSPECT_STATUSES,
  TIMELINE_ENTRY_TYPES,
  type ContactChannel,
  type ContactLogEntry,
  type CustomerCard,
  type CustomerStyle,
  type IntentChange,
  type IntentLevel,
  type LostReasonCategory,
  type Page,
  type ProspectStatus,
  type ProspectSummary,
  type RevealedPhone,
  type TimelineEntry,
  type TimelineEntryType,
} from '@dealer-care/domain';
import { FollowUpTaskViewResponse } from '../../follow-ups/dto/follow-up.responses.js';

type ConsultantRef = NonNullable<ProspectSummary['consultant']>;
type CardProspect = CustomerCard['prospect'];
type LostReason = NonNullable<CardProspect['lostReason']>;

export class ProspectConsultantRefResponse implements ConsultantRef {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class ProspectSummaryResponse implements ProspectSummary {
  @ApiProperty() id: number;
  @ApiProperty() storeId: number;
  @ApiProperty() storeName: string;
  @ApiProperty({ nullable: true, type: Number }) customerId: number | null;
  @ApiProperty() name: string;
  @ApiProperty({ example: '138****8000' }) mobileMasked: string;
  @ApiProperty({ enum: PROSPECT_STATUSES }) status: ProspectStatus;
  @ApiProperty({ enum: INTENT_LEVELS, nullable: true }) intentLevel: IntentLevel | null;
  @ApiProperty({ enum: CUSTOMER_STYLES, nullable: true }) style: CustomerStyle | null;
  @ApiProperty({ nullable: true, type: ProspectConsultantRefResponse })
  consultant: ProspectConsultantRefResponse | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: "The next pending task's due time, if any",
  })
  nextTaskDueAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastContactAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProspectPageResponse implements Page<ProspectSummary> {
  @ApiProperty({ type: [ProspectSummaryResponse] }) items: ProspectSummaryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class LostReasonResponse implements LostReason {
  @ApiProperty({ enum: LOST_REASON_CATEGORIES }) category: LostReasonCategory;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class CustomerCardProspectResponse extends ProspectSummaryResponse implements CardProspect {
  @ApiProperty({ nullable: true, type: String }) styleNote: string | null;
  @ApiProperty({ nullable: true, type: LostReasonResponse }) lostReason: LostReasonResponse | null;
}

export class ContactLogEntryResponse implements ContactLogEntry {
  @ApiProperty() id: number;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel: ContactChannel;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() byName: string;
  @ApiProperty() note: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The task the contact answered, if any' })
  taskId: number | null;
}

export class IntentChangeResponse implements IntentChange {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: INTENT_LEVELS }) level: IntentLevel;
  @ApiProperty({ enum: INTENT_LEVELS, nullable: true }) previous: IntentLevel | null;
  @ApiProperty() byName: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class CustomerTimelineEntryResponse implements TimelineEntry {
  @ApiProperty({ enum: TIMELINE_ENTRY_TYPES }) type: TimelineEntryType;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: '试驾 云岚 星河（已完成）' }) title: string;
  @ApiProperty({ nullable: true, type: String }) detail: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The row it stands for (booking id, order id, task id, response id…)',
  })
  refId: number | null;
}

export class CustomerCardResponse implements CustomerCard {
  @ApiProperty({ type: CustomerCardProspectResponse }) prospect: CustomerCardProspectResponse;
  @ApiProperty({ type: [ContactLogEntryResponse] }) contacts: ContactLogEntryResponse[];
  @ApiProperty({ type: [IntentChangeResponse] }) intentHistory: IntentChangeResponse[];
  @ApiProperty({ type: [FollowUpTaskViewResponse] }) openTasks: FollowUpTaskViewResponse[];
  @ApiProperty({
    type: [CustomerTimelineEntryResponse],
    description:
      'Newest first: contacts, intent changes, bookings, orders, deliveries, tasks, survey results',
  })
  timeline: CustomerTimelineEntryResponse[];
}

export class RevealedPhoneResponse implements RevealedPhone {
  @ApiProperty() prospectId: number;
  @ApiProperty({ example: '13800138000', description: 'The full number; every reveal is logged' })
  phone: string;
}
