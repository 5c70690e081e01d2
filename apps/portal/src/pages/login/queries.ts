import type { StaffLoginRequest } from '@dealer-care/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { staffMeKey } from '../../auth/queries';
import { sessionFromLogin, setSession } from '../../auth/session';

export function useStaffLogin(onSignedIn: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffLoginRequest) => api.auth.staffLogin(body),
    onSuccess: (login) => {
      queryClient.clear();
      queryClient.setQueryData(staffMeKey, login.staff);
      setSession(sessionFromLogin(login, Date.now()));
      onSignedIn();
    },
  });
}
