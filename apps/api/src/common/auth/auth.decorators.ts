import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { StaffRole } from '@dealer-care/domain';
import type { CustomerPrincipal, Principal, StaffPrincipal } from './principal.js';

export const IS_PUBLIC = 'auth:public';
export const AUDIENCE = 'auth:audience';

export type Audience = { kind: 'staff'; roles: readonly StaffRole[] } | { kind: 'customer' };

/** Opts a route out of the global guard. Everything else needs a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Staff only; with roles, only those roles. */
export const StaffAuth = (...roles: StaffRole[]) =>
  applyDecorators(SetMetadata(AUDIENCE, { kind: 'staff', roles } satisfies Audience), ApiBearerAuth('staff'));

/** Customers (WeChat mini-program) only. */
export const CustomerAuth = () =>
  applyDecorators(SetMetadata(AUDIENCE, { kind: 'customer' } satisfies Audience), ApiBearerAuth('customer'));

function principalOf(context: ExecutionContext): Principal | undefined {
  return context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
}

export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal => {
    const principal = principalOf(context);
    if (principal?.kind !== 'staff') throw new Error('CurrentStaff used on a route without @StaffAuth');
    return principal;
  },
);

export const CurrentCustomer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CustomerPrincipal => {
    const principal = principalOf(context);
    if (principal?.kind !== 'customer')
      throw new Error('CurrentCustomer used on a route without @CustomerAuth');
    return principal;
  },
);
