/** Coarse error categories the callers map to HTTP answers / retry decisions. */
export type WechatErrorKind =
  'invalid_code' | 'rate_limited' | 'system_busy' | 'invalid_credential' | 'unavailable' | 'other';

/**
 * Sentinel errcode for failures that never reached a WeChat JSON answer (network error, timeout,
 * non-2xx HTTP, non-JSON or malformed body). WeChat itself never answers -2.
 */
export const WECHAT_UNAVAILABLE_ERRCODE = -2;

/** errcodes meaning the access_token is invalid / expired / not the latest one: worth one refresh + retry. */
export const WECHAT_INVALID_TOKEN_ERRCODES: readonly number[] = [40001, 42001, 40014];

const INVALID_CODE = new Set([40029, 40163]);
const INVALID_CREDENTIAL = new Set([40001, 40013, 40125, 42001, 40014, 41002, 41004]);

export function classifyWechatErrcode(errcode: number): WechatErrorKind {
  if (errcode === WECHAT_UNAVAILABLE_ERRCODE) return 'unavailable';
  if (errcode === -1) return 'system_busy';
  if (errcode === 45011) return 'rate_limited';
  if (INVALID_CODE.has(errcode)) return 'invalid_code';
  if (INVALID_CREDENTIAL.has(errcode)) return 'invalid_credential';
  return 'other';
}

/**
 * Failure of a WeChat server API call. The message is safe to log: it only holds the endpoint path,
 * the errcode and WeChat's errmsg (scrubbed of secrets by the client), never query strings,
 * the app secret, access tokens, session keys or login/phone codes.
 */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  readonly kind: WechatErrorKind;

  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    /** Path only, e.g. `/sns/jscode2session`. */
    readonly endpoint: string,
  ) {
    super(`WeChat API ${endpoint} failed: errcode=${errcode} errmsg=${errmsg}`);
    this.kind = classifyWechatErrcode(errcode);
  }
}
