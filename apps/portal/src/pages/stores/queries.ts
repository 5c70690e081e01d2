import type { BookingPolicy, StoreBookingPolicy } from '@dealer-care/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { testDriveKeys } from '../test-drives/queries';

export const staffStoresKey = ['staff', 'stores'] as const;
export const testDrivePolicyKey = (storeId: number) =>
  ['staff', 'stores', storeId, 'test-drive-policy'] as const;

/** The stores in the caller's scope with their test-drive cars (the API enforces the scope). */
export function useStaffStores() {
  return useQuery({ queryKey: staffStoresKey, queryFn: api.staff.stores });
}

/** A store's test-drive booking rules (the defaults while it has set none). */
export function useTestDrivePolicy(storeId: number, enabled = true) {
  return useQuery({
    queryKey: testDrivePolicyKey(storeId),
    queryFn: () => api.staffTestDrives.getTestDrivePolicy(storeId),
    enabled,
  });
}

/** Saves a store's booking rules; its slots and capacity are fetched again, as they follow the rules. */
export function useSaveTestDrivePolicy(storeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: BookingPolicy) => api.staffTestDrives.saveTestDrivePolicy(storeId, policy),
    onSuccess: (saved: StoreBookingPolicy) => {
      queryClient.setQueryData(testDrivePolicyKey(storeId), saved);
      void queryClient.invalidateQueries({ queryKey: testDriveKeys.store(storeId) });
    },
  });
}
