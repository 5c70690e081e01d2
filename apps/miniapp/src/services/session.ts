import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import type { CustomerProfile, CustomerSession } from '@dealer-care/domain';

const TOKEN_KEY = 'dc.session.token';
const EXPIRES_AT_KEY = 'dc.session.expiresAt';
const CUSTOMER_KEY = 'dc.session.customer';

/** The logged-in customer as the UI sees it; `customer` is null when logged out. */
export interface SessionState {
  customer: CustomerProfile | null;
}

function readStorage<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync<T | ''>(key);
    return value === '' || value === undefined ? null : (value as T);
  } catch {
    return null;
  }
}

function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Storage unavailable (private mode): nothing to remove.
  }
}

const listeners = new Set<() => void>();
let state: SessionState = { customer: getAccessToken() ? readStorage<CustomerProfile>(CUSTOMER_KEY) : null };

function publish(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

/** The bearer token for the API, read from storage before every call; null when missing or expired. */
export function getAccessToken(): string | null {
  const token = readStorage<string>(TOKEN_KEY);
  if (!token) return null;
  const expiresAt = readStorage<number>(EXPIRES_AT_KEY);
  if (expiresAt !== null && Date.now() >= expiresAt) return null;
  return token;
}

export function saveSession(session: CustomerSession): void {
  Taro.setStorageSync(TOKEN_KEY, session.accessToken);
  // Renew a minute early so a request never leaves with a token about to expire.
  Taro.setStorageSync(EXPIRES_AT_KEY, Date.now() + Math.max(0, session.expiresIn - 60) * 1000);
  Taro.setStorageSync(CUSTOMER_KEY, session.customer);
  publish({ customer: session.customer });
}

export function updateCustomer(customer: CustomerProfile): void {
  if (!getAccessToken()) return;
  Taro.setStorageSync(CUSTOMER_KEY, customer);
  publish({ customer });
}

/** Forgets the session (logout, or the server answered 401). */
export function clearSession(): void {
  removeStorage(TOKEN_KEY);
  removeStorage(EXPIRES_AT_KEY);
  removeStorage(CUSTOMER_KEY);
  if (state.customer !== null) publish({ customer: null });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): SessionState => state;

/** The logged-in customer's id, outside React; null when logged out. */
export function currentCustomerId(): number | null {
  return state.customer?.id ?? null;
}

/** Calls `listener` on every login, logout and profile change; returns the unsubscribe function. */
export function onSessionChange(listener: () => void): () => void {
  return subscribe(listener);
}

/** The current session; re-renders on login, logout and profile changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
