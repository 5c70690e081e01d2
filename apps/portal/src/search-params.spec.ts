import { describe, expect, it } from 'vitest';
import { withParams } from './search-params';

describe('withParams', () => {
  it('sets and removes the parameters named, keeping the others', () => {
    const previous = new URLSearchParams('week=2026-11-23&order=7&handover=1');
    const next = withParams(previous, { order: '9', handover: null, view: 'week' });
    expect(next.toString()).toBe('week=2026-11-23&order=9&view=week');
    expect(previous.toString()).toBe('week=2026-11-23&order=7&handover=1');
  });

  it('leaves the query string as it was for no changes', () => {
    expect(withParams(new URLSearchParams('date=2026-11-25'), {}).toString()).toBe('date=2026-11-25');
  });
});
