export const STAFF_ROLES = ['consultant', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABEL_ZH: Record<StaffRole, string> = {
  consultant: '销售顾问',
  manager: '门店经理',
  admin: '集团管理员',
};

/** A member of staff. Consultants and managers belong to one store; admins see every store. */
export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  storeId: number | null;
  active: boolean;
}

/** The part of a staff user that store-scope decisions need. */
export interface StaffScope {
  role: StaffRole;
  storeId: number | null;
}

/** Whether a member of staff may see or act on a store's staff-only data. */
export function canAccessStore(staff: StaffScope, storeId: number): boolean {
  if (staff.role === 'admin') return true;
  return staff.storeId !== null && staff.storeId === storeId;
}

/** Store ids a member of staff may see; `'all'` for admins. */
export function storeScopeOf(staff: StaffScope): 'all' | number[] {
  if (staff.role === 'admin') return 'all';
  return staff.storeId === null ? [] : [staff.storeId];
}
