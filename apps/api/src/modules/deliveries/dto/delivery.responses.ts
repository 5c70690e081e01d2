import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CALL_OUTCOMES,
  CONFIRMATION_STAGES,
  DELIVERY_ACTIONS,
  DELIVERY_STATUSES,
  type CallOutcome,
  type ChecklistItem,
  type ChecklistKind,
  type ConfirmationDue,
  type ConfirmationStage,
  type DeliveryAction,
  type DeliveryChecklistTemplates,
  type DeliveryConfirmation,
  type DeliveryDateOption,
  type DeliverySignature,
  type DeliveryStatus,
  type DeliveryTimelineEntry,
  type SalesOrder,
} from '@dealer-care/domain';
import { ChecklistItemTemplateBody } from './delivery.requests.js';

export class DeliveryDateOptionResponse implements DeliveryDateOption {
  @ApiProperty({ example: '2026-11-28T02:00:00.000Z' }) startsAt: string;
  @ApiProperty({ example: '2026-11-28' }) localDate: string;
  @ApiProperty({ example: '10:00' }) localTime: string;
}

export class ChecklistItemResponse implements ChecklistItem {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() done: boolean;
  @ApiProperty({ nullable: true, type: String }) doneAt: string | null;
  @ApiProperty({ nullable: true, type: String }) doneByName: string | null;
}

export class DeliveryChecklistsResponse implements Record<ChecklistKind, ChecklistItem[]> {
  @ApiProperty({ type: [ChecklistItemResponse] }) pdi: ChecklistItem[];
  @ApiProperty({ type: [ChecklistItemResponse] }) handover: ChecklistItem[];
  @ApiProperty({ type: [ChecklistItemResponse] }) bring: ChecklistItem[];
}

export class DeliveryChecklistTemplatesResponse implements DeliveryChecklistTemplates {
  @ApiProperty({ type: [ChecklistItemTemplateBody] }) pdi: ChecklistItemTemplateBody[];
  @ApiProperty({ type: [ChecklistItemTemplateBody] }) handover: ChecklistItemTemplateBody[];
  @ApiProperty({ type: [ChecklistItemTemplateBody] }) bring: ChecklistItemTemplateBody[];
}

export class DeliveryConfirmationResponse implements DeliveryConfirmation {
  @ApiProperty({ enum: CONFIRMATION_STAGES }) stage: ConfirmationStage;
  @ApiProperty() scheduledAt: string;
  @ApiProperty({ enum: ['customer', 'staff'] }) by: 'customer' | 'staff';
  @ApiProperty({ enum: CALL_OUTCOMES }) outcome: CallOutcome;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String }) staffName: string | null;
  @ApiProperty() at: string;
}

export class ConfirmationDueResponse implements ConfirmationDue {
  @ApiProperty({ enum: CONFIRMATION_STAGES }) stage: ConfirmationStage;
  @ApiProperty() done: boolean;
  @ApiProperty() lastCallNotReached: boolean;
}

export class DeliveryTimelineEntryResponse implements DeliveryTimelineEntry {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['customer', 'staff'] }) actor: 'customer' | 'staff';
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ enum: [...DELIVERY_ACTIONS, 'create'] }) action: DeliveryAction | 'create';
  @ApiProperty({ enum: DELIVERY_STATUSES, nullable: true }) fromStatus: DeliveryStatus | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) toStatus: DeliveryStatus;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

class NamedRef {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

class ConsultantRef extends NamedRef {
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

class DelayInfo {
  @ApiProperty() reason: string;
  @ApiProperty() at: string;
}

class HandoverInfo {
  @ApiProperty() signedAt: string;
  @ApiProperty() signerName: string;
}

export class SalesOrderResponse implements SalesOrder {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'SO20261123K7Q2' }) orderNo: string;
  @ApiProperty() storeId: number;
  @ApiProperty() storeName: string;
  @ApiProperty() storePhone: string;
  @ApiProperty() storeAddress: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) storeTimeZone: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ example: '138****8000' }) mobileMasked: string;
  @ApiProperty() customerLinked: boolean;
  @ApiProperty({ type: NamedRef }) model: { id: number; name: string };
  @ApiProperty() trim: string;
  @ApiProperty() colour: string;
  @ApiProperty({ nullable: true, type: String }) vin: string | null;
  @ApiPropertyOptional({ type: ConsultantRef, nullable: true })
  consultant: { id: number; name: string; phone: string | null } | null;
  @ApiProperty() promisedFrom: string;
  @ApiProperty() promisedTo: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty({ type: [DeliveryDateOptionResponse] }) dateOptions: DeliveryDateOption[];
  @ApiPropertyOptional({ type: DeliveryDateOptionResponse, nullable: true })
  scheduled: DeliveryDateOption | null;
  @ApiProperty({ nullable: true, type: Number }) partySize: number | null;
  @ApiProperty({ nullable: true, type: String }) customerNote: string | null;
  @ApiPropertyOptional({ type: DelayInfo, nullable: true }) delay: { reason: string; at: string } | null;
  @ApiProperty({ type: DeliveryChecklistsResponse }) checklists: Record<ChecklistKind, ChecklistItem[]>;
  @ApiProperty({ type: [DeliveryConfirmationResponse] }) confirmations: DeliveryConfirmation[];
  @ApiPropertyOptional({ type: ConfirmationDueResponse, nullable: true })
  confirmationDue: ConfirmationDue | null;
  @ApiPropertyOptional({ type: HandoverInfo, nullable: true }) handover: {
    signedAt: string;
    signerName: string;
  } | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [DeliveryTimelineEntryResponse] }) timeline: DeliveryTimelineEntry[];
  @ApiProperty({ enum: DELIVERY_ACTIONS, isArray: true }) allowedActions: DeliveryAction[];
}

export class DeliverySignatureResponse implements DeliverySignature {
  @ApiProperty() signedAt: string;
  @ApiProperty() signerName: string;
  @ApiProperty({ description: 'PNG data URL' }) image: string;
}
