import { Transform } from 'class-transformer';

/** "YYYY-MM-DD"; whether the date is real is checked by the domain rules. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Free text is checked after trimming: a reason of only spaces is no reason. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
