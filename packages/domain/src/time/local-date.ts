import { zonedDateAt } from './zoned-time.js';

/**
 * The calendar date ("YYYY-MM-DD") of an instant in an IANA time zone. Stores keep their
 * own zone, so "today" is always asked of the store, never of the server.
 */
export function localDateIn(timeZone: string, instant: Date = new Date()): string {
  // One kept formatter per zone: building an Intl.DateTimeFormat per call was a fifth of a survey
  // submit's CPU. An unknown zone throws RangeError.
  return zonedDateAt(instant.getTime(), timeZone);
}

/** Whether a string names a time zone this runtime knows (e.g. Asia/Shanghai). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
