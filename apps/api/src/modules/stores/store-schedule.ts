import type { StoreSchedule } from '@dealer-care/domain';
import type { StoreEntity } from './store.entity.js';

/** A store's opening hours and closed dates, as the domain's scheduling rules read them. Load the store with both relations. */
export function toStoreSchedule(store: StoreEntity): StoreSchedule {
  return {
    timeZone: store.timeZone,
    openingHours: (store.openingPeriods ?? []).map(({ weekday, opens, closes }) => ({
      weekday: Number(weekday) as typeof weekday,
      opens,
      closes,
    })),
    closedDates: (store.closedDates ?? []).map((closed) => closed.date),
  };
}
