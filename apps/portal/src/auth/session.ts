import { STAFF_ROLES, type StaffSession, type StaffUser } from '@dealer-care/domain';

/** What the portal keeps in localStorage after a staff login. */
export interface PortalSession {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  staff: StaffUser;
}

export const SESSION_STORAGE_KEY = 'dealer-care.portal.session';

export function sessionFromLogin(login: StaffSession, now: number): PortalSession {
  return { accessToken: login.accessToken, expiresAt: now + login.expiresIn * 1000, staff: login.staff };
}

function isStaffUser(value: unknown): value is StaffUser {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'number' &&
    typeof v.username === 'string' &&
    typeof v.displayName === 'string' &&
    STAFF_ROLES.includes(v.role as StaffUser['role']) &&
    (v.storeId === null || typeof v.storeId === 'number')
  );
}

/** The stored session, or null when absent, unreadable, tampered with or expired. */
export function parseSession(raw: string | null, now: number): PortalSession | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.accessToken !== 'string' || v.accessToken === '') return null;
  if (typeof v.expiresAt !== 'number' || !(v.expiresAt > now)) return null;
  if (!isStaffUser(v.staff)) return null;
  return { accessToken: v.accessToken, expiresAt: v.expiresAt, staff: v.staff };
}

// --- The browser store: one session per origin, shared by tabs through the storage event. ---

type Listener = () => void;
const listeners = new Set<Listener>();
let current: PortalSession | null | undefined;
/** How the last session ended: signed out by the user, or refused by the API (with its problem title). */
export type SessionEnd = { kind: 'signed-out' } | { kind: 'refused'; title: string };
let lastEnd: SessionEnd | null = null;

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

function emit(): void {
  for (const listener of listeners) listener();
}

export function getSession(): PortalSession | null {
  if (current === undefined)
    current = parseSession(storage()?.getItem(SESSION_STORAGE_KEY) ?? null, Date.now());
  return current;
}

/** The bearer token, or null once the session has expired. */
export function getAccessToken(): string | null {
  const session = getSession();
  return session && session.expiresAt > Date.now() ? session.accessToken : null;
}

export function setSession(session: PortalSession): void {
  storage()?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  current = session;
  lastEnd = null;
  emit();
}

export function clearSession(end: SessionEnd): void {
  storage()?.removeItem(SESSION_STORAGE_KEY);
  current = null;
  lastEnd = end;
  emit();
}

export function lastSessionEnd(): SessionEnd | null {
  return lastEnd;
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
    current = parseSession(event.newValue, Date.now());
    emit();
  });
}
