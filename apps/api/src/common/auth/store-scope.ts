import { canAccessStore, ErrorCode, storeScopeOf } from '@dealer-care/domain';
import { DomainException } from '../problem/domain.exception.js';
import type { StaffPrincipal } from './principal.js';

/** Throws 403 unless the member of staff may see this store's staff-only data. */
export function assertStoreInScope(staff: StaffPrincipal, storeId: number): void {
  if (!canAccessStore(staff, storeId)) throw new DomainException(ErrorCode.OutOfStoreScope);
}

/**
 * The stores a staff list covers: the one asked for (403 unless it is in the caller's scope),
 * else every store the caller may see (`'all'` for admins, none for staff without a store).
 */
export function storesToList(staff: StaffPrincipal, storeId: number | undefined): 'all' | number[] {
  if (storeId === undefined) return storeScopeOf(staff);
  assertStoreInScope(staff, storeId);
  return [storeId];
}
