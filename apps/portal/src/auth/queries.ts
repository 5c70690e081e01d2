import type { StaffUser } from '@dealer-care/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { useSession } from './use-session';

export const staffMeKey = ['auth', 'staff', 'me'] as const;

/** The signed-in member of staff, refreshed from the API; the stored copy shows meanwhile. */
export function useCurrentStaff(): StaffUser | null {
  const session = useSession();
  const { data } = useQuery({
    queryKey: staffMeKey,
    queryFn: api.auth.staffMe,
    enabled: session !== null,
    placeholderData: session?.staff,
    staleTime: 5 * 60_000,
  });
  return session ? (data ?? session.staff) : null;
}
