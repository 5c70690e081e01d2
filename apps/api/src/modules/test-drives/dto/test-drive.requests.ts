import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsDefined,
  IsDivisibleBy,
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
} from 'class-validator';
import {
  BOOKING_POLICY_LIMITS,
  BOOKING_STATUSES,
  bookingPolicyRangeMessage,
  bookingPolicyStepMessage,
  type BookingPolicyField,
  type BookingStatus,
  type CancelBookingRequest,
  type CheckInBookingRequest,
  type ConfirmBookingRequest,
  type CreateBookingRequest,
  type DeclineProposalRequest,
  type ProposeBookingRequest,
  type RejectBookingRequest,
  type RescheduleBookingRequest,
  type SaveBookingPolicyRequest,
  type StoreBookingsQuery,
  type StoreCancelBookingRequest,
} from '@dealer-care/domain';
import { ISO_DATE_PATTERN, Trim } from '../../../common/validation/dto-helpers.js';

const DATE = ISO_DATE_PATTERN;

export class CreateBookingBody implements CreateBookingRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) storeId: number;
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) modelId: number;
  @ApiProperty({
    example: '2026-11-25T02:00:00.000Z',
    description: 'Slot start as given by the availability endpoint',
  })
  @IsISO8601({ strict: true }, { message: '时间格式不正确' })
  startsAt: string;
  @ApiProperty({ example: '张三' }) @IsString() @Length(1, 50) customerName: string;
  @ApiPropertyOptional({ example: '13800138000', description: "Omit to use the customer's bound phone" })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  mobile?: string;
  @ApiProperty({
    example: '11010519491231002X',
    description: 'Resident ID / driving-licence number; never returned',
  })
  @IsString()
  @Length(1, 32)
  licenceNumber: string;
  @ApiProperty({ example: '2026-11-v1' }) @IsString() @Length(1, 32) consentVersion: string;
  @ApiProperty({ description: 'Separate consent to process the licence number (PIPL); must be true' })
  @IsBoolean()
  licenceConsent: boolean;
  @ApiPropertyOptional({ example: '想试一下高速表现' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class RescheduleBookingBody implements RescheduleBookingRequest {
  @ApiProperty() @IsISO8601({ strict: true }, { message: '时间格式不正确' }) startsAt: string;
}

export class CancelBookingBody implements CancelBookingRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

export class DeclineProposalBody implements DeclineProposalRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

export class ConfirmBookingBody implements ConfirmBookingRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) carId: number;
}

export class RejectBookingBody implements RejectBookingRequest {
  @ApiProperty({ example: '该时段试驾车保养' })
  @Trim()
  @IsString()
  @Length(2, 200, { message: '请填写原因（2–200字）' })
  reason: string;
}

export class StoreCancelBookingBody implements StoreCancelBookingRequest {
  @ApiProperty() @Trim() @IsString() @Length(2, 200, { message: '请填写原因（2–200字）' }) reason: string;
}

export class ProposeBookingBody implements ProposeBookingRequest {
  @ApiProperty() @IsISO8601({ strict: true }, { message: '时间格式不正确' }) startsAt: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class CheckInBookingBody implements CheckInBookingRequest {
  @ApiProperty({ example: '002X' })
  @IsString()
  @Matches(/^[0-9]{3}[0-9Xx]$/, { message: '请输入驾驶证号后四位' })
  licenceLastFour: string;
  @ApiProperty()
  @IsBoolean()
  @Equals(true, { message: '客户须签署《试乘试驾同意书》' })
  consentSigned: boolean;
}

export { EmptyBody } from '../../../common/validation/validation.pipe.js';

export class AvailabilityQuery {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'Store-local first day (default today)' })
  @IsOptional()
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(31)
  days?: number;
}

export class StoreBookingsQueryDto implements StoreBookingsQuery {
  @ApiProperty({ example: '2026-11-24' }) @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) date: string;
  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;
}

export class ChangesQuery {
  @ApiProperty({ description: 'serverTime of the previous answer' })
  @IsISO8601({ strict: true }, { message: '时间格式不正确' })
  since: string;
}

/**
 * A whole number within the field's BOOKING_POLICY_LIMITS (the portal checks the same limits), with
 * the range in the Chinese message. The cut-off-against-horizon rule is the service's
 * (validateBookingPolicy), as it spans two fields.
 */
const PolicyInt = (field: BookingPolicyField, example: number) => {
  const { min, max, step, label, unit } = BOOKING_POLICY_LIMITS[field];
  const range = { message: bookingPolicyRangeMessage(field) };
  return applyDecorators(
    ApiProperty({
      example,
      minimum: min,
      maximum: max,
      ...(step > 1 ? { multipleOf: step } : {}),
      description: `${label}（${unit}）`,
    }),
    IsDefined({ message: `请填写${label}` }),
    IsInt(range),
    Min(min, range),
    Max(max, range),
    ...(step > 1 ? [IsDivisibleBy(step, { message: bookingPolicyStepMessage(field) })] : []),
  );
};

export class SaveBookingPolicyBody implements SaveBookingPolicyRequest {
  @PolicyInt('slotMinutes', 60) slotMinutes: number;
  @PolicyInt('bufferMinutes', 15) bufferMinutes: number;
  @PolicyInt('minNoticeMinutes', 120) minNoticeMinutes: number;
  @PolicyInt('horizonDays', 14) horizonDays: number;
  @PolicyInt('customerCutoffMinutes', 120) customerCutoffMinutes: number;
  @PolicyInt('maxReschedules', 2) maxReschedules: number;
  @PolicyInt('maxActivePerCustomer', 2) maxActivePerCustomer: number;
  @PolicyInt('minDriverAge', 18) minDriverAge: number;
}
