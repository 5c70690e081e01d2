import type {
  AssignVinRequest,
  CancelOrderRequest,
  DeclareDelayRequest,
  DeliverRequest,
  OfferDatesRequest,
  RecordCallRequest,
  SalesOrder,
  TickChecklistRequest,
} from '@dealer-care/domain';
import { commandSender } from '../../commands';

/** A staff action on an order with its request body, ready to send. */
export type OrderCommand =
  | { action: 'assign_vin'; body: AssignVinRequest }
  | { action: 'offer_dates'; body: OfferDatesRequest }
  | { action: 'record_call'; body: RecordCallRequest }
  | { action: 'tick_checklist'; body: TickChecklistRequest }
  | { action: 'mark_ready' }
  | { action: 'declare_delay'; body: DeclareDelayRequest }
  | { action: 'deliver'; body: DeliverRequest }
  | { action: 'cancel_order'; body: CancelOrderRequest };

/** The slice of the API client the commands need (the whole client satisfies it). */
export interface StaffDeliveryCommands {
  assignVin(id: number, body: AssignVinRequest): Promise<SalesOrder>;
  offerDates(id: number, body: OfferDatesRequest): Promise<SalesOrder>;
  recordCall(id: number, body: RecordCallRequest): Promise<SalesOrder>;
  tickChecklist(id: number, body: TickChecklistRequest): Promise<SalesOrder>;
  markReady(id: number): Promise<SalesOrder>;
  declareDelay(id: number, body: DeclareDelayRequest): Promise<SalesOrder>;
  deliver(id: number, body: DeliverRequest): Promise<SalesOrder>;
  cancel(id: number, body: CancelOrderRequest): Promise<SalesOrder>;
}

/** Sends a command on an order: the client method for its action, with its body. */
export const sendOrderCommand = commandSender<OrderCommand, StaffDeliveryCommands, SalesOrder>({
  assign_vin: 'assignVin',
  offer_dates: 'offerDates',
  record_call: 'recordCall',
  tick_checklist: 'tickChecklist',
  mark_ready: 'markReady',
  declare_delay: 'declareDelay',
  deliver: 'deliver',
  cancel_order: 'cancel',
});

/** What to tell the consultant once the server has accepted a command. */
export function commandDoneText(command: OrderCommand): string {
  switch (command.action) {
    case 'assign_vin':
      return '车架号已保存';
    case 'offer_dates':
      return '已将交车时间发送给客户';
    case 'record_call':
      return command.body.outcome === 'confirmed' ? '已登记：客户确认按时到店' : '已登记：未接通';
    case 'tick_checklist':
      return command.body.done ? '已勾选' : '已取消勾选';
    case 'mark_ready':
      return '已标记车辆备妥';
    case 'declare_delay':
      return '已登记延期，并将新时间发送给客户';
    case 'deliver':
      return '交车完成';
    case 'cancel_order':
      return '订单已取消';
  }
}
