import {
  CALL_OUTCOME_LABEL_ZH,
  CONFIRMATION_STAGE_LABEL_ZH,
  type ConfirmationStage,
  type DeliveryConfirmation,
  type SalesOrder,
} from '@dealer-care/domain';

/** The confirmations of the order's current appointment (a new date needs new ones), oldest first. */
export function currentConfirmations(
  order: Pick<SalesOrder, 'confirmations' | 'scheduled'>,
): DeliveryConfirmation[] {
  const at = order.scheduled ? Date.parse(order.scheduled.startsAt) : NaN;
  return order.confirmations
    .filter((entry) => Date.parse(entry.scheduledAt) === at)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export interface CallDue {
  order: SalesOrder;
  stage: ConfirmationStage;
  /** "交车前3天确认". */
  stageLabel: string;
  lastCallNotReached: boolean;
}

/** Today's confirmations still owed (T-3 or T-1, not yet confirmed), earliest delivery first. */
export function callsDue(orders: readonly SalesOrder[]): CallDue[] {
  const seen = new Set<number>();
  const due: CallDue[] = [];
  for (const order of orders) {
    if (seen.has(order.id) || !order.confirmationDue || order.confirmationDue.done) continue;
    if (order.status !== 'date_confirmed' && order.status !== 'ready') continue;
    seen.add(order.id);
    due.push({
      order,
      stage: order.confirmationDue.stage,
      stageLabel: CONFIRMATION_STAGE_LABEL_ZH[order.confirmationDue.stage],
      lastCallNotReached: order.confirmationDue.lastCallNotReached,
    });
  }
  return due.sort(
    (a, b) =>
      (a.order.scheduled?.startsAt ?? '').localeCompare(b.order.scheduled?.startsAt ?? '') ||
      a.order.id - b.order.id,
  );
}

export interface ConfirmedToday {
  order: SalesOrder;
  stageLabel: string;
  /** "客户已在小程序确认" or "已电话确认（陈晓明）". */
  how: string;
}

/** Today's confirmations already done, so the panel can say who needs no call. */
export function confirmedToday(orders: readonly SalesOrder[]): ConfirmedToday[] {
  const seen = new Set<number>();
  const done: ConfirmedToday[] = [];
  for (const order of orders) {
    const due = order.confirmationDue;
    if (seen.has(order.id) || !due?.done) continue;
    seen.add(order.id);
    const entry = currentConfirmations(order)
      .filter((c) => c.stage === due.stage && c.outcome === 'confirmed')
      .at(-1);
    done.push({
      order,
      stageLabel: CONFIRMATION_STAGE_LABEL_ZH[due.stage],
      how: entry ? confirmationHow(entry) : '已确认',
    });
  }
  return done.sort((a, b) =>
    (a.order.scheduled?.startsAt ?? '').localeCompare(b.order.scheduled?.startsAt ?? ''),
  );
}

/** How a confirmation was made, in words. */
export function confirmationHow(entry: Pick<DeliveryConfirmation, 'by' | 'outcome' | 'staffName'>): string {
  if (entry.by === 'customer') return '客户已在小程序确认';
  const who = entry.staffName ? `（${entry.staffName}）` : '';
  return entry.outcome === 'confirmed' ? `已电话确认${who}` : `电话未接通${who}`;
}

/** One line of the confirmations list: "交车前3天确认 · 已接通，客户确认按时到店". */
export function confirmationLine(entry: DeliveryConfirmation): string {
  const what = entry.by === 'customer' ? '客户已在小程序确认' : CALL_OUTCOME_LABEL_ZH[entry.outcome];
  return `${CONFIRMATION_STAGE_LABEL_ZH[entry.stage]} · ${what}`;
}

/** Whether the customer confirmed the current appointment themselves in the mini-program. */
export function customerConfirmedSelf(order: Pick<SalesOrder, 'confirmations' | 'scheduled'>): boolean {
  return currentConfirmations(order).some((c) => c.by === 'customer' && c.outcome === 'confirmed');
}
