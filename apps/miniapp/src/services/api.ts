import { createApiClient } from '@dealer-care/api-client';
import { clearSession, getAccessToken } from './session';
import { taroTransport } from './taro-transport';

/** The one API client of the app. The base URL is fixed at build time (TARO_APP_API_BASE). */
export const api = createApiClient({
  baseUrl: process.env.TARO_APP_API_BASE,
  transport: taroTransport,
  getAccessToken,
  onUnauthenticated: () => clearSession(),
});
