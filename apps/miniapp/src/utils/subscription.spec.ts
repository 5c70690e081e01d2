import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import type { SubscriptionChoice, SubscriptionMoment } from '@dealer-care/domain';
import {
  askForSubscriptions,
  choicesFromResult,
  createTemplateCache,
  outcomeOfChoices,
  templateIdsToAsk,
  TEMPLATE_CACHE_MS,
  type SubscriptionDeps,
  type TemplateCache,
} from './subscription';

const T0 = Date.parse('2026-11-23T08:00:00Z');

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('templateIdsToAsk', () => {
  it('keeps distinct non-empty ids in order, at most three', () => {
    assert.deepEqual(templateIdsToAsk(['a', ' b ', '', 'a', 7, null, 'c', 'd']), ['a', 'b', 'c']);
    assert.deepEqual(templateIdsToAsk(undefined), []);
  });
});

describe('choicesFromResult', () => {
  it('reads the answer of each asked id and ignores errMsg, unknown ids and values', () => {
    const result = {
      errMsg: 'requestSubscribeMessage:ok',
      t1: 'accept',
      t2: 'reject',
      t3: 'ban',
      other: 'accept',
    };
    assert.deepEqual(choicesFromResult(result, ['t1', 't2', 't3']), {
      t1: 'accept',
      t2: 'reject',
      t3: 'ban',
    });
    assert.deepEqual(choicesFromResult({ t1: 'filter', t2: 'maybe' }, ['t1', 't2']), { t1: 'filter' });
    assert.deepEqual(choicesFromResult(null, ['t1']), {});
    assert.deepEqual(choicesFromResult('ok', ['t1']), {});
  });
});

describe('outcomeOfChoices', () => {
  it('is accepted with one accept, rejected when all said no, skipped when nothing was answered', () => {
    assert.equal(outcomeOfChoices({ a: 'reject', b: 'accept' }), 'accepted');
    assert.equal(outcomeOfChoices({ a: 'reject', b: 'ban' }), 'rejected');
    assert.equal(outcomeOfChoices({}), 'skipped');
  });
});

describe('createTemplateCache', () => {
  it('fetches once, serves the ids while fresh and fetches again once stale', async () => {
    let now = T0;
    const calls: SubscriptionMoment[] = [];
    const cache = createTemplateCache(
      async (moment) => {
        calls.push(moment);
        return [`${moment}_1`, `${moment}_1`, `${moment}_2`];
      },
      () => now,
    );
    assert.equal(cache.peek('booking'), null);
    await Promise.all([cache.prepare('booking'), cache.prepare('booking')]);
    assert.deepEqual(calls, ['booking'], 'a second prepare joins the running fetch');
    assert.deepEqual(cache.peek('booking'), ['booking_1', 'booking_2']);
    assert.equal(cache.peek('delivery'), null, 'per moment');

    await cache.prepare('booking');
    assert.equal(calls.length, 1, 'fresh ids are not fetched again');

    now += TEMPLATE_CACHE_MS;
    assert.equal(cache.peek('booking'), null);
    await cache.prepare('booking');
    assert.equal(calls.length, 2);
  });

  it('remembers an empty list, and leaves nothing behind when the fetch fails', async () => {
    let fail = true;
    const cache = createTemplateCache(async () => {
      if (fail) throw new Error('network');
      return [];
    });
    await cache.prepare('survey'); // does not reject
    assert.equal(cache.peek('survey'), null);
    fail = false;
    await cache.prepare('survey');
    assert.deepEqual(cache.peek('survey'), []);
  });
});

function fakeDeps(overrides: Partial<SubscriptionDeps> & { ids?: string[] | null } = {}) {
  const prepared: SubscriptionMoment[] = [];
  const requested: string[][] = [];
  const recorded: { moment: SubscriptionMoment; choices: Record<string, SubscriptionChoice> }[] = [];
  const ids = overrides.ids === undefined ? ['t1', 't2'] : overrides.ids;
  const cache: TemplateCache = {
    peek: () => ids,
    prepare: async (moment) => {
      prepared.push(moment);
    },
  };
  const deps: SubscriptionDeps = {
    cache,
    supported: true,
    request: async (templateIds) => {
      requested.push(templateIds);
      return { errMsg: 'requestSubscribeMessage:ok', t1: 'accept', t2: 'reject' };
    },
    record: async (moment, choices) => {
      recorded.push({ moment, choices });
    },
    ...overrides,
  };
  return { deps, prepared, requested, recorded };
}

describe('askForSubscriptions', () => {
  it('opens the prompt synchronously with the cached ids and reports the answers', async () => {
    const { deps, requested, recorded } = fakeDeps();
    const outcome = askForSubscriptions('booking', deps);
    assert.deepEqual(requested, [['t1', 't2']], 'asked before anything was awaited (still inside the tap)');
    assert.equal(await outcome, 'accepted');
    await settle();
    assert.deepEqual(recorded, [{ moment: 'booking', choices: { t1: 'accept', t2: 'reject' } }]);
  });

  it('asks nothing outside WeChat', async () => {
    const { deps, requested, prepared } = fakeDeps({ supported: false });
    assert.equal(await askForSubscriptions('delivery', deps), 'skipped');
    assert.deepEqual(requested, []);
    assert.deepEqual(prepared, []);
  });

  it('without known ids, skips this tap and fetches them for the next', async () => {
    const { deps, requested, prepared } = fakeDeps({ ids: null });
    assert.equal(await askForSubscriptions('survey', deps), 'skipped');
    assert.deepEqual(requested, []);
    assert.deepEqual(prepared, ['survey']);
  });

  it('skips when the server has no template for the moment', async () => {
    const { deps, requested } = fakeDeps({ ids: [] });
    assert.equal(await askForSubscriptions('survey', deps), 'skipped');
    assert.deepEqual(requested, []);
  });

  it('counts a failed prompt (switched off, old base library) as rejected and reports nothing', async () => {
    const failing = fakeDeps({
      request: () =>
        Promise.reject(Object.assign(new Error('requestSubscribeMessage:fail'), { errCode: 20004 })),
    });
    assert.equal(await askForSubscriptions('booking', failing.deps), 'rejected');
    const throwing = fakeDeps({
      request: () => {
        throw new Error('not a function');
      },
    });
    assert.equal(await askForSubscriptions('booking', throwing.deps), 'skipped');
    await settle();
    assert.deepEqual([...failing.recorded, ...throwing.recorded], []);
  });

  it('resolves without waiting for the report, whose failure is ignored', async () => {
    const report = deferred<unknown>();
    const { deps } = fakeDeps({ record: () => report.promise });
    assert.equal(await askForSubscriptions('delivery', deps), 'accepted');
    report.reject(new Error('offline'));
    await settle(); // no unhandled rejection

    const { deps: throwingRecord } = fakeDeps({
      record: () => {
        throw new Error('boom');
      },
    });
    assert.equal(await askForSubscriptions('delivery', throwingRecord), 'accepted');
  });

  it('reports nothing when WeChat answered without a choice for the asked ids', async () => {
    const { deps, recorded } = fakeDeps({ request: async () => ({ errMsg: 'requestSubscribeMessage:ok' }) });
    assert.equal(await askForSubscriptions('booking', deps), 'skipped');
    await settle();
    assert.deepEqual(recorded, []);
  });
});
