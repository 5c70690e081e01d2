import Taro from '@tarojs/taro';
import type { TestDriveBooking, TimeSlot } from '@dealer-care/domain';
import type { SubscribeOutcome } from './subscribe';

/** The wizard's steps, in order. */
export const BOOKING_STEPS = ['store', 'model', 'time', 'contact', 'consent'] as const;
export type BookingStep = (typeof BOOKING_STEPS)[number];

/** What the customer has entered so far in the booking wizard. */
export interface BookingDraft {
  step: BookingStep;
  storeId: number | null;
  modelId: number | null;
  /** Store-local date of the chosen day, YYYY-MM-DD. */
  date: string | null;
  slot: TimeSlot | null;
  customerName: string;
  mobile: string;
  /** Sensitive personal information: kept in memory only, never written to storage. */
  licenceNumber: string;
  note: string;
  /** Consent version the two boxes were ticked for; null while unticked. */
  consentVersion: string | null;
  licenceConsent: boolean;
  /**
   * Idempotency-Key of the submission, created when it is first sent and reused as long as the
   * request body is unchanged (a retry after a network error, a double tap): one booking at most.
   */
  idempotencyKey: string | null;
  /** The body the key was first sent with. */
  idempotencyBody: string | null;
  savedAt: number;
}

const STORAGE_KEY = 'dc.booking.draft';
/** A draft older than this is not offered again. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function emptyDraft(preset: { storeId?: number | null; modelId?: number | null } = {}): BookingDraft {
  return {
    step: 'store',
    storeId: preset.storeId ?? null,
    modelId: preset.modelId ?? null,
    date: null,
    slot: null,
    customerName: '',
    mobile: '',
    licenceNumber: '',
    note: '',
    consentVersion: null,
    licenceConsent: false,
    idempotencyKey: null,
    idempotencyBody: null,
    savedAt: Date.now(),
  };
}

let current: BookingDraft | null = null;

/** Keeps the draft in memory (for this app session) and, without the licence number, in storage. */
export function saveDraft(draft: BookingDraft): void {
  current = { ...draft, savedAt: Date.now() };
  try {
    Taro.setStorageSync(STORAGE_KEY, { ...current, licenceNumber: '' });
  } catch {
    // Storage full or unavailable: the in-memory draft still survives a trip to 我的.
  }
}

/** The draft of this session, else the stored one (its licence number has to be typed again). */
export function loadDraft(): BookingDraft | null {
  if (current && Date.now() - current.savedAt < MAX_AGE_MS) return current;
  try {
    const stored = Taro.getStorageSync<BookingDraft | ''>(STORAGE_KEY);
    if (stored && typeof stored === 'object' && Date.now() - stored.savedAt < MAX_AGE_MS) {
      return { ...emptyDraft(), ...stored, licenceNumber: '' };
    }
  } catch {
    // Unreadable storage: start afresh.
  }
  return null;
}

export function clearDraft(): void {
  current = null;
  try {
    Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}

/** The booking just created, handed from the wizard to the done page without another request. */
let lastCreated: { booking: TestDriveBooking; subscription: SubscribeOutcome } | null = null;

export function rememberCreated(booking: TestDriveBooking, subscription: SubscribeOutcome): void {
  lastCreated = { booking, subscription };
}

export function recallCreated(
  id: number,
): { booking: TestDriveBooking; subscription: SubscribeOutcome } | null {
  return lastCreated && lastCreated.booking.id === id ? lastCreated : null;
}
