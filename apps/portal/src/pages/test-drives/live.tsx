import type { StaffUser, StoreOverview, TestDriveChanges } from '@dealer-care/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useFeedback } from '../../components/feedback';
import { changeKey, changeLink, changeText, unseenChanges, type CustomerChange } from './changes';
import { testDriveKeys } from './queries';
import { getRememberedStore, pickStore, subscribeRememberedStore } from './store-choice';

export const CHANGES_POLL_MS = 10_000;

interface ChangesAnswer extends TestDriveChanges {
  /** The first answer only sets the cursor: what happened before it is already in the lists. */
  baseline: boolean;
}

/**
 * Polls what customers changed in a store's bookings, every 10 s, each time since the
 * server time of the previous answer. New changes refresh the store's lists and are handed
 * to `onChanges`.
 */
export function useLiveTestDriveChanges(
  storeId: number | undefined,
  onChanges: (changes: CustomerChange[]) => void,
): void {
  const queryClient = useQueryClient();
  const seen = useRef(new Set<string>());
  const onChangesRef = useRef(onChanges);
  useEffect(() => {
    onChangesRef.current = onChanges;
  });

  const { data } = useQuery({
    queryKey: testDriveKeys.changes(storeId ?? 0),
    queryFn: async ({ queryKey }): Promise<ChangesAnswer> => {
      const previous = queryClient.getQueryData<ChangesAnswer>(queryKey);
      const since = previous?.serverTime ?? new Date().toISOString();
      const answer = await api.staffTestDrives.changes(storeId!, since);
      return { ...answer, baseline: previous === undefined };
    },
    enabled: storeId !== undefined,
    refetchInterval: CHANGES_POLL_MS,
    staleTime: 0,
    // Leaving the page or the section must not restart the cursor.
    gcTime: Infinity,
  });

  useEffect(() => {
    if (!data || storeId === undefined) return;
    const fresh = unseenChanges(data.changes, seen.current);
    if (data.baseline || fresh.length === 0) return;
    void queryClient.invalidateQueries({ queryKey: testDriveKeys.store(storeId) });
    onChangesRef.current(fresh);
  }, [data, storeId, queryClient]);
}

/**
 * For the layout: watches the store the 试驾预约 section works on, counts the customers'
 * changes not looked at yet (the menu badge) and announces each one.
 */
export function useTestDriveAlerts(
  staff: Pick<StaffUser, 'storeId'> | null,
  stores: readonly StoreOverview[] | undefined,
  enabled: boolean,
): { unseen: number; clear: () => void } {
  const { notification } = useFeedback();
  const navigate = useNavigate();
  const remembered = useSyncExternalStore(subscribeRememberedStore, getRememberedStore, () => null);
  const store = staff && enabled ? pickStore(stores, staff, remembered) : undefined;
  const [unseen, setUnseen] = useState(0);
  const clear = useCallback(() => setUnseen(0), []);

  useLiveTestDriveChanges(store?.id, (changes) => {
    if (!store) return;
    setUnseen((count) => count + changes.length);
    for (const change of changes) {
      const key = `test-drive-change:${changeKey(change)}`;
      notification.info({
        key,
        title: '试驾预约有变动',
        description: changeText(change, store.timeZone),
        duration: 15,
        actions: (
          <Button
            type="primary"
            size="small"
            onClick={() => {
              notification.destroy(key);
              clear();
              void navigate(changeLink(change, store.timeZone));
            }}
          >
            查看
          </Button>
        ),
      });
    }
  });

  return { unseen, clear };
}
