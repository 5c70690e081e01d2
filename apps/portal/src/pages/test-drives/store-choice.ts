import type { StaffUser, StoreOverview } from '@dealer-care/domain';

/**
 * Which store the 试驾预约 section works on. Consultants and managers have one store; an
 * admin picks one, remembered in this browser so the live-change poll and the page agree.
 */
export function pickStore<S extends Pick<StoreOverview, 'id'>>(
  stores: readonly S[] | undefined,
  staff: Pick<StaffUser, 'storeId'>,
  remembered: number | null,
): S | undefined {
  if (!stores || stores.length === 0) return undefined;
  return (
    stores.find((store) => store.id === staff.storeId) ??
    stores.find((store) => store.id === remembered) ??
    stores[0]
  );
}

const STORAGE_KEY = 'dealer-care.portal.test-drive-store';
const listeners = new Set<() => void>();
let current: number | null | undefined;

function read(): number | null {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function getRememberedStore(): number | null {
  if (current === undefined) current = typeof localStorage === 'undefined' ? null : read();
  return current;
}

export function rememberStore(storeId: number): void {
  current = storeId;
  try {
    localStorage.setItem(STORAGE_KEY, String(storeId));
  } catch {
    // Private mode: remembered for this page only.
  }
  for (const listener of listeners) listener();
}

export function subscribeRememberedStore(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
