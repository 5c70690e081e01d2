import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  RESIDENT_ID_REASON_ZH,
  ageOn,
  isResidentId,
  maskResidentId,
  parseResidentId,
  residentIdCheckCharacter,
} from './resident-id.js';

const TODAY = new Date(2025, 5, 15); // 15 Jun 2025, local time

describe('residentIdCheckCharacter', () => {
  it('matches the GB 11643-1999 example 11010519491231002X', () => {
    // Σ digit×weight = 153, 153 mod 11 = 10 → 'X' in 10X98765432 (index 2).
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it.each([
    ['44052418800101001', '4'],
    ['11010519900307123', '9'],
    ['44030419850615234', '4'],
    ['31011520000229045', '1'],
  ])('%s → %s', (first17, expected) => {
    expect(residentIdCheckCharacter(first17)).toBe(expected);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckCharacter('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseResidentId', () => {
  it('decodes the GB 11643 standard example', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
    });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    const result = parseResidentId('  11010519491231002x ', TODAY);
    expect(result).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });

  it.each([
    ['110105199003071239', '1990-03-07', 'male', '110105'], // Beijing Chaoyang
    ['440304198506152344', '1985-06-15', 'female', '440304'], // Shenzhen Futian
    ['310115200002290451', '2000-02-29', 'male', '310115'], // Shanghai Pudong, leap day
    ['650121199108068883', '1991-08-06', 'female', '650121'], // Ürümqi county
  ] as const)('accepts %s', (id, birthDate, gender, regionCode) => {
    expect(parseResidentId(id, TODAY)).toEqual({
      valid: true,
      normalized: id,
      birthDate,
      gender,
      regionCode,
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['110105490307123', 'format'], // old 15-digit number
    ['11010519900307123', 'format'], // 17 characters
    ['1101051990030712390', 'format'],
    ['110105199003071X39', 'format'], // X only in the last position
    ['11010519900307123Y', 'format'],
    ['１１０１０５１９９００３０７１２３９', 'format'], // full-width digits
    ['000105199003071239', 'region'],
    ['990105199003071239', 'region'],
    ['110105199003071238', 'check_digit'],
    ['11010519491231002Y', 'format'],
    ['110105194912310020', 'check_digit'],
  ] as const)('refuses %j with %s', (id, reason) => {
    expect(parseResidentId(id, TODAY)).toEqual({ valid: false, reason });
  });

  it('refuses impossible and out-of-range birth dates, even with a correct check digit', () => {
    const withCheck = (first17: string): string => first17 + residentIdCheckCharacter(first17);
    expect(parseResidentId(withCheck('11010519900230123'), TODAY)).toEqual({
      valid: false,
      reason: 'birth_date',
    }); // 30 Feb
    expect(parseResidentId(withCheck('65010219940229567'), TODAY)).toEqual({
      valid: false,
      reason: 'birth_date',
    }); // 1994 not leap
    expect(parseResidentId(withCheck('11010519901301123'), TODAY)).toEqual({
      valid: false,
      reason: 'birth_date',
    }); // month 13
    expect(parseResidentId(withCheck('11010519900100123'), TODAY)).toEqual({
      valid: false,
      reason: 'birth_date',
    }); // day 0
    expect(parseResidentId('440524188001010014', TODAY)).toEqual({ valid: false, reason: 'birth_date' }); // 1880
  });

  it('refuses a birth date after today but accepts today itself', () => {
    const bornToday = '11010520250615123';
    const bornTomorrow = '11010520250616123';
    expect(parseResidentId(bornToday + residentIdCheckCharacter(bornToday), TODAY).valid).toBe(true);
    expect(parseResidentId(bornTomorrow + residentIdCheckCharacter(bornTomorrow), TODAY)).toEqual({
      valid: false,
      reason: 'birth_date',
    });
  });

  it('detects every single-digit typo', () => {
    const valid = '110105199003071239';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (position, shift) => {
        const original = valid[position]!;
        const replaced = String((Number(original) + shift) % 10);
        const typo = valid.slice(0, position) + replaced + valid.slice(position + 1);
        expect(parseResidentId(typo, TODAY).valid).toBe(false);
      }),
    );
  });

  it('has a Chinese message for every reason', () => {
    expect(RESIDENT_ID_REASON_ZH.check_digit).toBe('证件号码校验位不正确，请核对');
    for (const message of Object.values(RESIDENT_ID_REASON_ZH)) expect(message).toMatch(/证件号码/);
  });
});

describe('isResidentId', () => {
  it('is true only for valid numbers', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491231002x')).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId('')).toBe(false);
  });
});

describe('ageOn', () => {
  it('counts whole years completed', () => {
    expect(ageOn('1990-03-07', '2025-03-06')).toBe(34); // day before the birthday
    expect(ageOn('1990-03-07', '2025-03-07')).toBe(35); // on the birthday
    expect(ageOn('1990-03-07', '2025-12-31')).toBe(35);
    expect(ageOn('2007-06-15', '2025-06-14')).toBe(17); // not yet 18 for a test drive
    expect(ageOn('2007-06-15', '2025-06-15')).toBe(18);
    expect(ageOn('2025-06-15', '2025-06-15')).toBe(0);
  });

  it('ages a 29 Feb birthday on 1 Mar in common years and on 29 Feb in leap years', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('throws on malformed or impossible dates', () => {
    expect(() => ageOn('1990-3-7', '2025-03-07')).toThrow(RangeError);
    expect(() => ageOn('1990-02-30', '2025-03-07')).toThrow(RangeError);
    expect(() => ageOn('1990-03-07', '2025/03/07')).toThrow(RangeError);
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters of an 18-character number', () => {
    expect(maskResidentId('110105194912310018')).toBe('110105********0018');
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });

  it('masks all but the last 4 characters of anything else', () => {
    expect(maskResidentId('110105490307123')).toBe('***********7123');
    expect(maskResidentId('1234')).toBe('****');
    expect(maskResidentId('')).toBe('');
  });
});
