/**
 * Error codes shared by the API and both UIs. The API maps each code to an HTTP status
 * and a problem+json body; the UIs switch on the same code to decide what to show.
 */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  MalformedBody: 'malformed_body',
  PayloadTooLarge: 'payload_too_large',
  Unauthenticated: 'unauthenticated',
  TokenExpired: 'token_expired',
  InvalidCredentials: 'invalid_credentials',
  Forbidden: 'forbidden',
  OutOfStoreScope: 'out_of_store_scope',
  NotFound: 'not_found',
  Conflict: 'conflict',
  IdempotencyKeyReused: 'idempotency_key_reused',
  TooManyRequests: 'too_many_requests',
  DevLoginDisabled: 'dev_login_disabled',
  WechatCodeInvalid: 'wechat_code_invalid',
  WechatRateLimited: 'wechat_rate_limited',
  WechatUnavailable: 'wechat_unavailable',
  ServiceUnavailable: 'service_unavailable',
  Internal: 'internal_error',
  /** Client side only: the request never reached the server. */
  NetworkError: 'network_error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status for each error code: one table, used by the API's exception filter. */
export const errorCodeStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_body: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  token_expired: 401,
  invalid_credentials: 401,
  forbidden: 403,
  out_of_store_scope: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 422,
  too_many_requests: 429,
  dev_login_disabled: 403,
  wechat_code_invalid: 400,
  wechat_rate_limited: 429,
  wechat_unavailable: 502,
  service_unavailable: 503,
  internal_error: 500,
  network_error: 0,
};

/** Default Chinese titles a customer can read; a `detail` may say more. */
export const errorCodeTitle: Record<ErrorCode, string> = {
  validation_failed: '提交的信息有误，请检查后重试',
  malformed_body: '请求格式不正确',
  payload_too_large: '提交的内容过大',
  unauthenticated: '请先登录',
  token_expired: '登录已过期，请重新登录',
  invalid_credentials: '账号或密码错误',
  forbidden: '没有权限执行此操作',
  out_of_store_scope: '只能查看本门店的数据',
  not_found: '没有找到相应的记录',
  conflict: '操作冲突，请刷新后重试',
  idempotency_key_reused: '重复的请求与首次提交的内容不一致',
  too_many_requests: '操作过于频繁，请稍后再试',
  dev_login_disabled: '开发登录未开放',
  wechat_code_invalid: '微信登录凭证无效或已过期，请重新进入小程序',
  wechat_rate_limited: '微信登录过于频繁，请稍后再试',
  wechat_unavailable: '微信服务暂时不可用，请稍后再试',
  service_unavailable: '服务暂时不可用，请稍后再试',
  internal_error: '系统繁忙，请稍后再试',
  network_error: '网络连接失败，请检查网络后重试',
};

/** Exhaustiveness guard for switches over domain unions. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
