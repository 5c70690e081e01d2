import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { enqueue, parseOutbox, remove, type Outbox, type QueueMeta } from './survey-outbox';
import { storedRecord, type SyncStorage } from './stored-record';

const KEY = 'dc.survey.outbox';
const T0 = Date.parse('2026-11-23T08:00:00Z');
const meta: QueueMeta = { customerId: 7, title: '试乘试驾意见表', thanks: '谢谢', expiresAt: null };

/** Storage as Taro's sync calls see it (values round-trip through JSON); `full` makes writes throw. */
function fakeStorage() {
  const data = new Map<string, string>();
  const storage = {
    full: false,
    readFails: false,
    writes: 0,
    getStorageSync(key: string): unknown {
      if (storage.readFails) throw new Error('getStorageSync:fail');
      const raw = data.get(key);
      return raw === undefined ? '' : JSON.parse(raw);
    },
    setStorageSync(key: string, value: unknown) {
      storage.writes += 1;
      if (storage.full) throw new Error('setStorageSync:fail exceed storage max size 10MB');
      data.set(key, JSON.stringify(value));
    },
    removeStorageSync(key: string) {
      if (storage.full) throw new Error('removeStorageSync:fail');
      data.delete(key);
    },
  };
  return storage satisfies SyncStorage;
}

const tokens = (outbox: Outbox) => Object.keys(outbox).sort();

describe('storedRecord', () => {
  it('reads back what was written, and starts empty', () => {
    const storage = fakeStorage();
    const record = storedRecord(storage, KEY, parseOutbox);
    assert.deepEqual(record.load(), {});
    record.save(enqueue({}, 'a', { nps: 9 }, meta, T0));
    assert.deepEqual(tokens(storedRecord(storage, KEY, parseOutbox).load()), ['a']);
  });

  it('loses no entry while writes fail, and the next write that succeeds persists them all', () => {
    const storage = fakeStorage();
    const record = storedRecord(storage, KEY, parseOutbox);
    record.save(enqueue(record.load(), 'a', { nps: 9 }, meta, T0));

    storage.full = true;
    record.save(enqueue(record.load(), 'b', { nps: 3 }, meta, T0 + 1));
    // Storage still holds only `a`; the record must not fall back to it.
    assert.deepEqual(tokens(record.load()), ['a', 'b']);
    record.save(enqueue(record.load(), 'c', { nps: 5 }, meta, T0 + 2));
    assert.deepEqual(tokens(record.load()), ['a', 'b', 'c']);
    assert.equal(record.load().b?.answers.nps, 3);

    storage.full = false;
    const writes = storage.writes;
    record.save(remove(record.load(), 'a'));
    assert.equal(storage.writes, writes + 1);
    assert.deepEqual(tokens(record.load()), ['b', 'c']);
    // What a relaunch would read: everything saved while storage was full.
    const relaunched = storedRecord(storage, KEY, parseOutbox).load();
    assert.deepEqual(tokens(relaunched), ['b', 'c']);
    assert.deepEqual(relaunched.c?.answers, { nps: 5 });
  });

  it('does not bring back removed entries when clearing the key fails', () => {
    const storage = fakeStorage();
    const record = storedRecord(storage, KEY, parseOutbox);
    record.save(enqueue({}, 'a', { nps: 9 }, meta, T0));
    storage.full = true;
    record.save(remove(record.load(), 'a'));
    assert.deepEqual(record.load(), {});
    storage.full = false;
    record.save(record.load());
    assert.deepEqual(storedRecord(storage, KEY, parseOutbox).load(), {});
  });

  it('serves the in-memory copy when storage cannot be read', () => {
    const storage = fakeStorage();
    const record = storedRecord(storage, KEY, parseOutbox);
    record.save(enqueue({}, 'a', { nps: 9 }, meta, T0));
    storage.readFails = true;
    assert.deepEqual(tokens(record.load()), ['a']);
  });
});
