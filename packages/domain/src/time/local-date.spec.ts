import { describe, expect, it } from '@jest/globals';
import { isKnownTimeZone, localDateIn } from './local-date.js';

describe('localDateIn', () => {
  it('gives the store-local date, not the server date', () => {
    // 2026-11-23 17:30 UTC is already 24 November in Shanghai (UTC+8) but still 23 November in UTC.
    const instant = new Date('2026-11-23T17:30:00Z');
    expect(localDateIn('Asia/Shanghai', instant)).toBe('2026-11-24');
    expect(localDateIn('UTC', instant)).toBe('2026-11-23');
    expect(localDateIn('America/Los_Angeles', instant)).toBe('2026-11-23');
  });

  it('handles the first moments of a year', () => {
    expect(localDateIn('Asia/Shanghai', new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('keeps each zone apart when called again, and refuses an unknown zone every time', () => {
    const instant = new Date('2026-11-23T17:30:00Z');
    for (let i = 0; i < 3; i++) {
      expect(localDateIn('Asia/Shanghai', instant)).toBe('2026-11-24');
      expect(localDateIn('UTC', instant)).toBe('2026-11-23');
      expect(() => localDateIn('Mars/Olympus', instant)).toThrow(RangeError);
    }
  });
});

describe('isKnownTimeZone', () => {
  it('accepts IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Asia/Urumqi')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
