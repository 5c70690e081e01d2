// Building an Intl.DateTimeFormat costs far more than formatting with one (a fifth of a survey
// submit's CPU went there): one per zone, kept. Zones are few (one per store at most).
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date ("YYYY-MM-DD") of an instant in an IANA time zone. Stores keep their
 * own zone, so "today" is always asked of the store, never of the server.
 */
export function localDateIn(timeZone: string, instant: Date = new Date()): string {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD. An unknown zone throws here and is not kept.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
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
