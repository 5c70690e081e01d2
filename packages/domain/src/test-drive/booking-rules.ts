/** Field rules of a test-drive booking request, booking references and licence masking. */
import type { FieldError } from '../errors/problem-details.js';
import { MOBILE_INVALID_MESSAGE, isMainlandMobile } from '../validation/mobile.js';
import { PERSON_NAME_INVALID_MESSAGE, isPersonName } from '../validation/person-name.js';
import { RESIDENT_ID_REASON_ZH, ageOn, parseResidentId } from '../validation/resident-id.js';
import { isIsoDate } from '../time/zoned-time.js';
import { generateReadableCode, READABLE_CODE_ALPHABET } from '../text/readable-code.js';

export const LICENCE_CONSENT_REQUIRED_MESSAGE = '请单独同意个人敏感信息（驾驶证号）的处理';
export const CONSENT_REQUIRED_MESSAGE = '请阅读并同意试乘试驾同意书';
export const CONSENT_OUTDATED_MESSAGE = '同意书已更新，请重新阅读并同意';

export const minDriverAgeMessage = (minDriverAge: number): string => `试驾人须年满${minDriverAge}周岁`;

export interface BookingRequestFields {
  customerName: string;
  mobile: string;
  licenceNumber: string;
  licenceConsent: boolean;
  /** The consent version the customer accepted. */
  consentVersion: string;
  /** The version in force now. */
  currentConsentVersion: string;
  /** Store-local date of the drive, YYYY-MM-DD. */
  driveDate: string;
  minDriverAge: number;
}

/**
 * Field errors of a booking request, in Chinese; empty when valid. The licence number (the
 * holder's resident ID) must pass the GB 11643 checks and its holder be at least minDriverAge on
 * the drive date. Field names are those of CreateBookingRequest. Throws RangeError on a
 * malformed driveDate (the server derives it, so that is a bug, not bad input).
 */
export function validateBookingRequestFields(input: BookingRequestFields): FieldError[] {
  if (!isIsoDate(input.driveDate)) throw new RangeError(`Invalid driveDate: ${input.driveDate}`);
  const [year, month, day] = input.driveDate.split('-').map(Number) as [number, number, number];

  const errors: FieldError[] = [];
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');

  if (!isPersonName(text(input.customerName))) {
    errors.push({ field: 'customerName', message: PERSON_NAME_INVALID_MESSAGE });
  }
  if (!isMainlandMobile(text(input.mobile))) {
    errors.push({ field: 'mobile', message: MOBILE_INVALID_MESSAGE });
  }

  // parseResidentId bounds the birth date by a local calendar day: noon of the drive date,
  // built from its parts, is that date in any server time zone.
  const driveDay = new Date(year, month - 1, day, 12);
  const licence = parseResidentId(text(input.licenceNumber), driveDay);
  if (!licence.valid) {
    errors.push({ field: 'licenceNumber', message: RESIDENT_ID_REASON_ZH[licence.reason] });
  } else if (ageOn(licence.birthDate, input.driveDate) < input.minDriverAge) {
    errors.push({ field: 'licenceNumber', message: minDriverAgeMessage(input.minDriverAge) });
  }

  if (input.licenceConsent !== true) {
    errors.push({ field: 'licenceConsent', message: LICENCE_CONSENT_REQUIRED_MESSAGE });
  }
  const version = text(input.consentVersion).trim();
  if (version === '') {
    errors.push({ field: 'consentVersion', message: CONSENT_REQUIRED_MESSAGE });
  } else if (version !== input.currentConsentVersion) {
    errors.push({ field: 'consentVersion', message: CONSENT_OUTDATED_MESSAGE });
  }
  return errors;
}

export const BOOKING_REFERENCE_ALPHABET = READABLE_CODE_ALPHABET;
export const BOOKING_REFERENCE_PATTERN = /^TD[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

/** 'TD' + 6 readable characters, e.g. TD8K3Q2M. Uniqueness is the database's job: retry on a clash. */
export function generateBookingReference(random: () => number = Math.random): string {
  return generateReadableCode('TD', 6, random);
}

/**
 * `110105************`: the region code only. The birth date stays hidden, and so do the last
 * four characters, which the consultant types at check-in from the physical licence.
 * Anything but 18 characters is masked entirely.
 */
export function maskLicenceForDisplay(licence: string): string {
  const chars = Array.from(licence.trim());
  if (chars.length === 18) return `${chars.slice(0, 6).join('')}${'*'.repeat(12)}`;
  return '*'.repeat(chars.length);
}

/** Whether the typed last four characters match the licence (spaces ignored, x = X). */
export function licenceLastFourMatches(licence: string, typed: string): boolean {
  const full = licence.replace(/\s/g, '').toUpperCase();
  const four = typed.replace(/\s/g, '').toUpperCase();
  return full.length === 18 && /^[0-9X]{4}$/.test(four) && full.slice(-4) === four;
}
