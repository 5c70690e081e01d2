import {
  normalizeMobile,
  normalizePersonName,
  type CreateSalesOrderRequest,
  type StaffRole,
  type StaffUser,
} from '@dealer-care/domain';
import type { Dayjs } from 'dayjs';
import type { FormPath } from './offer-form';

export interface OrderFormValues {
  customerName: string;
  customerMobile: string;
  modelId: number;
  trim: string;
  colour: string;
  vin?: string;
  promised: [Dayjs, Dayjs];
  consultantId?: number;
}

/** As the API accepts them. */
export const MAX_TRIM_LENGTH = 50;
export const MAX_COLOUR_LENGTH = 30;

/** The form's values as the API wants them: names and numbers normalised, the VIN upper-case. */
export function toCreateOrderRequest(values: OrderFormValues): CreateSalesOrderRequest {
  const vin = values.vin?.trim().toUpperCase();
  return {
    customerName: normalizePersonName(values.customerName),
    customerMobile: normalizeMobile(values.customerMobile),
    modelId: values.modelId,
    trim: values.trim.trim(),
    colour: values.colour.trim(),
    ...(vin ? { vin } : {}),
    promisedFrom: values.promised[0].format('YYYY-MM-DD'),
    promisedTo: values.promised[1].format('YYYY-MM-DD'),
    ...(values.consultantId !== undefined ? { consultantId: values.consultantId } : {}),
  };
}

const ORDER_FIELDS: Record<string, string> = {
  customerName: 'customerName',
  customerMobile: 'customerMobile',
  modelId: 'modelId',
  trim: 'trim',
  colour: 'colour',
  vin: 'vin',
  promisedFrom: 'promised',
  promisedTo: 'promised',
  consultantId: 'consultantId',
};

/** The form field a server field error belongs on; the promised window is one range picker. */
export function orderFieldPath(field: string): FormPath | null {
  return ORDER_FIELDS[field] ?? null;
}

/** Managers and admins assign an order to one of the store's consultants; consultants sell for themselves. */
export function picksConsultant(role: StaffRole): boolean {
  return role !== 'consultant';
}

/** The active consultants of a store, by name. */
export function consultantOptions(
  users: readonly StaffUser[],
  storeId: number,
): Array<{ value: number; label: string }> {
  return users
    .filter((user) => user.active && user.role === 'consultant' && user.storeId === storeId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'))
    .map((user) => ({ value: user.id, label: user.displayName }));
}

/**
 * One Idempotency-Key per submission: sending the same order again (a retry after a timeout)
 * reuses the key, so the server answers with the order it already created; a changed form
 * is a new submission with a new key.
 */
export class SubmissionKeys {
  private last: { body: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = randomKey) {}

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.last?.body !== text) this.last = { body: text, key: this.newKey() };
    return this.last.key;
  }

  /** The submission succeeded: the next one, even with the same values, is a new order. */
  settle(): void {
    this.last = null;
  }
}

/** A random UUID; crypto.randomUUID needs a secure context, so plain-http intranets fall back. */
export function randomKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // insecure context: fall through
    }
  }
  const bytes = new Uint8Array(16);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
