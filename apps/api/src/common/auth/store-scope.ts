import { canAccessStore, ErrorCode } from '@dealer-care/domain';
import { DomainException } from '../problem/domain.exception.js';
import type { StaffPrincipal } from './principal.js';

/** Throws 403 unless the member of staff may see this store's staff-only data. */
export function assertStoreInScope(staff: StaffPrincipal, storeId: number): void {
  if (!canAccessStore(staff, storeId)) throw new DomainException(ErrorCode.OutOfStoreScope);
}
