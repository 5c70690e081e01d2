import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type PortalSession } from './session';

export function useSession(): PortalSession | null {
  return useSyncExternalStore(subscribeSession, getSession, () => null);
}
