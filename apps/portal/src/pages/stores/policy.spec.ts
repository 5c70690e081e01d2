import {
  BOOKING_POLICY_CUTOFF_MESSAGE,
  BOOKING_POLICY_FIELDS,
  bookingPolicyRangeMessage,
  bookingPolicyStepMessage,
  DEFAULT_BOOKING_POLICY,
} from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  POLICY_FIELD_TEXT,
  policyChanged,
  policyFieldError,
  policyFormValues,
  policyFromForm,
  policyInputLimits,
} from './policy';

const form = policyFormValues(DEFAULT_BOOKING_POLICY);

describe('POLICY_FIELD_TEXT', () => {
  it('labels and explains every rule in Chinese', () => {
    expect(Object.keys(POLICY_FIELD_TEXT)).toEqual([...BOOKING_POLICY_FIELDS]);
    for (const { label, help } of Object.values(POLICY_FIELD_TEXT)) {
      expect(label).toMatch(/[\u4e00-\u9fff]/);
      expect(help).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(POLICY_FIELD_TEXT.slotMinutes.label).toBe('每场试驾时长（分钟）');
  });
});

describe('policyInputLimits', () => {
  it('offers the ranges the API checks', () => {
    expect(policyInputLimits('slotMinutes')).toEqual({ min: 15, max: 240, step: 5 });
    expect(policyInputLimits('minDriverAge')).toEqual({ min: 18, max: 70, step: 1 });
  });
});

describe('policyFieldError', () => {
  it('is null for the defaults', () => {
    for (const field of BOOKING_POLICY_FIELDS) expect(policyFieldError(field, form)).toBeNull();
  });

  it('asks for an empty rule by name', () => {
    expect(policyFieldError('horizonDays', { ...form, horizonDays: null })).toBe('请填写可预约天数');
    expect(policyFieldError('minDriverAge', {})).toBe('请填写试驾人最低年龄');
  });

  it('names the range and the step', () => {
    expect(policyFieldError('slotMinutes', { ...form, slotMinutes: 300 })).toBe(
      bookingPolicyRangeMessage('slotMinutes'),
    );
    expect(policyFieldError('slotMinutes', { ...form, slotMinutes: 33 })).toBe(
      bookingPolicyStepMessage('slotMinutes'),
    );
  });

  it('checks the cut-off against the horizon, and only on the cut-off', () => {
    const values = { ...form, horizonDays: 1, customerCutoffMinutes: 1440 };
    expect(policyFieldError('customerCutoffMinutes', values)).toBe(BOOKING_POLICY_CUTOFF_MESSAGE);
    expect(policyFieldError('horizonDays', values)).toBeNull();
    // Other rules being empty does not hide it.
    expect(policyFieldError('customerCutoffMinutes', { ...values, slotMinutes: null })).toBe(
      BOOKING_POLICY_CUTOFF_MESSAGE,
    );
  });
});

describe('policyFromForm', () => {
  it('gives the policy to send when every rule is valid', () => {
    expect(policyFromForm({ ...form, slotMinutes: 30, bufferMinutes: 0 })).toEqual({
      ...DEFAULT_BOOKING_POLICY,
      slotMinutes: 30,
      bufferMinutes: 0,
    });
  });

  it('gives nothing while a rule is empty or invalid', () => {
    expect(policyFromForm({ ...form, bufferMinutes: null })).toBeNull();
    expect(policyFromForm({ ...form, maxActivePerCustomer: 0 })).toBeNull();
    expect(policyFromForm({ ...form, horizonDays: 1, customerCutoffMinutes: 2000 })).toBeNull();
  });
});

describe('policyChanged', () => {
  it('tells an edited form from the saved rules', () => {
    expect(policyChanged(DEFAULT_BOOKING_POLICY, form)).toBe(false);
    expect(policyChanged(DEFAULT_BOOKING_POLICY, { ...form, maxReschedules: 3 })).toBe(true);
    expect(policyChanged(DEFAULT_BOOKING_POLICY, { ...form, maxReschedules: null })).toBe(true);
  });
});
