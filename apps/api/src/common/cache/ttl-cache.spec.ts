import { describe, expect, it } from '@jest/globals';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  const clock = () => {
    let at = 1_000;
    return { now: () => at, advance: (ms: number) => (at += ms) };
  };

  it('loads once while fresh, and again after the time to live', async () => {
    const time = clock();
    const cache = new TtlCache<number, string>(100, 10, time.now);
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get(1, load)).toBe('v1');
    time.advance(99);
    expect(await cache.get(1, load)).toBe('v1');
    time.advance(1);
    expect(await cache.get(1, load)).toBe('v2');
    expect(loads).toBe(2);
  });

  it('shares a load in flight and forgets a failed one', async () => {
    const cache = new TtlCache<string, number>(1_000);
    let loads = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 5));
    const [a, b] = await Promise.all([cache.get('k', slow), cache.get('k', slow)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', async () => 7)).toBe(7);
  });

  it('forgets an entry on delete, everything on clear, and caches nothing with ttl 0', async () => {
    const cache = new TtlCache<number, number>(1_000);
    let loads = 0;
    const load = async () => ++loads;
    await cache.get(1, load);
    cache.delete(1);
    expect(await cache.get(1, load)).toBe(2);
    cache.clear();
    expect(await cache.get(1, load)).toBe(3);
    const off = new TtlCache<number, number>(0);
    await off.get(1, load);
    expect(await off.get(1, load)).toBe(5);
  });

  it('stays within its bound', async () => {
    const cache = new TtlCache<number, number>(1_000, 3);
    let loads = 0;
    for (const key of [1, 2, 3, 4]) await cache.get(key, async () => ++loads);
    // The fourth key emptied the cache: key 1 loads again.
    expect(await cache.get(1, async () => ++loads)).toBe(5);
  });
});
