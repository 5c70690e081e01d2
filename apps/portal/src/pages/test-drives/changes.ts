import type { TestDriveChanges } from '@dealer-care/domain';
import { localDateOf, localDateTime } from './time';

export type CustomerChange = TestDriveChanges['changes'][number];

/** A change's identity across polls (one poll's `since` may repeat the last poll's edge). */
export function changeKey(change: CustomerChange): string {
  return `${change.bookingId}:${change.action}:${change.at}`;
}

/** The changes not seen before, in the order they happened; remembers them in `seen`. */
export function unseenChanges(changes: readonly CustomerChange[], seen: Set<string>): CustomerChange[] {
  const fresh: CustomerChange[] = [];
  for (const change of changes) {
    const key = changeKey(change);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(change);
  }
  return fresh.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** One sentence for the consultant, times in the store's zone: "张三 取消了 11月25日 10:00 的试驾". */
export function changeText(change: CustomerChange, timeZone: string): string {
  const who = change.customerName;
  const when = localDateTime(change.startsAt, timeZone);
  switch (change.action) {
    case 'create':
      return `${who} 预约了 ${when} 的试驾`;
    case 'cancel':
      return `${who} 取消了 ${when} 的试驾`;
    case 'reschedule':
      return `${who} 将试驾改到了 ${when}`;
    case 'accept_proposal':
      return `${who} 接受了建议的新时间 ${when}`;
    case 'decline_proposal':
      return `${who} 未接受建议的新时间，试驾仍为 ${when}`;
  }
}

/** Where "查看" leads: the day of the booking with its detail open. */
export function changeLink(change: CustomerChange, timeZone: string): string {
  const params = new URLSearchParams({
    date: localDateOf(change.startsAt, timeZone),
    booking: String(change.bookingId),
  });
  return `/test-drives?${params.toString()}`;
}
