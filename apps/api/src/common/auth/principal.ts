import type { StaffRole } from '@dealer-care/domain';

export interface StaffPrincipal {
  kind: 'staff';
  id: number;
  role: StaffRole;
  storeId: number | null;
}

export interface CustomerPrincipal {
  kind: 'customer';
  id: number;
}

export type Principal = StaffPrincipal | CustomerPrincipal;

/** What our JWTs carry. Kept minimal: ids and scope, nothing personal. */
export interface AccessTokenClaims {
  sub: string;
  kind: Principal['kind'];
  role?: StaffRole;
  storeId?: number | null;
}

export function principalFromClaims(claims: AccessTokenClaims): Principal | null {
  const id = Number(claims.sub);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  if (claims.kind === 'customer') return { kind: 'customer', id };
  if (claims.kind === 'staff' && claims.role) {
    return { kind: 'staff', id, role: claims.role, storeId: claims.storeId ?? null };
  }
  return null;
}

/** The principal as an actor of the domain's lifecycle functions (bookings, deliveries). */
export function staffActor(principal: StaffPrincipal) {
  return { kind: 'staff' as const, staffId: principal.id, role: principal.role, storeId: principal.storeId };
}

export function customerActor(principal: CustomerPrincipal) {
  return { kind: 'customer' as const, customerId: principal.id };
}
