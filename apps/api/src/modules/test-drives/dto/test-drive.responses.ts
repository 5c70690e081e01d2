import { ApiProperty } from '@nestjs/swagger';
import {
  BOOKING_ACTIONS,
  BOOKING_POLICY_LIMITS,
  type BookingPolicyField,
  BOOKING_STATUSES,
  type BookingAction,
  type BookingProposal,
  type BookingStatus,
  type BookingTimelineEntry,
  type DayAvailability,
  type StoreBookingPolicy,
  type StoreCapacityDay,
  type TestDriveBooking,
  type TestDriveChanges,
  type TestDriveConsent,
  type TimeSlot,
} from '@dealer-care/domain';

export class TimeSlotResponse implements TimeSlot {
  @ApiProperty({ example: '2026-11-25T02:00:00.000Z' }) startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ example: '10:00' }) localStart: string;
  @ApiProperty({ example: '11:00' }) localEnd: string;
  @ApiProperty() capacity: number;
  @ApiProperty() held: number;
  @ApiProperty() remaining: number;
}

export class DayAvailabilityResponse implements DayAvailability {
  @ApiProperty({ example: '2026-11-25' }) date: string;
  @ApiProperty() open: boolean;
  @ApiProperty({ type: [TimeSlotResponse] }) slots: TimeSlot[];
  @ApiProperty() remaining: number;
}

export class TestDriveConsentResponse implements TestDriveConsent {
  @ApiProperty({ example: '2026-11-v1' }) version: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() licenceConsentText: string;
}

class TimelineEntryResponse implements BookingTimelineEntry {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['customer', 'staff', 'system'] }) actor: BookingTimelineEntry['actor'];
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ enum: ['create', ...BOOKING_ACTIONS] }) action: BookingTimelineEntry['action'];
  @ApiProperty({ enum: BOOKING_STATUSES, nullable: true }) from: BookingStatus | null;
  @ApiProperty({ enum: BOOKING_STATUSES }) to: BookingStatus;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) startsAt: string | null;
}

class ProposalResponse implements BookingProposal {
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() proposedAt: string;
}

class CarRefResponse {
  @ApiProperty() id: number;
  @ApiProperty({ example: '粤A·S5001' }) plate: string;
}

class ConsultantRefResponse {
  @ApiProperty() id: number;
  @ApiProperty({ example: '陈晓明' }) displayName: string;
}

export class TestDriveBookingResponse implements TestDriveBooking {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'TD8K3Q2M' }) reference: string;
  @ApiProperty() storeId: number;
  @ApiProperty() storeName: string;
  @ApiProperty() storePhone: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) storeTimeZone: string;
  @ApiProperty() modelId: number;
  @ApiProperty() modelName: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty() customerName: string;
  @ApiProperty({ example: '138****8000' }) mobileMasked: string;
  @ApiProperty({ example: '110105************' }) licenceMasked: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() consentVersion: string;
  @ApiProperty() consentAcceptedAt: string;
  @ApiProperty({ type: CarRefResponse, nullable: true }) car: { id: number; plate: string } | null;
  @ApiProperty({ type: ConsultantRefResponse, nullable: true }) consultant: {
    id: number;
    displayName: string;
  } | null;
  @ApiProperty({ type: ProposalResponse, nullable: true }) proposal: BookingProposal | null;
  @ApiProperty() rescheduleCount: number;
  @ApiProperty({ type: String, nullable: true }) closingReason: string | null;
  @ApiProperty({ enum: BOOKING_ACTIONS, isArray: true }) allowedActions: BookingAction[];
  @ApiProperty({ type: [TimelineEntryResponse] }) timeline: BookingTimelineEntry[];
  @ApiProperty() createdAt: string;
}

class ModelCapacityResponse {
  @ApiProperty() modelId: number;
  @ApiProperty() modelName: string;
  @ApiProperty() capacity: number;
  @ApiProperty() held: number;
  @ApiProperty() remaining: number;
}

export class StoreCapacityDayResponse implements StoreCapacityDay {
  @ApiProperty() date: string;
  @ApiProperty() open: boolean;
  @ApiProperty({ type: [ModelCapacityResponse] }) models: StoreCapacityDay['models'];
}

class ChangeResponse {
  @ApiProperty() bookingId: number;
  @ApiProperty({ enum: ['create', 'cancel', 'reschedule', 'accept_proposal', 'decline_proposal'] })
  action: TestDriveChanges['changes'][number]['action'];
  @ApiProperty() at: string;
  @ApiProperty() customerName: string;
  @ApiProperty() startsAt: string;
}

export class TestDriveChangesResponse implements TestDriveChanges {
  @ApiProperty() serverTime: string;
  @ApiProperty({ type: [ChangeResponse] }) changes: TestDriveChanges['changes'];
}

const PolicyField = (field: BookingPolicyField, example: number) => {
  const { label, unit } = BOOKING_POLICY_LIMITS[field];
  return ApiProperty({ example, description: `${label}（${unit}）` });
};

export class StoreBookingPolicyResponse implements StoreBookingPolicy {
  @PolicyField('slotMinutes', 60) slotMinutes: number;
  @PolicyField('bufferMinutes', 15) bufferMinutes: number;
  @PolicyField('minNoticeMinutes', 120) minNoticeMinutes: number;
  @PolicyField('horizonDays', 14) horizonDays: number;
  @PolicyField('customerCutoffMinutes', 120) customerCutoffMinutes: number;
  @PolicyField('maxReschedules', 2) maxReschedules: number;
  @PolicyField('maxActivePerCustomer', 2) maxActivePerCustomer: number;
  @PolicyField('minDriverAge', 18) minDriverAge: number;
  @ApiProperty({ description: 'True when the store has set no rules and the defaults apply' })
  isDefault: boolean;
}
