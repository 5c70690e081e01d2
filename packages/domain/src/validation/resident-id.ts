/**
 * GB 11643-1999 resident identity number (18 characters). In China the driving-licence
 * number is this number, so the same rules validate both.
 */

export type ResidentIdInvalidReason = 'empty' | 'format' | 'region' | 'birth_date' | 'check_digit';

export type ResidentIdResult =
  | {
      valid: true;
      normalized: string;
      /** YYYY-MM-DD */
      birthDate: string;
      gender: 'male' | 'female';
      /** First 6 digits: administrative division code of the place of first registration. */
      regionCode: string;
    }
  | { valid: false; reason: ResidentIdInvalidReason };

export const RESIDENT_ID_REASON_ZH: Record<ResidentIdInvalidReason, string> = {
  empty: '请输入证件号码',
  format: '证件号码应为18位（前17位为数字，最后一位为数字或X）',
  region: '证件号码的地区码不正确，请核对',
  birth_date: '证件号码中的出生日期不正确，请核对',
  check_digit: '证件号码校验位不正确，请核对',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// Province-level codes (GB/T 2260) plus 71 Taiwan, 81/82 Hong Kong/Macao, 83 Taiwan residence permits,
// 91 foreigners' permanent residence cards.
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83, 91,
]);

const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Check character for the first 17 digits. Throws on anything but 17 ASCII digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckCharacter expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const isoDate = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Whether y-m-d exists in the Gregorian calendar. */
function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Validates and decodes a resident ID. `today` (local calendar date) bounds the birth date. */
export function parseResidentId(input: string, today: Date = new Date()): ResidentIdResult {
  const trimmed = input.trim();
  if (trimmed === '') return { valid: false, reason: 'empty' };
  const normalized = trimmed.replace(/x$/, 'X');
  if (!/^\d{17}[\dX]$/.test(normalized)) return { valid: false, reason: 'format' };

  if (!PROVINCE_CODES.has(Number(normalized.slice(0, 2)))) return { valid: false, reason: 'region' };

  const y = Number(normalized.slice(6, 10));
  const m = Number(normalized.slice(10, 12));
  const d = Number(normalized.slice(12, 14));
  const birthDate = isoDate(y, m, d);
  const todayIso = isoDate(today.getFullYear(), today.getMonth() + 1, today.getDate());
  if (!isCalendarDate(y, m, d) || birthDate < EARLIEST_BIRTH_DATE || birthDate > todayIso) {
    return { valid: false, reason: 'birth_date' };
  }

  if (residentIdCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return { valid: false, reason: 'check_digit' };
  }

  return {
    valid: true,
    normalized,
    birthDate,
    // The 17th character is the sequence code: odd for men, even for women.
    gender: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: normalized.slice(0, 6),
  };
}

export function isResidentId(input: string): boolean {
  return parseResidentId(input).valid;
}

function parseIsoDate(value: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parts = match ? ([Number(match[1]), Number(match[2]), Number(match[3])] as const) : null;
  if (!parts || !isCalendarDate(...parts)) throw new RangeError(`Invalid date: ${value}`);
  return [...parts];
}

/**
 * Whole years completed on `onDate` (both YYYY-MM-DD). A 29 Feb birthday counts as passed on
 * 1 Mar in common years. Throws RangeError on malformed dates.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = parseIsoDate(birthDate);
  const [oy, om, od] = parseIsoDate(onDate);
  const birthdayReached = om > bm || (om === bm && od >= bd);
  return oy - by - (birthdayReached ? 0 : 1);
}

/** `110105********0018` for 18 characters; otherwise all but the last 4 characters masked. */
export function maskResidentId(input: string): string {
  const chars = Array.from(input.trim());
  if (chars.length === 18) return `${chars.slice(0, 6).join('')}********${chars.slice(14).join('')}`;
  // Never echo a short value in full.
  const keep = chars.length > 4 ? 4 : 0;
  return '*'.repeat(chars.length - keep) + chars.slice(chars.length - keep).join('');
}
