import {
  ageOn,
  DEFAULT_BOOKING_POLICY,
  isMainlandMobile,
  isPersonName,
  MOBILE_INVALID_MESSAGE,
  parseResidentId,
  PERSON_NAME_INVALID_MESSAGE,
  RESIDENT_ID_REASON_ZH,
} from '@dealer-care/domain';

export type ContactField = 'customerName' | 'mobile' | 'licenceNumber' | 'note';

export const CONTACT_FIELDS: readonly ContactField[] = ['customerName', 'mobile', 'licenceNumber', 'note'];

export const NOTE_MAX_LENGTH = 200;

export interface ContactValues {
  customerName: string;
  mobile: string;
  licenceNumber: string;
  note: string;
}

export interface ContactOptions {
  /**
   * The booking uses the phone the customer bound through WeChat: the mobile field is neither
   * required nor checked, and the request leaves it out.
   */
  boundPhone?: boolean;
}

/**
 * The instant checks of the contact step, with the domain's own validators and Chinese messages.
 * `driveDate` (store-local YYYY-MM-DD) adds the minimum driver age on the day of the drive.
 */
export function validateContact(
  values: ContactValues,
  driveDate: string | null,
  options: ContactOptions = {},
): Partial<Record<ContactField, string>> {
  const errors: Partial<Record<ContactField, string>> = {};
  if (!isPersonName(values.customerName)) errors.customerName = PERSON_NAME_INVALID_MESSAGE;
  // With the bound phone there is nothing to check: the server uses the verified number it holds.
  if (!options.boundPhone) {
    if (!values.mobile.trim()) errors.mobile = '请输入手机号';
    else if (!isMainlandMobile(values.mobile)) errors.mobile = MOBILE_INVALID_MESSAGE;
  }
  const licence = parseResidentId(values.licenceNumber);
  if (!licence.valid) {
    errors.licenceNumber =
      licence.reason === 'empty' ? '请输入驾驶证号' : RESIDENT_ID_REASON_ZH[licence.reason];
  } else if (driveDate) {
    const minAge = DEFAULT_BOOKING_POLICY.minDriverAge;
    try {
      if (ageOn(licence.birthDate, driveDate) < minAge) errors.licenceNumber = `试驾人须年满${minAge}周岁`;
    } catch {
      // A malformed drive date is the server's to judge.
    }
  }
  if (Array.from(values.note).length > NOTE_MAX_LENGTH) errors.note = `备注最多${NOTE_MAX_LENGTH}字`;
  return errors;
}

/**
 * Whether a value is as long as a valid one can be: its error then shows at once, before the field
 * is left (a half-typed number is not an error yet).
 */
export function looksComplete(field: ContactField, value: string): boolean {
  if (field === 'mobile') return value.replace(/\D/g, '').length >= 11;
  if (field === 'licenceNumber') return value.trim().length >= 18;
  return false;
}
