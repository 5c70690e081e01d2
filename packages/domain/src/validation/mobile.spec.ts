import { describe, expect, it } from '@jest/globals';
import { MOBILE_INVALID_MESSAGE, isMainlandMobile, maskMobile, normalizeMobile } from './mobile.js';

describe('normalizeMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  it('leaves landlines and short numbers alone apart from separators', () => {
    expect(normalizeMobile('020-8888 6666')).toBe('02088886666');
    expect(normalizeMobile('86123')).toBe('86123');
  });
});

describe('isMainlandMobile', () => {
  it.each([
    '13812345678', // China Mobile
    '14712345678',
    '15012345678',
    '16612345678',
    '17712345678',
    '18612345678', // China Unicom
    '19912345678', // China Telecom
    '+86 139-0000-0000',
    '0086 189 1234 5678',
  ])('accepts %j', (input) => {
    expect(isMainlandMobile(input)).toBe(true);
  });

  it.each([
    '',
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '12812345678', // no 12x prefix
    '10086123456',
    '23812345678',
    '02088886666', // Guangzhou landline
    '1381234567a',
    '+1 415 555 0100',
    '１３８１２３４５６７８', // full-width digits
  ])('refuses %j', (input) => {
    expect(isMainlandMobile(input)).toBe(false);
  });

  it('has a Chinese message', () => {
    expect(MOBILE_INVALID_MESSAGE).toBe('请输入正确的11位手机号');
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits of an 11-digit number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks all but the last 2 characters of anything else', () => {
    expect(maskMobile('02088886666a')).toBe('**********6a');
    expect(maskMobile('12345')).toBe('***45');
  });

  it('never shows very short values in full', () => {
    expect(maskMobile('12')).toBe('**');
    expect(maskMobile('')).toBe('');
  });
});
