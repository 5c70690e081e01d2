import { describe, expect, it } from '@jest/globals';
import {
  DELIVERY_ATTENTION_TEXT_ZH,
  deliveryAttention,
  ordersNeedingAttention,
} from './delivery-attention.js';
import type { DeliveryAction, SalesOrder } from './delivery.types.js';

type Fields = Pick<SalesOrder, 'id' | 'status' | 'delay' | 'allowedActions'>;

const DELAY = { reason: '车辆运输延误', at: '2026-11-23T02:00:00.000Z' };

function order(
  id: number,
  status: SalesOrder['status'],
  allowedActions: DeliveryAction[] = [],
  delay: SalesOrder['delay'] = null,
): Fields {
  return { id, status, delay, allowedActions };
}

describe('deliveryAttention', () => {
  it('puts a declared delay before a date to choose, and a date to choose before 按时到店', () => {
    const everything: DeliveryAction[] = ['choose_date', 'request_other_dates', 'confirm_attendance'];
    expect(deliveryAttention(order(1, 'scheduling', everything, DELAY))).toBe('delay');
    expect(deliveryAttention(order(1, 'scheduling', everything))).toBe('choose_date');
    expect(deliveryAttention(order(1, 'date_confirmed', ['confirm_attendance']))).toBe('confirm_attendance');
  });

  it('reports a delay even while no date can be chosen yet', () => {
    expect(deliveryAttention(order(1, 'scheduling', [], DELAY))).toBe('delay');
  });

  it('asks nothing of a delivered or cancelled order, whatever it still carries', () => {
    expect(deliveryAttention(order(1, 'delivered', ['confirm_attendance'], DELAY))).toBeNull();
    expect(deliveryAttention(order(1, 'cancelled', ['choose_date'], DELAY))).toBeNull();
  });

  it('asks nothing when the customer has nothing to do', () => {
    expect(deliveryAttention(order(1, 'scheduling', ['request_other_dates']))).toBeNull();
    expect(deliveryAttention(order(1, 'date_confirmed', []))).toBeNull();
    expect(deliveryAttention(order(1, 'ready', []))).toBeNull();
  });

  it('has a Chinese line for every kind', () => {
    expect(DELIVERY_ATTENTION_TEXT_ZH).toEqual({
      delay: '门店通知：交车时间需要调整',
      choose_date: '请选择交车时间',
      confirm_attendance: '请确认按时到店',
    });
  });
});

describe('ordersNeedingAttention', () => {
  it('keeps only the orders that need the customer, most urgent first, in server order within a kind', () => {
    const orders = [
      order(1, 'date_confirmed', ['confirm_attendance']),
      order(2, 'ready', []),
      order(3, 'scheduling', ['choose_date', 'request_other_dates']),
      order(4, 'scheduling', [], DELAY),
      order(5, 'date_confirmed', ['confirm_attendance']),
      order(6, 'scheduling', ['choose_date']),
      order(7, 'delivered', [], DELAY),
      order(8, 'scheduling', ['choose_date'], DELAY),
    ];
    expect(ordersNeedingAttention(orders).map((row) => [row.order.id, row.attention])).toEqual([
      [4, 'delay'],
      [8, 'delay'],
      [3, 'choose_date'],
      [6, 'choose_date'],
      [1, 'confirm_attendance'],
      [5, 'confirm_attendance'],
    ]);
  });

  it('hands back the caller’s own order objects and leaves the list untouched', () => {
    const orders = [
      order(1, 'date_confirmed', ['confirm_attendance']),
      order(2, 'scheduling', ['choose_date']),
    ];
    const copy = [...orders];
    const rows = ordersNeedingAttention(orders);
    expect(rows[0]!.order).toBe(orders[1]);
    expect(rows[1]!.order).toBe(orders[0]);
    expect(orders).toEqual(copy);
  });

  it('is empty when nothing waits', () => {
    expect(ordersNeedingAttention([])).toEqual([]);
    expect(ordersNeedingAttention([order(1, 'ready', []), order(2, 'cancelled', ['choose_date'])])).toEqual(
      [],
    );
  });
});
