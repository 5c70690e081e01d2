/**
 * The calendar date ("YYYY-MM-DD") of an instant in an IANA time zone. Stores keep their
 * own zone, so "today" is always asked of the store, never of the server.
 */
export function localDateIn(timeZone: string, instant: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
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
