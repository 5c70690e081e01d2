/** Characters customers can read out on the phone without confusion: no 0/O, 1/I/L. */
export const READABLE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `prefix` + `length` readable characters. Uniqueness is the database's job: retry on a clash. */
export function generateReadableCode(
  prefix: string,
  length: number,
  random: () => number = Math.random,
): string {
  let code = prefix;
  for (let i = 0; i < length; i++) {
    const index = Math.floor(random() * READABLE_CODE_ALPHABET.length);
    // Clamp, so a generator returning exactly 1 (or garbage) still yields a valid character.
    const safe = Number.isFinite(index) ? Math.min(Math.max(index, 0), READABLE_CODE_ALPHABET.length - 1) : 0;
    code += READABLE_CODE_ALPHABET[safe];
  }
  return code;
}
