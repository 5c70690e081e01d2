import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export const staffStoresKey = ['staff', 'stores'] as const;

/** The stores in the caller's scope with their test-drive cars (the API enforces the scope). */
export function useStaffStores() {
  return useQuery({ queryKey: staffStoresKey, queryFn: api.staff.stores });
}
