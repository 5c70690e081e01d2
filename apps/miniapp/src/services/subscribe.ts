import Taro from '@tarojs/taro';

const BOOKING_TEMPLATE = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_BOOKING;

export type SubscribeOutcome = 'accepted' | 'rejected' | 'skipped';

/**
 * Asks for the one-time booking-result subscription (订阅消息). WeChat opens the prompt only inside
 * a tap handler, so call this first thing in the handler, before any await. Never throws and never
 * blocks the booking: without a template id, outside WeChat or on refusal it just reports so.
 */
export async function requestBookingSubscription(): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV !== 'weapp' || !BOOKING_TEMPLATE) return 'skipped';
  try {
    // Taro's typing wants Alipay's entityIds too; WeChat takes tmplIds alone.
    const option = { tmplIds: [BOOKING_TEMPLATE] } as unknown as Taro.requestSubscribeMessage.Option;
    const result = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>;
    return result[BOOKING_TEMPLATE] === 'accept' ? 'accepted' : 'rejected';
  } catch {
    // Base library too old, the switch turned off in settings, or the prompt dismissed.
    return 'rejected';
  }
}
