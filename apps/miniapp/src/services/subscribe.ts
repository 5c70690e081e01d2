import Taro from '@tarojs/taro';

const BOOKING_TEMPLATE = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_BOOKING;
const DELIVERY_TEMPLATE = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_DELIVERY;

export type SubscribeOutcome = 'accepted' | 'rejected' | 'skipped';

/**
 * Asks for one one-time subscription (订阅消息). WeChat opens the prompt only inside a tap handler,
 * so call this first thing in the handler, before any await. Never throws and never blocks the
 * action it precedes: without a template id, outside WeChat or on refusal it just reports so.
 */
async function requestSubscription(templateId: string | undefined): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV !== 'weapp' || !templateId) return 'skipped';
  try {
    // Taro's typing wants Alipay's entityIds too; WeChat takes tmplIds alone.
    const option = { tmplIds: [templateId] } as unknown as Taro.requestSubscribeMessage.Option;
    const result = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>;
    return result[templateId] === 'accept' ? 'accepted' : 'rejected';
  } catch {
    // Base library too old, the switch turned off in settings, or the prompt dismissed.
    return 'rejected';
  }
}

/** The test-drive booking result, asked for as 提交预约 is tapped. */
export function requestBookingSubscription(): Promise<SubscribeOutcome> {
  return requestSubscription(BOOKING_TEMPLATE);
}

/** Delivery notices (a delay, the car ready, the confirmation reminders), asked for as 确认交车时间 is tapped. */
export function requestDeliverySubscription(): Promise<SubscribeOutcome> {
  return requestSubscription(DELIVERY_TEMPLATE);
}
