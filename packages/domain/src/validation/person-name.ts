/** A customer's real name as typed in China: Chinese (with the · of minority/foreign names) or Latin. */

export const PERSON_NAME_INVALID_MESSAGE = '请输入真实姓名（2–20个字）';

const MIN_LENGTH = 2;
const MAX_LENGTH = 20;

// Chinese IMEs produce several look-alike middle dots; they are all stored as U+00B7.
const MIDDLE_DOT_VARIANTS = /[•・‧∙⋅]/g;

// Han runs joined by single middle dots, e.g. 阿依古丽·买买提.
const CHINESE_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;

// Latin runs joined by one space, apostrophe, hyphen or dot (optionally followed by a space), e.g. "O'Neil", "J. Smith".
const LATIN_NAME = /^\p{Script=Latin}+(?:(?:[ '’-]|\. ?)\p{Script=Latin}+)*\.?$/u;

/** Trims, collapses inner whitespace, unifies middle dots and composes accents (NFC). */
export function normalizePersonName(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/g, ' ').replace(MIDDLE_DOT_VARIANTS, '·');
}

export function isPersonName(input: string): boolean {
  const name = normalizePersonName(input);
  const length = Array.from(name).length; // code points, so rare Han characters count once
  if (length < MIN_LENGTH || length > MAX_LENGTH) return false;
  return CHINESE_NAME.test(name) || LATIN_NAME.test(name);
}
