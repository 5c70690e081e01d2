import type { DayAvailability, TestDriveBooking } from '@dealer-care/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { problemOf } from '../../errors';
import { sendCommand, type StaffCommand } from './actions';

export const testDriveKeys = {
  /** Everything of one store's test drives except the live-change cursor. */
  store: (storeId: number) => ['test-drives', storeId] as const,
  days: (storeId: number) => ['test-drives', storeId, 'day'] as const,
  day: (storeId: number, date: string) => ['test-drives', storeId, 'day', date] as const,
  capacity: (storeId: number) => ['test-drives', storeId, 'capacity'] as const,
  booking: (storeId: number, id: number) => ['test-drives', storeId, 'booking', id] as const,
  availability: (storeId: number, modelId: number, date: string) =>
    ['test-drives', storeId, 'availability', modelId, date] as const,
  /** Kept apart so refreshing the store's data never resets the poll's cursor. */
  changes: (storeId: number) => ['test-drive-changes', storeId] as const,
};

/**
 * All bookings of a store-local day; the status filter is applied on the page, so the
 * counts per status and the cars taken in a slot are known whatever the filter.
 * Customers' changes refresh it at once (see live.ts); a slow poll catches colleagues'.
 */
export function useDayBookings(storeId: number | undefined, date: string) {
  return useQuery({
    queryKey: testDriveKeys.day(storeId ?? 0, date),
    queryFn: () => api.staffTestDrives.day(storeId!, { date }),
    enabled: storeId !== undefined,
    staleTime: 10_000,
    refetchInterval: 60_000,
  });
}

export function useStoreCapacity(storeId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: testDriveKeys.capacity(storeId ?? 0),
    queryFn: () => api.staffTestDrives.capacity(storeId!, { days: 7 }),
    enabled: enabled && storeId !== undefined,
    staleTime: 10_000,
  });
}

/** One booking, fresh from the server, showing the list's copy meanwhile. */
export function useBooking(storeId: number, id: number | null, fromList: TestDriveBooking | undefined) {
  return useQuery({
    queryKey: testDriveKeys.booking(storeId, id ?? 0),
    queryFn: () => api.staffTestDrives.get(id!),
    enabled: id !== null,
    placeholderData: fromList,
    staleTime: 5_000,
  });
}

/** Bookable slots of one store-local day for a model, to propose another time. */
export function useDayAvailability(storeId: number, modelId: number, date: string | null) {
  return useQuery({
    queryKey: testDriveKeys.availability(storeId, modelId, date ?? ''),
    queryFn: async (): Promise<DayAvailability | null> =>
      (await api.testDrives.availability(storeId, modelId, { from: date!, days: 1 }))[0] ?? null,
    enabled: date !== null,
    staleTime: 0,
  });
}

export interface CommandVariables {
  id: number;
  command: StaffCommand;
}

/** Sends a staff action; the answer replaces the booking everywhere, then the store's data refreshes. */
export function useStaffCommand(storeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, command }: CommandVariables) => sendCommand(api.staffTestDrives, id, command),
    onSuccess: (booking) => {
      queryClient.setQueryData(testDriveKeys.booking(storeId, booking.id), booking);
      queryClient.setQueriesData<TestDriveBooking[]>({ queryKey: testDriveKeys.days(storeId) }, (list) =>
        list?.map((item) => (item.id === booking.id ? booking : item)),
      );
      return queryClient.invalidateQueries({ queryKey: testDriveKeys.store(storeId) });
    },
    onError: (error) => {
      // The booking changed under us (the customer cancelled, a colleague acted): show what is true now.
      const { status } = problemOf(error);
      if (status === 404 || status === 409 || status === 422)
        void queryClient.invalidateQueries({ queryKey: testDriveKeys.store(storeId) });
    },
  });
}
