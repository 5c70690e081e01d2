/** A datetime read as a raw column: a Date from MariaDB/MySQL, UTC text ("YYYY-MM-DD HH:mm:ss.SSS") from SQLite. */
export function rawInstant(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/Z$|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
