/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export const WEEKDAY_LABEL_ZH: Record<IsoWeekday, string> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
};

/** One opening period of a weekday, in the store's own time zone ("HH:mm", 24 h). */
export interface OpeningPeriod {
  weekday: IsoWeekday;
  opens: string;
  closes: string;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A 4S store as customers see it. Weekdays without a period are closed days. */
export interface Store extends GeoPoint {
  id: number;
  code: string;
  name: string;
  city: string;
  address: string;
  phone: string;
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  openingHours: OpeningPeriod[];
  /** Dates the store is closed although the weekday is open (holidays), "YYYY-MM-DD" in the store's zone. */
  closedDates: string[];
}

/** A store in a list, with the distance from the customer when their location is known. */
export interface StoreListItem extends Store {
  distanceKm?: number;
}
