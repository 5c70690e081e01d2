import { BOOKING_ACTIONS, type TestDriveBooking } from '@dealer-care/domain';
import { describe, expect, it, vi } from 'vitest';
import {
  ACTION_UI,
  actionLabel,
  isLicenceLastFour,
  normaliseLicenceLastFour,
  sendCommand,
  STAFF_ACTIONS,
  staffActionsOf,
  type StaffTestDriveCommands,
} from './actions';
import { booking } from './fixtures';

describe('staffActionsOf', () => {
  it('shows exactly the staff actions the server allows, in a fixed order', () => {
    const b = booking({ allowedActions: ['reject', 'propose', 'confirm', 'cancel_by_store'] });
    expect(staffActionsOf(b)).toEqual(['confirm', 'propose', 'reject', 'cancel_by_store']);
  });

  it('shows nothing when nothing is allowed, and never a customer action', () => {
    expect(staffActionsOf(booking({ allowedActions: [] }))).toEqual([]);
    expect(staffActionsOf(booking({ allowedActions: ['cancel', 'reschedule', 'accept_proposal'] }))).toEqual(
      [],
    );
  });

  it('covers every staff action of the domain', () => {
    const staffSide = BOOKING_ACTIONS.filter(
      (a) => !['cancel', 'reschedule', 'accept_proposal', 'decline_proposal'].includes(a),
    );
    expect([...STAFF_ACTIONS].sort()).toEqual([...staffSide].sort());
  });
});

describe('ACTION_UI', () => {
  it('opens a form for what needs input and asks once for the final one-click steps', () => {
    expect(ACTION_UI.confirm).toEqual({ kind: 'modal', modal: 'confirm' });
    expect(ACTION_UI.reject).toEqual({ kind: 'modal', modal: 'reject' });
    expect(ACTION_UI.propose).toEqual({ kind: 'modal', modal: 'propose' });
    expect(ACTION_UI.check_in).toEqual({ kind: 'modal', modal: 'check-in' });
    expect(ACTION_UI.cancel_by_store).toEqual({ kind: 'modal', modal: 'cancel' });
    expect(ACTION_UI.complete.kind).toBe('popconfirm');
    expect(ACTION_UI.mark_no_show.kind).toBe('popconfirm');
  });

  it('labels buttons with the domain’s Chinese labels', () => {
    expect(STAFF_ACTIONS.map(actionLabel)).toEqual([
      '确认',
      '到店登记',
      '完成试驾',
      '建议其他时间',
      '拒绝',
      '标记未到店',
      '门店取消',
    ]);
  });
});

describe('sendCommand', () => {
  const answer = booking({ status: 'confirmed' });
  const client = (): StaffTestDriveCommands & Record<string, ReturnType<typeof vi.fn>> => {
    const fn = () => vi.fn(async () => answer as TestDriveBooking);
    return {
      confirm: fn(),
      reject: fn(),
      propose: fn(),
      checkIn: fn(),
      complete: fn(),
      noShow: fn(),
      cancel: fn(),
    };
  };

  it('calls the matching client method with the body', async () => {
    const c = client();
    await expect(sendCommand(c, 7, { action: 'confirm', body: { carId: 3 } })).resolves.toBe(answer);
    expect(c.confirm).toHaveBeenCalledWith(7, { carId: 3 });

    await sendCommand(c, 7, { action: 'reject', body: { reason: '车辆保养' } });
    expect(c.reject).toHaveBeenCalledWith(7, { reason: '车辆保养' });

    await sendCommand(c, 7, { action: 'propose', body: { startsAt: '2026-11-26T06:00:00Z' } });
    expect(c.propose).toHaveBeenCalledWith(7, { startsAt: '2026-11-26T06:00:00Z' });

    await sendCommand(c, 7, { action: 'check_in', body: { licenceLastFour: '123X', consentSigned: true } });
    expect(c.checkIn).toHaveBeenCalledWith(7, { licenceLastFour: '123X', consentSigned: true });

    await sendCommand(c, 7, { action: 'complete' });
    expect(c.complete).toHaveBeenCalledWith(7);

    await sendCommand(c, 7, { action: 'mark_no_show' });
    expect(c.noShow).toHaveBeenCalledWith(7);

    await sendCommand(c, 7, { action: 'cancel_by_store', body: { reason: '试驾车故障' } });
    expect(c.cancel).toHaveBeenCalledWith(7, { reason: '试驾车故障' });
  });
});

describe('form rules', () => {
  it('accepts four licence characters, a final X in either case', () => {
    expect(isLicenceLastFour('1234')).toBe(true);
    expect(isLicenceLastFour('123x')).toBe(true);
    expect(isLicenceLastFour(' 123X ')).toBe(true);
    expect(normaliseLicenceLastFour(' 123x')).toBe('123X');
    for (const bad of ['123', '12345', '12X4', 'abcd', '']) expect(isLicenceLastFour(bad)).toBe(false);
  });
});
