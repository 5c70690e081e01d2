/**
 * Hostile values shared by the bad-input sweeps (the hand-listed one and the OpenAPI-driven one):
 * empty and blank text, SQL and script injection, NUL and lone surrogates, astral characters with
 * a right-to-left override, a huge string, path traversal and a stray percent-escape.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  "' OR 1=1 --",
  '"; DROP TABLE customers; --',
  '<script>alert(1)</script>',
  '\u0000',
  '\ud800',
  '𠮷野家🚗‮',
  'a'.repeat(10_000),
  '../../etc/passwd',
  '%00',
];

/**
 * The same as URL segments: percent-encoded (lone surrogates cannot be, so their raw UTF-8
 * escape is sent instead), plus broken escapes.
 */
export const URL_STRINGS: readonly string[] = [
  ...HOSTILE_STRINGS.filter((s) => s !== '\ud800' && s.length < 100).map((s) => encodeURIComponent(s)),
  '%ED%A0%80',
  '%',
  '%zz',
];

/** Route ids that look like numbers but are not positive integers of our range. */
export const BAD_IDS: readonly string[] = ['0', '-1', '1.5', '0x10', '1e3', '99999999999999999999'];

/** Values of every JSON type but the expected one (for some field, each is the wrong type). */
export const WRONG_TYPES: readonly unknown[] = [null, 0, -1, 1.5, true, [], ['x'], {}, { $gt: '' }];

/** Whole bodies that are JSON but not an object. */
export const WHOLE_BODIES: readonly unknown[] = [[], [{}], 'text', 42, null, true];
