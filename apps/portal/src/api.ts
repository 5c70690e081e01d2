import { createApiClient, fetchTransport } from '@dealer-care/api-client';
import { QueryClient } from '@tanstack/react-query';
import { clearSession, getAccessToken, getSession, subscribeSession } from './auth/session';
import { shouldRetry } from './errors';

export const api = createApiClient({
  baseUrl: '/api',
  transport: fetchTransport(),
  getAccessToken,
  // A 401 on a signed-in call means the token is gone or expired; a failed login has no session.
  onUnauthenticated: (error) => {
    if (getSession()) clearSession({ kind: 'refused', title: error.problem.title });
  },
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

// Nothing cached for one member of staff may be shown to the next.
subscribeSession(() => {
  if (!getSession()) queryClient.clear();
});
