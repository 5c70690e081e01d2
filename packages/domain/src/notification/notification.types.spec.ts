import { describe, expect, it } from '@jest/globals';
import { BOOKING_ACTIONS } from '../test-drive/booking.types.js';
import { clipForMessage, messageTime, testDriveNotificationKind } from './notification.types.js';

describe('testDriveNotificationKind', () => {
  it('tells the customer of every change the store makes before the drive', () => {
    expect(testDriveNotificationKind('confirm')).toBe('test_drive_confirmed');
    expect(testDriveNotificationKind('reject')).toBe('test_drive_rejected');
    expect(testDriveNotificationKind('propose')).toBe('test_drive_time_proposed');
    expect(testDriveNotificationKind('cancel_by_store')).toBe('test_drive_cancelled_by_store');
  });

  it('sends nothing for the customer’s own actions or for what happens with the customer present', () => {
    const silent = BOOKING_ACTIONS.filter((action) => testDriveNotificationKind(action) === null);
    expect(silent.sort()).toEqual(
      [
        'cancel',
        'reschedule',
        'accept_proposal',
        'decline_proposal',
        'check_in',
        'complete',
        'mark_no_show',
      ].sort(),
    );
  });
});

describe('clipForMessage', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis, counting characters not bytes', () => {
    expect(clipForMessage('  车辆临时保养  ')).toBe('车辆临时保养');
    const long = '因台风影响物流，车辆预计晚到三天，给您带来不便深表歉意';
    const clipped = clipForMessage(long);
    expect(Array.from(clipped)).toHaveLength(20);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipForMessage('😀'.repeat(25), 5)).toBe('😀😀😀😀…');
  });
});

describe('messageTime', () => {
  it('shows the store-local wall clock', () => {
    expect(messageTime('2026-11-25T02:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-25 10:30');
    expect(messageTime(new Date('2026-11-24T23:00:00Z'), 'Asia/Urumqi')).toBe('2026-11-25 05:00');
  });
});
