import { describe, expect, it } from 'vitest';
import { commandDoneText, sendOrderCommand, type OrderCommand, type StaffDeliveryCommands } from './commands';
import { order } from './fixtures';

function recordingClient() {
  const calls: unknown[][] = [];
  const answer =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve(order());
    };
  const client: StaffDeliveryCommands = {
    assignVin: answer('assignVin'),
    offerDates: answer('offerDates'),
    recordCall: answer('recordCall'),
    tickChecklist: answer('tickChecklist'),
    markReady: answer('markReady'),
    declareDelay: answer('declareDelay'),
    deliver: answer('deliver'),
    cancel: answer('cancel'),
  };
  return { client, calls };
}

describe('sendOrderCommand', () => {
  it('calls the matching endpoint with the body', async () => {
    const { client, calls } = recordingClient();
    const commands: OrderCommand[] = [
      { action: 'assign_vin', body: { vin: 'LSVAG2180E2100017' } },
      { action: 'offer_dates', body: { options: [{ date: '2026-11-26', time: '10:00' }] } },
      { action: 'record_call', body: { outcome: 'not_reached' } },
      { action: 'tick_checklist', body: { kind: 'pdi', key: 'plates', done: true } },
      { action: 'mark_ready' },
      {
        action: 'declare_delay',
        body: { options: [{ date: '2026-11-30', time: '10:00' }], reason: '物流延误' },
      },
      { action: 'deliver', body: { signature: 'data:image/png;base64,AAAA', signerName: '张三' } },
      { action: 'cancel_order', body: { reason: '客户退订' } },
    ];
    for (const command of commands) await sendOrderCommand(client, 7, command);
    expect(calls.map((call) => call[0])).toEqual([
      'assignVin',
      'offerDates',
      'recordCall',
      'tickChecklist',
      'markReady',
      'declareDelay',
      'deliver',
      'cancel',
    ]);
    expect(calls.every((call) => call[1] === 7)).toBe(true);
    expect(calls[4]).toEqual(['markReady', 7]);
    expect(calls[7]).toEqual(['cancel', 7, { reason: '客户退订' }]);
  });
});

describe('texts', () => {
  it('tell what was done', () => {
    expect(commandDoneText({ action: 'record_call', body: { outcome: 'confirmed' } })).toBe(
      '已登记：客户确认按时到店',
    );
    expect(commandDoneText({ action: 'record_call', body: { outcome: 'not_reached' } })).toBe(
      '已登记：未接通',
    );
    expect(commandDoneText({ action: 'mark_ready' })).toBe('已标记车辆备妥');
  });
});
