import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MOBILE_INVALID_MESSAGE } from '../validation/mobile.js';
import { PERSON_NAME_INVALID_MESSAGE } from '../validation/person-name.js';
import { RESIDENT_ID_REASON_ZH, residentIdCheckCharacter } from '../validation/resident-id.js';
import {
  BOOKING_REFERENCE_ALPHABET,
  BOOKING_REFERENCE_PATTERN,
  generateBookingReference,
  licenceLastFourMatches,
  maskLicenceForDisplay,
  validateBookingRequestFields,
} from './booking-rules.js';
import type { BookingRequestFields } from './booking-rules.js';

/** A resident ID with a correct check character. */
const withCheck = (first17: string): string => first17 + residentIdCheckCharacter(first17);

// Beijing Chaoyang (110105), born 7 March 1990.
const LICENCE = withCheck('11010519900307123');
// Shenzhen Futian (440304), born 25 November 2008: 18 on 25 November 2026.
const JUST_EIGHTEEN = withCheck('44030420081125234');
// Shenzhen Futian, born 26 November 2008: still 17 on 25 November 2026.
const SEVENTEEN = withCheck('44030420081126234');
// Shanghai Pudong (310115), born 29 February 2008.
const LEAP_BABY = withCheck('31011520080229045');

const VALID: BookingRequestFields = {
  customerName: '张伟',
  mobile: '13812345678',
  licenceNumber: LICENCE,
  licenceConsent: true,
  consentVersion: '2026-11',
  currentConsentVersion: '2026-11',
  driveDate: '2026-11-25',
  minDriverAge: 18,
};

const errorsOf = (overrides: Partial<BookingRequestFields>) =>
  validateBookingRequestFields({ ...VALID, ...overrides });

describe('validateBookingRequestFields', () => {
  it('accepts a complete request', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ customerName: '阿依古丽·买买提', mobile: '+86 139-1234-5678' })).toEqual([]);
    expect(errorsOf({ licenceNumber: withCheck('11010519491231002').toLowerCase() })).toEqual([]); // …002x
  });

  it('reports every invalid field at once, in Chinese', () => {
    expect(
      validateBookingRequestFields({
        ...VALID,
        customerName: 'x',
        mobile: '12345',
        licenceNumber: '110105199003071',
        licenceConsent: false,
        consentVersion: '',
      }),
    ).toEqual([
      { field: 'customerName', message: PERSON_NAME_INVALID_MESSAGE },
      { field: 'mobile', message: MOBILE_INVALID_MESSAGE },
      { field: 'licenceNumber', message: RESIDENT_ID_REASON_ZH.format },
      { field: 'licenceConsent', message: '请单独同意个人敏感信息（驾驶证号）的处理' },
      { field: 'consentVersion', message: '请阅读并同意试乘试驾同意书' },
    ]);
  });

  it.each([
    ['', RESIDENT_ID_REASON_ZH.empty],
    [`${LICENCE.slice(0, 17)}${LICENCE[17] === '0' ? '1' : '0'}`, RESIDENT_ID_REASON_ZH.check_digit],
    [withCheck('99010519900307123'), RESIDENT_ID_REASON_ZH.region],
    [withCheck('11010519900230123'), RESIDENT_ID_REASON_ZH.birth_date], // 30 February
    [withCheck('11010520261201123'), RESIDENT_ID_REASON_ZH.birth_date], // born after the drive
  ])('refuses licence %j', (licenceNumber, message) => {
    expect(errorsOf({ licenceNumber })).toEqual([{ field: 'licenceNumber', message }]);
  });

  it('requires the driver to be of age on the drive date', () => {
    expect(errorsOf({ licenceNumber: JUST_EIGHTEEN })).toEqual([]);
    expect(errorsOf({ licenceNumber: SEVENTEEN })).toEqual([
      { field: 'licenceNumber', message: '试驾人须年满18周岁' },
    ]);
    expect(errorsOf({ licenceNumber: SEVENTEEN, driveDate: '2026-11-26' })).toEqual([]);
    expect(errorsOf({ licenceNumber: LICENCE, minDriverAge: 40 })).toEqual([
      { field: 'licenceNumber', message: '试驾人须年满40周岁' },
    ]);
  });

  it('counts a 29 February birthday as reached on 1 March', () => {
    expect(errorsOf({ licenceNumber: LEAP_BABY, driveDate: '2026-02-28' })).toHaveLength(1);
    expect(errorsOf({ licenceNumber: LEAP_BABY, driveDate: '2026-03-01' })).toEqual([]);
  });

  it('requires the separate licence consent and the current consent version', () => {
    expect(errorsOf({ licenceConsent: false })).toEqual([
      { field: 'licenceConsent', message: '请单独同意个人敏感信息（驾驶证号）的处理' },
    ]);
    // Untyped JSON: only the boolean true counts.
    expect(errorsOf({ licenceConsent: 'true' as unknown as boolean })).toHaveLength(1);
    expect(errorsOf({ consentVersion: '2026-06' })).toEqual([
      { field: 'consentVersion', message: '同意书已更新，请重新阅读并同意' },
    ]);
  });

  it('survives missing fields from untyped input', () => {
    const broken = { ...VALID, customerName: undefined, mobile: null } as unknown as BookingRequestFields;
    expect(validateBookingRequestFields(broken).map((e) => e.field)).toEqual(['customerName', 'mobile']);
  });

  it('refuses a malformed drive date (a server bug)', () => {
    expect(() => errorsOf({ driveDate: '2026-02-30' })).toThrow(RangeError);
    expect(() => errorsOf({ driveDate: '25/11/2026' })).toThrow(RangeError);
  });
});

