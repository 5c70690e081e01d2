import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { VIN_REASON_ZH, isVin, validateVin, vinCheckDigit } from './vin.js';

/** Independent reference: ISO 3779 values by position in this string (skipping I, O, Q). */
function referenceCheckDigit(vin: string): string {
  const letters = 'ABCDEFGH-JKLMN-P-R-STUVWXYZ';
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = [...vin].reduce((acc, c, i) => {
    const value = /\d/.test(c) ? Number(c) : (letters.indexOf(c) % 9) + 1;
    return acc + value * weights[i]!;
  }, 0);
  return sum % 11 === 10 ? 'X' : String(sum % 11);
}

const withCheckDigit = (vin: string): string => vin.slice(0, 8) + vinCheckDigit(vin) + vin.slice(9);

describe('vinCheckDigit', () => {
  it('computes X for the textbook example 1M8GDM9AXKP042788', () => {
    // 8+28+48+35+16+12+18+10+0+18+56+0+24+10+28+24+16 = 351, 351 mod 11 = 10 → X
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it.each([
    '11111111111111111',
    '1HGCM82633A004352', // Honda Accord, widely published
    'LSVAU2180N2183294', // SAIC-Volkswagen WMI
    'LFV2A21K5A3012345', // FAW-Volkswagen WMI
    'LGBH52E09KY123456', // Dongfeng Nissan WMI
    'LHGCR2650E8012345', // GAC Honda WMI
    'WBA3A5C51CF256985',
  ])('agrees with the reference computation for %s', (vin) => {
    expect(vinCheckDigit(vin)).toBe(referenceCheckDigit(vin));
  });

  it('works on lower case and refuses invalid characters or length', () => {
    expect(vinCheckDigit('1m8gdm9axkp042788')).toBe('X');
    expect(() => vinCheckDigit('1M8GDM9AXKP04278')).toThrow(RangeError);
    expect(() => vinCheckDigit('1M8GDM9AXKP04278O')).toThrow(RangeError);
  });

  it('agrees with the reference for any valid character string', () => {
    const vinChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPRSTUVWXYZ');
    fc.assert(
      fc.property(fc.array(vinChar, { minLength: 17, maxLength: 17 }), (chars) => {
        const vin = chars.join('');
        expect(vinCheckDigit(vin)).toBe(referenceCheckDigit(vin));
        expect(isVin(withCheckDigit(vin))).toBe(true);
      }),
    );
  });
});

describe('validateVin', () => {
  it.each([
    ['1M8GDM9AXKP042788', '1M8GDM9AXKP042788'],
    ['11111111111111111', '11111111111111111'],
    ['1HGCM82633A004352', '1HGCM82633A004352'],
    [' lsvau218xn2183294 ', 'LSVAU218XN2183294'],
  ])('accepts %j', (input, normalized) => {
    expect(validateVin(input)).toEqual({ valid: true, normalized });
  });

  it('accepts Chinese VINs once their computed check digit is in place', () => {
    // LSVAU2180N2183294: Σ = 351 → X, so position 9 must read X.
    expect(withCheckDigit('LSVAU2180N2183294')).toBe('LSVAU218XN2183294');
    expect(validateVin('LSVAU2180N2183294')).toEqual({ valid: false, reason: 'check_digit' });
    for (const vin of ['LFV2A21K5A3012345', 'LGBH52E09KY123456', 'LHGCR2650E8012345']) {
      expect(validateVin(withCheckDigit(vin))).toEqual({ valid: true, normalized: withCheckDigit(vin) });
    }
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['1M8GDM9AXKP04278', 'length'],
    ['1M8GDM9AXKP0427888', 'length'],
    ['1M8GDM9AXKP 42788', 'characters'],
    ['1M8GDM9AXKP04278I', 'characters'],
    ['1M8GDM9AXKPO42788', 'characters'],
    ['1M8GDM9AXKPQ42788', 'characters'],
    ['粤A123456789012345', 'characters'], // Chinese characters
    ['1M8GDM9A1KP042788', 'check_digit'],
    ['1M8GDM9AXKP042789', 'check_digit'], // one character changed
    ['2M8GDM9AXKP042788', 'check_digit'],
    ['1HGCM82633A004353', 'check_digit'],
  ] as const)('refuses %j with %s', (input, reason) => {
    expect(validateVin(input)).toEqual({ valid: false, reason });
  });

  it('has a Chinese message for every reason', () => {
    for (const message of Object.values(VIN_REASON_ZH)) expect(message).toMatch(/车架号/);
  });
});

describe('isVin', () => {
  it('mirrors validateVin', () => {
    expect(isVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isVin('1M8GDM9AXKP042789')).toBe(false);
    expect(isVin('')).toBe(false);
  });
});
