/** Mainland China mobile numbers (11 digits, 13x–19x). */

export const MOBILE_INVALID_MESSAGE = '请输入正确的11位手机号';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Strips spaces, dashes and the country code (+86, 0086, 86) as customers commonly type them. */
export function normalizeMobile(input: string): string {
  const compact = input.replace(/[\s\-–—－]/g, '');
  if (compact.startsWith('+86')) return compact.slice(3);
  if (compact.startsWith('0086')) return compact.slice(4);
  // A bare "86" is only a country code when 11 digits follow; mobile numbers never start with 8.
  if (/^86\d{11}$/.test(compact)) return compact.slice(2);
  return compact;
}

export function isMainlandMobile(input: string): boolean {
  return MAINLAND_MOBILE.test(normalizeMobile(input));
}

/** `138****5678` for an 11-digit number; otherwise everything but the last 2 characters is masked. */
export function maskMobile(input: string): string {
  const value = normalizeMobile(input);
  if (/^\d{11}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`;
  const chars = Array.from(value);
  // Never echo a value in full, even a very short one.
  const keep = chars.length > 2 ? 2 : 0;
  return '*'.repeat(chars.length - keep) + chars.slice(chars.length - keep).join('');
}
