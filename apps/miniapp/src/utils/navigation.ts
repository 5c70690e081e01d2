import Taro from '@tarojs/taro';

export const STORE_DETAIL_PAGE = '/subpackages/booking/pages/store/index';

export function openStoreDetail(storeId: number): void {
  void Taro.navigateTo({ url: `${STORE_DETAIL_PAGE}?id=${storeId}` });
}

/** Opens the dialer; a cancelled call is not an error. */
export function callStore(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}
