import Taro from '@tarojs/taro';
import { normalizeMobile, type CustomerProfile } from '@dealer-care/domain';
import { api } from './api';
import { clearSession, getAccessToken, saveSession, updateCustomer } from './session';

const DEV_USER_KEY = 'dc.devUser';
/** What the API accepts as a development account (DevLoginBody). */
const DEV_USER_PATTERN = /^[A-Za-z0-9_.-]{3,40}$/;

/** WeChat login: wx.login code → our own token. The code is single-use, so every attempt asks for a new one. */
export async function loginWithWechat(): Promise<CustomerProfile> {
  const { code } = await Taro.login();
  const session = await api.auth.wechatLogin({ code });
  saveSession(session);
  return session.customer;
}

let silentLogin: Promise<void> | null = null;

/**
 * Logs in silently in the mini-program when there is no valid token; failures just leave the user
 * logged out. Calls while one runs share it (the app launching and a page opened from a message).
 */
export function ensureWechatLogin(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || getAccessToken()) return Promise.resolve();
  silentLogin ??= loginWithWechat()
    .then(
      () => undefined,
      () => undefined, // The 我的 page offers a retry.
    )
    .finally(() => {
      silentLogin = null;
    });
  return silentLogin;
}

/** The development account of this browser, generated once (`dev-xxxxxx`) and kept in storage. */
export function defaultDevUser(): string {
  const stored = Taro.getStorageSync<string | ''>(DEV_USER_KEY);
  if (stored && DEV_USER_PATTERN.test(stored)) return stored;
  const generated = `dev-${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`;
  Taro.setStorageSync(DEV_USER_KEY, generated);
  return generated;
}

/**
 * Development login (H5 and browser tests; the server refuses it unless AUTH_DEV_LOGIN=true).
 * The first field is a test account when it looks like one (`dev-alice`), else a nickname for
 * this browser's generated account. `mobile`, when given, stands in for WeChat's phone binding
 * (which H5 cannot do): it becomes the customer's bound phone, so their sales orders link to them.
 */
export async function loginForDevelopment(input: string, mobile?: string): Promise<CustomerProfile> {
  const value = input.trim();
  const isAccount = DEV_USER_PATTERN.test(value);
  const devUser = isAccount ? value : defaultDevUser();
  if (isAccount) Taro.setStorageSync(DEV_USER_KEY, devUser);
  const phone = mobile ? normalizeMobile(mobile) : '';
  const session = await api.auth.devLogin({
    devUser,
    ...(value && !isAccount ? { nickname: value } : {}),
    ...(phone ? { mobile: phone } : {}),
  });
  saveSession(session);
  return session.customer;
}

/** Binds the phone from a getPhoneNumber code (single use; the server exchanges it with WeChat). */
export async function bindPhone(code: string): Promise<CustomerProfile> {
  const profile = await api.auth.bindPhone({ code });
  updateCustomer(profile);
  return profile;
}

/** Refreshes the stored profile; a 401 clears the session through the client's hook. */
export async function refreshProfile(): Promise<void> {
  if (!getAccessToken()) {
    clearSession();
    return;
  }
  updateCustomer(await api.me.profile());
}

export function logout(): void {
  clearSession();
}
