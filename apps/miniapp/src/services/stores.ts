import type { Store } from '@dealer-care/domain';
import { DEFAULT_TIME_ZONE } from '../utils/datetime';
import { api } from './api';

/**
 * Stores by id, kept for the app's lifetime: bookings carry only the store's id, name and phone, so
 * pages look up its time zone and address here. Stores change rarely; a failed load is retried next time.
 */
const byId = new Map<number, Store>();
let directory: Promise<Map<number, Store>> | null = null;

export function rememberStores(stores: readonly Store[]): void {
  for (const store of stores) byId.set(store.id, store);
}

/** Every store, loaded once. */
export function storeDirectory(): Promise<Map<number, Store>> {
  if (!directory) {
    directory = api.stores.list().then(
      (list) => {
        rememberStores(list);
        return byId;
      },
      (error: unknown) => {
        directory = null;
        throw error;
      },
    );
  }
  return directory;
}

/** One store, from memory when known. */
export async function getStore(id: number): Promise<Store> {
  const known = byId.get(id);
  if (known) return known;
  const store = await api.stores.get(id);
  byId.set(id, store);
  return store;
}

/** The store's time zone when known, else the mainland default. */
export function storeTimeZone(id: number): string {
  return byId.get(id)?.timeZone ?? DEFAULT_TIME_ZONE;
}
