import type { DayAvailability, TestDriveBooking, TimeSlot } from '@dealer-care/domain';

/**
 * The slots of a day a consultant can propose: every slot the availability lists, in time
 * order, except the booking's own. Full slots stay listed (disabled) so the day reads whole.
 */
export function proposableSlots(
  day: DayAvailability,
  booking: Pick<TestDriveBooking, 'startsAt'>,
): TimeSlot[] {
  if (!day.open) return [];
  const own = Date.parse(booking.startsAt);
  return day.slots
    .filter((slot) => Date.parse(slot.startsAt) !== own)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
