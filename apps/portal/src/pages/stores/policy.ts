import {
  BOOKING_POLICY_FIELDS,
  BOOKING_POLICY_LIMITS,
  validateBookingPolicy,
  type BookingPolicy,
  type BookingPolicyField,
} from '@dealer-care/domain';

/** The booking-rules form: one whole number per rule, empty while being typed. */
export type PolicyFormValues = Record<BookingPolicyField, number | null>;

/** What the form says about each rule, in the order BOOKING_POLICY_FIELDS gives. */
export const POLICY_FIELD_TEXT: Record<BookingPolicyField, { label: string; help: string }> = {
  slotMinutes: {
    label: '每场试驾时长（分钟）',
    help: '客户可预约的每个时段的长度，须为 5 的倍数。',
  },
  bufferMinutes: {
    label: '两场之间的间隔（分钟）',
    help: '同一台试驾车两场之间留出的整备时间（清洁、充电或加油）。',
  },
  minNoticeMinutes: {
    label: '最少提前预约（分钟）',
    help: '客户只能预约在此时长之后开始的时段。',
  },
  horizonDays: {
    label: '可预约天数',
    help: '含今天在内，客户最多可以预约多少天内的时段。',
  },
  customerCutoffMinutes: {
    label: '客户可在线取消/改期的截止时间（开始前分钟）',
    help: '距开始不足此时长时，客户需致电门店取消或改期。',
  },
  maxReschedules: {
    label: '同一预约最多改期次数',
    help: '客户自行改期和接受门店建议的新时间都计入次数。',
  },
  maxActivePerCustomer: {
    label: '每位客户同时有效预约数',
    help: '待确认、已确认和已到店的预约合计。',
  },
  minDriverAge: {
    label: '试驾人最低年龄',
    help: '按试驾当天的周岁计算，到店时核验驾驶证。',
  },
};

/** The limits an input offers (InputNumber's min, max and step); the same the API checks. */
export function policyInputLimits(field: BookingPolicyField): { min: number; max: number; step: number } {
  const { min, max, step } = BOOKING_POLICY_LIMITS[field];
  return { min, max, step };
}

export function policyFormValues(policy: BookingPolicy): PolicyFormValues {
  return Object.fromEntries(BOOKING_POLICY_FIELDS.map((field) => [field, policy[field]])) as PolicyFormValues;
}

/**
 * The message to show under one rule, or null when it is fine. Takes the whole form, because
 * the cut-off must stay shorter than the booking horizon.
 */
export function policyFieldError(
  field: BookingPolicyField,
  values: Readonly<Partial<PolicyFormValues>>,
): string | null {
  const value = values[field];
  if (value === null || value === undefined) return `请填写${BOOKING_POLICY_LIMITS[field].label}`;
  return validateBookingPolicy(values).find((error) => error.field === field)?.message ?? null;
}

/** The policy to send, or null while any rule is missing or out of range. */
export function policyFromForm(values: Readonly<Partial<PolicyFormValues>>): BookingPolicy | null {
  if (validateBookingPolicy(values).length > 0) return null;
  // Valid: every field is a whole number now.
  const policy = {} as BookingPolicy;
  for (const field of BOOKING_POLICY_FIELDS) policy[field] = Number(values[field]);
  return policy;
}

/** Whether the form differs from the saved rules (the save button waits for a change). */
export function policyChanged(saved: BookingPolicy, values: Readonly<Partial<PolicyFormValues>>): boolean {
  return BOOKING_POLICY_FIELDS.some((field) => values[field] !== saved[field]);
}
