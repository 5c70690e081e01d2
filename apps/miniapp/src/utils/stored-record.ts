/** The synchronous storage calls a stored record needs; `Taro` itself fits (no Taro import: unit-tested in Node). */
export interface SyncStorage {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, data: unknown): void;
  removeStorageSync(key: string): void;
}

export interface StoredRecord<T> {
  load(): T;
  save(value: T): void;
}

/**
 * A record kept in storage under `key`, with an in-memory copy. While the last write failed (storage
 * full, private mode), the in-memory copy is authoritative: storage then still holds an older record,
 * and reading it would lose what was just saved. Every save writes the whole record, so the next one
 * that succeeds persists everything saved meanwhile.
 */
export function storedRecord<V>(
  storage: SyncStorage,
  key: string,
  parse: (stored: unknown) => Record<string, V>,
): StoredRecord<Record<string, V>> {
  let memory: Record<string, V> = {};
  let unwritten = false;
  return {
    load() {
      if (unwritten) return memory;
      try {
        const stored = storage.getStorageSync(key);
        return stored === '' || stored === undefined ? memory : parse(stored);
      } catch {
        return memory;
      }
    },
    save(value) {
      memory = value;
      try {
        if (Object.keys(value).length === 0) storage.removeStorageSync(key);
        else storage.setStorageSync(key, value);
        unwritten = false;
      } catch {
        unwritten = true;
      }
    },
  };
}