describe('generateBookingReference', () => {
  it('uses TD and six unambiguous characters', () => {
    expect(generateBookingReference(() => 0)).toBe('TD222222');
    expect(generateBookingReference(() => 0.999999)).toBe('TDZZZZZZ');
    expect(generateBookingReference(() => 1)).toBe('TDZZZZZZ'); // an out-of-contract generator still works
    const sequence = [6, 17, 1, 21, 0, 18].map((i) => (i + 0.5) / BOOKING_REFERENCE_ALPHABET.length);
    expect(generateBookingReference(() => sequence.shift()!)).toBe('TD8K3Q2M');
    expect(generateBookingReference()).toMatch(BOOKING_REFERENCE_PATTERN);
  });

  it('never contains 0, O, 1, I or L (property)', () => {
    expect(BOOKING_REFERENCE_ALPHABET).toHaveLength(31);
    expect(BOOKING_REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: 6,
          maxLength: 6,
        }),
        (values) => {
          const reference = generateBookingReference(() => values.shift()!);
          expect(reference).toMatch(BOOKING_REFERENCE_PATTERN);
        },
      ),
    );
  });
});

describe('maskLicenceForDisplay', () => {
  it('keeps the region code only', () => {
    expect(maskLicenceForDisplay(LICENCE)).toBe('110105************');
    expect(maskLicenceForDisplay(` ${JUST_EIGHTEEN} `)).toBe('440304************');
    expect(maskLicenceForDisplay(LICENCE)).toHaveLength(18);
  });

  it('masks anything else entirely', () => {
    expect(maskLicenceForDisplay('1101051990')).toBe('**********');
    expect(maskLicenceForDisplay('')).toBe('');
  });
});

describe('licenceLastFourMatches', () => {
  const withX = withCheck('11010519491231002'); // ends in X

  it('matches the last four characters, X in either case', () => {
    expect(licenceLastFourMatches(LICENCE, LICENCE.slice(-4))).toBe(true);
    expect(licenceLastFourMatches(withX, '002X')).toBe(true);
    expect(licenceLastFourMatches(withX, '002x')).toBe(true);
    expect(licenceLastFourMatches(withX.toLowerCase(), '002X')).toBe(true);
    expect(licenceLastFourMatches(withX, ' 002X ')).toBe(true);
  });

  it('refuses wrong, short or long input', () => {
    expect(licenceLastFourMatches(withX, '0020')).toBe(false);
    expect(licenceLastFourMatches(withX, '02X')).toBe(false);
    expect(licenceLastFourMatches(withX, '1002X')).toBe(false);
    expect(licenceLastFourMatches(withX, '')).toBe(false);
    expect(licenceLastFourMatches('002X', '002X')).toBe(false);
  });
});
