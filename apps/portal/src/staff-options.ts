import type { StaffRole, StaffUser } from '@dealer-care/domain';

export interface StaffOption {
  value: number;
  label: string;
}

const ROLE_ORDER: Partial<Record<StaffRole, number>> = { consultant: 0, manager: 1 };

/**
 * Who a manager may hand work to or filter by: the active consultants and managers of the store
 * (every store in scope when none is given), consultants first, by name.
 */
export function assigneeOptions(users: readonly StaffUser[], storeId: number | null): StaffOption[] {
  return users
    .filter(
      (u) => u.active && ROLE_ORDER[u.role] !== undefined && (storeId === null || u.storeId === storeId),
    )
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role]! - ROLE_ORDER[b.role]! || a.displayName.localeCompare(b.displayName, 'zh-CN'),
    )
    .map((u) => ({
      value: u.id,
      label: u.role === 'manager' ? `${u.displayName}（门店经理）` : u.displayName,
    }));
}

/** The options with the current person first when they are not among them (left, moved, or another role). */
export function withCurrent(
  options: readonly StaffOption[],
  current: { id: number; name: string } | null,
): StaffOption[] {
  if (!current || options.some((o) => o.value === current.id)) return [...options];
  return [{ value: current.id, label: current.name }, ...options];
}
