/** Test fixtures: a Shanghai store closed on Mondays, with a lunch break at weekends. */
import type { OpeningPeriod } from '../store/store.types.js';
import { zonedToUtc } from '../time/zoned-time.js';
import type { FollowUpStoreHours } from './follow-up.types.js';

const weekday = (day: OpeningPeriod['weekday']): OpeningPeriod => ({
  weekday: day,
  opens: '09:00',
  closes: '18:00',
});
const weekend = (day: OpeningPeriod['weekday']): OpeningPeriod[] => [
  { weekday: day, opens: '09:00', closes: '12:00' },
  { weekday: day, opens: '13:30', closes: '17:30' },
];

/** Nov 2026: Mon 23 and Mon 30 are closed; Tue–Fri 09:00–18:00; Sat/Sun 09:00–12:00 and 13:30–17:30. */
export const STORE: FollowUpStoreHours = {
  timeZone: 'Asia/Shanghai',
  openingHours: [weekday(2), weekday(3), weekday(4), weekday(5), ...weekend(6), ...weekend(7)],
  closedDates: [],
};

/** A Shanghai wall-clock time as an instant, whatever the machine's TZ. */
export const sh = (date: string, time: string): Date => zonedToUtc(date, time, 'Asia/Shanghai');
