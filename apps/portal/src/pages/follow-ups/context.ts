import type { StaffUser, StoreOverview } from '@dealer-care/domain';
import type { ParamChanges } from '../../search-params';

/** What every part of 回访任务 gets: who is signed in, the stores in scope and the query string. */
export interface FollowUpContext {
  staff: StaffUser;
  stores: StoreOverview[];
  params: URLSearchParams;
  update: (changes: ParamChanges) => void;
  /** The time zone a store's times are read in. */
  zoneOf: (storeId: number) => string;
}

/** The zone of a store in scope, else the caller's store's, else China's. */
export function zoneLookup(stores: readonly StoreOverview[], fallbackStoreId: number | null) {
  const fallback =
    stores.find((s) => s.id === fallbackStoreId)?.timeZone ?? stores[0]?.timeZone ?? 'Asia/Shanghai';
  return (storeId: number) => stores.find((s) => s.id === storeId)?.timeZone ?? fallback;
}
