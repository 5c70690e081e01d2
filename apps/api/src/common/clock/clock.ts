import { Injectable } from '@nestjs/common';

/**
 * The time the follow-up inbox and the customer card run on. In development it can be moved
 * (PUT /api/dev/clock) so a browser journey can see tomorrow's calls fall due without waiting;
 * the shift is an offset, so time keeps running from the moment set. Per process, in memory.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get shifted(): boolean {
    return this.offsetMs !== 0;
  }

  /** From now on, `now()` answers `at` plus the time since this call. */
  setNow(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
