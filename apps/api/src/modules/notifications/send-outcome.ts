import { WECHAT_UNAVAILABLE_ERRCODE } from '../wechat/wechat-api.error.js';

/** What a failed send means for the message. */
export type SendFailure = 'refused' | 'retry' | 'failed';

/** The customer refused the template or has no grant left at WeChat. */
export const WECHAT_REFUSED_ERRCODE = 43101;

/** WeChat busy (-1), rate limited (45011), unreachable, or our token rejected even after a refresh. */
const RETRYABLE = new Set([-1, 45011, WECHAT_UNAVAILABLE_ERRCODE, 40001, 42001, 40014]);

/**
 * 43101: final, the customer will not receive it. Busy, rate limit, network: try again later.
 * Anything else (invalid openid 40003, template 40037, data 47003…) will not get better by waiting.
 */
export function classifySendFailure(errcode: number): SendFailure {
  if (errcode === WECHAT_REFUSED_ERRCODE) return 'refused';
  return RETRYABLE.has(errcode) ? 'retry' : 'failed';
}

/** Retries of a busy WeChat: 1 min, 2, 4 … at most 1 h (WeChat's rate limit is per minute). */
export function sendBackoffMs(attempt: number): number {
  return Math.min(60_000 * 2 ** (attempt - 1), 3_600_000);
}

/** Attempts before a message is given up as failed (about 2 hours of retries with the backoff). */
export const SEND_MAX_ATTEMPTS = 8;

/** Chinese reasons staff read in the message list. */
export const NO_GRANT_ERROR = '客户未订阅该消息或订阅次数已用完';

/** A send interrupted by a crash, tried again: WeChat said its grant was used, so it got through. */
export const INTERRUPTED_SEND_DELIVERED = '上次发送中断；微信答复该次订阅已使用，视为已送达';

export function describeSendError(errcode: number, errmsg: string): string {
  const reason =
    errcode === WECHAT_REFUSED_ERRCODE
      ? '客户拒收或订阅次数已用完'
      : errcode === -1
        ? '微信系统繁忙'
        : errcode === 45011
          ? '微信发送频率超限'
          : errcode === WECHAT_UNAVAILABLE_ERRCODE
            ? '无法连接微信服务器'
            : errcode === 40003
              ? '客户的微信身份无效'
              : errcode === 40037
                ? '消息模板无效'
                : errcode === 47003
                  ? '消息内容不符合模板要求'
                  : '微信拒绝发送';
  return `${reason}（errcode ${errcode}${errmsg ? `: ${errmsg}` : ''}）`.slice(0, 500);
}
