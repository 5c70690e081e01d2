import type { SalesOrder } from './delivery.types.js';

/** What on an order waits for the customer, most urgent first. */
export type DeliveryAttention = 'delay' | 'choose_date' | 'confirm_attendance';

export const DELIVERY_ATTENTION_TEXT_ZH: Record<DeliveryAttention, string> = {
  delay: '门店通知：交车时间需要调整',
  choose_date: '请选择交车时间',
  confirm_attendance: '请确认按时到店',
};

type AttentionFields = Pick<SalesOrder, 'status' | 'delay' | 'allowedActions'>;

/**
 * The one thing an order needs from the customer now, or null. A declared delay comes first (the
 * store must tell the customer at once, with the reason); then a date to choose; then the T-3 / T-1
 * "按时到店" confirmation due today. Kept tiny: the mini-program's main package (home and 我的) uses it.
 */
export function deliveryAttention(order: AttentionFields): DeliveryAttention | null {
  if (order.status === 'delivered' || order.status === 'cancelled') return null;
  if (order.delay) return 'delay';
  if (order.allowedActions.includes('choose_date')) return 'choose_date';
  if (order.allowedActions.includes('confirm_attendance')) return 'confirm_attendance';
  return null;
}

/** The orders that need the customer, most urgent first (in the order the server listed them within a kind). */
export function ordersNeedingAttention<T extends AttentionFields>(
  orders: readonly T[],
): { order: T; attention: DeliveryAttention }[] {
  const rank: Record<DeliveryAttention, number> = { delay: 0, choose_date: 1, confirm_attendance: 2 };
  return orders
    .map((order) => ({ order, attention: deliveryAttention(order) }))
    .filter((row): row is { order: T; attention: DeliveryAttention } => row.attention !== null)
    .sort((a, b) => rank[a.attention] - rank[b.attention]);
}
