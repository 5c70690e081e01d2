import Taro from '@tarojs/taro';
import type { SubscriptionMoment } from '@dealer-care/domain';
import { askForSubscriptions, createTemplateCache, type SubscribeOutcome } from '../utils/subscription';
import { api } from './api';
import { getAccessToken } from './session';

export type { SubscribeOutcome } from '../utils/subscription';

/**
 * One-time subscriptions (订阅消息) at the booking, delivery and survey moments. The template ids
 * come from the server (`GET /notifications/subscriptions?moment=`), fetched when the page opens
 * (`prepareSubscription`) so that the tap can open WeChat's prompt at once (`requestSubscription`).
 * Only the pages of the subpackages import this: it stays out of the main package.
 */

const supported = process.env.TARO_ENV === 'weapp';

/** How long a prompt left open may hold the action back; then the action goes on without the answer. */
const PROMPT_WAIT_MS = 30_000;

const cache = createTemplateCache(async (moment) => (await api.subscriptions.templates(moment)).templateIds);

/** Fetches the moment's template ids ahead of the tap; logged out or outside WeChat it does nothing. */
export function prepareSubscription(moment: SubscriptionMoment): void {
  if (!supported || !getAccessToken()) return;
  void cache.prepare(moment);
}

/**
 * Asks for the moment's subscriptions. Call it first thing in the tap handler, before any await:
 * WeChat opens the prompt only from a tap. Resolves when the customer has answered (at most
 * PROMPT_WAIT_MS); never rejects, and a refusal, a failure or H5 never blocks the action it precedes.
 * The answers are reported to the server in the background.
 */
export function requestSubscription(moment: SubscriptionMoment): Promise<SubscribeOutcome> {
  const answer = askForSubscriptions(moment, {
    cache,
    supported: supported && Boolean(getAccessToken()),
    // Taro's typing wants Alipay's entityIds too; WeChat takes tmplIds alone.
    request: (tmplIds) =>
      Taro.requestSubscribeMessage({ tmplIds } as unknown as Taro.requestSubscribeMessage.Option),
    record: (at, choices) => api.subscriptions.record({ moment: at, choices }),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<SubscribeOutcome>((resolve) => {
    timer = setTimeout(() => resolve('skipped'), PROMPT_WAIT_MS);
  });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}
