import Taro from '@tarojs/taro';

export const STORE_DETAIL_PAGE = '/subpackages/booking/pages/store/index';
export const BOOK_PAGE = '/subpackages/booking/pages/book/index';
export const BOOKING_DONE_PAGE = '/subpackages/booking/pages/done/index';
export const MY_BOOKINGS_PAGE = '/subpackages/booking/pages/mine/index';
export const BOOKING_DETAIL_PAGE = '/subpackages/booking/pages/detail/index';
export const MY_DELIVERIES_PAGE = '/subpackages/delivery/pages/mine/index';
export const DELIVERY_DETAIL_PAGE = '/subpackages/delivery/pages/detail/index';
export const PENDING_SURVEYS_PAGE = '/subpackages/survey/pages/list/index';
/** Opened with `?token=` (also by the survey invitation's subscription message). */
export const SURVEY_ANSWER_PAGE = '/subpackages/survey/pages/answer/index';
export const HOME_PAGE = '/pages/index/index';
export const ME_PAGE = '/pages/me/index';

const RETURN_TO_KEY = 'dc.returnAfterLogin';

export function openStoreDetail(storeId: number): void {
  void Taro.navigateTo({ url: `${STORE_DETAIL_PAGE}?id=${storeId}` });
}

/** Opens the test-drive booking wizard, with the store and/or model already chosen when known. */
export function openBooking(preset: { storeId?: number; modelId?: number } = {}): void {
  const query = Object.entries(preset)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  void Taro.navigateTo({ url: query ? `${BOOK_PAGE}?${query}` : BOOK_PAGE });
}

export function openMyBookings(): void {
  void Taro.navigateTo({ url: MY_BOOKINGS_PAGE });
}

export function openBookingDetail(id: number): void {
  void Taro.navigateTo({ url: `${BOOKING_DETAIL_PAGE}?id=${id}` });
}

export function openMyDeliveries(): void {
  void Taro.navigateTo({ url: MY_DELIVERIES_PAGE });
}

export function openDeliveryDetail(id: number): void {
  void Taro.navigateTo({ url: `${DELIVERY_DETAIL_PAGE}?id=${id}` });
}

export function openPendingSurveys(): void {
  void Taro.navigateTo({ url: PENDING_SURVEYS_PAGE });
}

/** The answer page of one survey (its token is URL-safe; encoded all the same). */
export function surveyAnswerUrl(token: string): string {
  return `${SURVEY_ANSWER_PAGE}?token=${encodeURIComponent(token)}`;
}

export function openSurvey(token: string): void {
  void Taro.navigateTo({ url: surveyAnswerUrl(token) });
}

export function goHome(): void {
  void Taro.switchTab({ url: HOME_PAGE });
}

/**
 * Sends the customer to 我的 to log in; once logged in, 我的 opens `returnTo` again (the booking
 * wizard restores its draft from memory). reLaunch closes every open page (switchTab would leave
 * them hidden in H5's page stack), so the page reopened after the login is the only copy.
 */
export function goLogin(returnTo?: string): void {
  if (returnTo) Taro.setStorageSync(RETURN_TO_KEY, returnTo);
  void Taro.reLaunch({ url: ME_PAGE });
}

/** The page to reopen after a login, once (it is forgotten as it is read). */
export function takeReturnAfterLogin(): string | null {
  try {
    const url = Taro.getStorageSync<string | ''>(RETURN_TO_KEY);
    if (!url) return null;
    Taro.removeStorageSync(RETURN_TO_KEY);
    // Only our own subpackage pages, never a tab page (navigateTo cannot open those).
    return url.startsWith('/subpackages/') ? url : null;
  } catch {
    return null;
  }
}

/** Opens the dialer; a cancelled call is not an error. */
export function callStore(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}
