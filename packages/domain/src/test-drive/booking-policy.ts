/** What a store may set in its booking rules: one range per field, checked by the API and the portal. */
import type { FieldError } from '../errors/problem-details.js';
import type { BookingPolicy } from './booking.types.js';

export type BookingPolicyField = keyof BookingPolicy;

/** The fields of a booking policy, in the order the portal shows them. */
export const BOOKING_POLICY_FIELDS = [
  'slotMinutes',
  'bufferMinutes',
  'minNoticeMinutes',
  'horizonDays',
  'customerCutoffMinutes',
  'maxReschedules',
  'maxActivePerCustomer',
  'minDriverAge',
] as const satisfies readonly BookingPolicyField[];

export interface BookingPolicyLimit {
  /** Inclusive bounds of the whole number. */
  min: number;
  max: number;
  /** The value must be a multiple of this (1: any whole number). */
  step: number;
  /** Chinese name of the field, as messages and the portal use it. */
  label: string;
  /** Chinese unit, e.g. 分钟. */
  unit: string;
}

/** Minutes in a day: the horizon is in days, the cut-off in minutes. */
const MINUTES_PER_DAY = 24 * 60;

export const BOOKING_POLICY_LIMITS: Readonly<Record<BookingPolicyField, BookingPolicyLimit>> = {
  slotMinutes: { min: 15, max: 240, step: 5, label: '每场试驾时长', unit: '分钟' },
  bufferMinutes: { min: 0, max: 120, step: 1, label: '两场之间的间隔', unit: '分钟' },
  // 10,080 minutes: one week.
  minNoticeMinutes: { min: 0, max: 10_080, step: 1, label: '最少提前预约', unit: '分钟' },
  horizonDays: { min: 1, max: 90, step: 1, label: '可预约天数', unit: '天' },
  customerCutoffMinutes: { min: 0, max: 10_080, step: 1, label: '在线取消/改期截止时间', unit: '分钟' },
  maxReschedules: { min: 0, max: 10, step: 1, label: '同一预约最多改期次数', unit: '次' },
  maxActivePerCustomer: { min: 1, max: 10, step: 1, label: '每位客户同时有效预约数', unit: '个' },
  minDriverAge: { min: 18, max: 70, step: 1, label: '试驾人最低年龄', unit: '周岁' },
};

/** "每场试驾时长须为 15–240 之间的整数（分钟）" */
export function bookingPolicyRangeMessage(field: BookingPolicyField): string {
  const { min, max, label, unit } = BOOKING_POLICY_LIMITS[field];
  return `${label}须为 ${min}–${max} 之间的整数（${unit}）`;
}

/** "每场试驾时长须为 5 的倍数（分钟）" */
export function bookingPolicyStepMessage(field: BookingPolicyField): string {
  const { step, label, unit } = BOOKING_POLICY_LIMITS[field];
  return `${label}须为 ${step} 的倍数（${unit}）`;
}

export const BOOKING_POLICY_CUTOFF_MESSAGE = '在线取消/改期截止时间须短于可预约天数';

/**
 * Field errors of a booking policy, in Chinese; empty when valid. Every field must be a whole
 * number within its BOOKING_POLICY_LIMITS (and a multiple of its step), and the customer cut-off
 * must be shorter than the booking horizon, or no booking could ever be cancelled online.
 * Accepts half-filled values (a form's `null`s) and reports each missing field once.
 */
export function validateBookingPolicy(
  policy: Readonly<Partial<Record<BookingPolicyField, unknown>>>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of BOOKING_POLICY_FIELDS) {
    const value = policy[field];
    const { min, max, step } = BOOKING_POLICY_LIMITS[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      errors.push({ field, message: bookingPolicyRangeMessage(field) });
    } else if (value % step !== 0) {
      errors.push({ field, message: bookingPolicyStepMessage(field) });
    }
  }
  const { customerCutoffMinutes: cutoff, horizonDays } = policy;
  if (
    !errors.some((error) => error.field === 'customerCutoffMinutes' || error.field === 'horizonDays') &&
    typeof cutoff === 'number' &&
    typeof horizonDays === 'number' &&
    cutoff >= horizonDays * MINUTES_PER_DAY
  ) {
    errors.push({ field: 'customerCutoffMinutes', message: BOOKING_POLICY_CUTOFF_MESSAGE });
  }
  return errors;
}

/** A store's effective booking rules, and whether they are the defaults (the store set none). */
export interface StoreBookingPolicy extends BookingPolicy {
  isDefault: boolean;
}

/** The body of saving a store's booking rules: the whole policy. */
export type SaveBookingPolicyRequest = BookingPolicy;
