import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from './booking.types.js';
import {
  BOOKING_POLICY_CUTOFF_MESSAGE,
  BOOKING_POLICY_FIELDS,
  BOOKING_POLICY_LIMITS,
  bookingPolicyRangeMessage,
  bookingPolicyStepMessage,
  validateBookingPolicy,
} from './booking-policy.js';

const errorsOf = (overrides: Partial<Record<keyof BookingPolicy, unknown>>) =>
  validateBookingPolicy({ ...DEFAULT_BOOKING_POLICY, ...overrides });

describe('BOOKING_POLICY_LIMITS', () => {
  it('covers every field of a policy, with a Chinese label and unit', () => {
    expect(Object.keys(BOOKING_POLICY_LIMITS).sort()).toEqual(Object.keys(DEFAULT_BOOKING_POLICY).sort());
    expect([...BOOKING_POLICY_FIELDS].sort()).toEqual(Object.keys(DEFAULT_BOOKING_POLICY).sort());
    for (const limit of Object.values(BOOKING_POLICY_LIMITS)) {
      expect(limit.label).toMatch(/[\u4e00-\u9fff]/);
      expect(limit.unit).toMatch(/[\u4e00-\u9fff]/);
      expect(limit.min % limit.step).toBe(0);
      expect(limit.max % limit.step).toBe(0);
    }
  });

  it('admits the default policy', () => {
    expect(validateBookingPolicy(DEFAULT_BOOKING_POLICY)).toEqual([]);
  });
});

describe('validateBookingPolicy', () => {
  it('accepts every bound of every range', () => {
    for (const field of BOOKING_POLICY_FIELDS) {
      const { min, max } = BOOKING_POLICY_LIMITS[field];
      // The smallest horizon leaves room for a cut-off of at most a day.
      const room = field === 'horizonDays' ? { customerCutoffMinutes: 0 } : {};
      expect([field, errorsOf({ [field]: min, ...room })]).toEqual([field, []]);
      expect([field, errorsOf({ [field]: max, ...room })]).toEqual([field, []]);
    }
  });

  it('refuses a value just outside each range, naming the range in Chinese', () => {
    for (const field of BOOKING_POLICY_FIELDS) {
      const { min, max, step } = BOOKING_POLICY_LIMITS[field];
      const message = bookingPolicyRangeMessage(field);
      expect(errorsOf({ [field]: min - step })).toEqual([{ field, message }]);
      expect(errorsOf({ [field]: max + step })).toEqual([{ field, message }]);
    }
    expect(bookingPolicyRangeMessage('slotMinutes')).toBe('每场试驾时长须为 15–240 之间的整数（分钟）');
    expect(bookingPolicyRangeMessage('minDriverAge')).toBe('试驾人最低年龄须为 18–70 之间的整数（周岁）');
  });

  it('refuses fractions, text, null and missing values', () => {
    for (const value of [60.5, '60', null, undefined, Number.NaN, Number.POSITIVE_INFINITY, true]) {
      expect(errorsOf({ slotMinutes: value })).toEqual([
        { field: 'slotMinutes', message: bookingPolicyRangeMessage('slotMinutes') },
      ]);
    }
    expect(validateBookingPolicy({}).map((error) => error.field)).toEqual([...BOOKING_POLICY_FIELDS]);
  });

  it('wants slot lengths in steps of 5 minutes', () => {
    expect(errorsOf({ slotMinutes: 30 })).toEqual([]);
    expect(errorsOf({ slotMinutes: 32 })).toEqual([
      { field: 'slotMinutes', message: bookingPolicyStepMessage('slotMinutes') },
    ]);
    expect(bookingPolicyStepMessage('slotMinutes')).toBe('每场试驾时长须为 5 的倍数（分钟）');
  });

  it('wants the customer cut-off shorter than the booking horizon', () => {
    expect(errorsOf({ horizonDays: 1, customerCutoffMinutes: 1439 })).toEqual([]);
    expect(errorsOf({ horizonDays: 1, customerCutoffMinutes: 1440 })).toEqual([
      { field: 'customerCutoffMinutes', message: BOOKING_POLICY_CUTOFF_MESSAGE },
    ]);
    expect(errorsOf({ horizonDays: 7, customerCutoffMinutes: 10_080 })).toEqual([
      { field: 'customerCutoffMinutes', message: BOOKING_POLICY_CUTOFF_MESSAGE },
    ]);
    // A cut-off or horizon already out of range is reported once, by its range.
    expect(errorsOf({ horizonDays: 0, customerCutoffMinutes: 5000 })).toEqual([
      { field: 'horizonDays', message: bookingPolicyRangeMessage('horizonDays') },
    ]);
  });

  it('reports every invalid field at once, in field order', () => {
    expect(
      validateBookingPolicy({
        ...DEFAULT_BOOKING_POLICY,
        slotMinutes: 7,
        maxActivePerCustomer: 0,
        minDriverAge: 16,
      }).map((error) => error.field),
    ).toEqual(['slotMinutes', 'maxActivePerCustomer', 'minDriverAge']);
  });

  it('accepts exactly the whole numbers in range, on the step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BOOKING_POLICY_FIELDS),
        fc.integer({ min: -1000, max: 20_000 }),
        (field, value) => {
          const { min, max, step } = BOOKING_POLICY_LIMITS[field];
          // Room for any cut-off, so only the field itself decides.
          const policy = { ...DEFAULT_BOOKING_POLICY, customerCutoffMinutes: 0, horizonDays: 90 };
          const valid = value >= min && value <= max && value % step === 0;
          expect(validateBookingPolicy({ ...policy, [field]: value }).length === 0).toBe(valid);
        },
      ),
    );
  });
});
