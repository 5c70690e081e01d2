/** ISO 3779 / GB 16735 vehicle identification number: 17 characters, check digit in position 9. */

export type VinInvalidReason = 'empty' | 'length' | 'characters' | 'check_digit';

export type VinResult = { valid: true; normalized: string } | { valid: false; reason: VinInvalidReason };

export const VIN_REASON_ZH: Record<VinInvalidReason, string> = {
  empty: '请输入车架号（VIN）',
  length: '车架号（VIN）应为17位',
  characters: '车架号（VIN）只能包含数字和字母，且不含 I、O、Q',
  check_digit: '车架号（VIN）校验位不正确，请核对',
};

// I, O and Q are excluded so they cannot be mistaken for 1 and 0.
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

// prettier-ignore
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Expected position-9 character ('0'–'9' or 'X'). Throws on anything but 17 valid VIN characters. */
export function vinCheckDigit(vin: string): string {
  const value = vin.toUpperCase();
  if (!VIN_PATTERN.test(value)) throw new RangeError('vinCheckDigit expects 17 valid VIN characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = value[i]!;
    sum += (c >= '0' && c <= '9' ? Number(c) : TRANSLITERATION[c]!) * WEIGHTS[i]!;
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function validateVin(input: string): VinResult {
  const normalized = input.trim().toUpperCase();
  if (normalized === '') return { valid: false, reason: 'empty' };
  if (normalized.length !== 17) return { valid: false, reason: 'length' };
  if (!VIN_PATTERN.test(normalized)) return { valid: false, reason: 'characters' };
  if (vinCheckDigit(normalized) !== normalized[8]) return { valid: false, reason: 'check_digit' };
  return { valid: true, normalized };
}

export function isVin(input: string): boolean {
  return validateVin(input).valid;
}
