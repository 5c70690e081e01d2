/**
 * A per-process read-through cache for reference data that changes rarely (a store's hours and
 * booking rules, models, test-drive cars). Entries live `ttlMs`; a load in flight is shared by the
 * callers that ask meanwhile; a failed load is not kept. ttlMs 0 turns caching off.
 *
 * Another API process sees a change at most `ttlMs` late, which is why only data whose staleness is
 * harmless goes here: capacity itself is decided by the car-hold unique index, never from a cache.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { expiresAt: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > at) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { expiresAt: at + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
