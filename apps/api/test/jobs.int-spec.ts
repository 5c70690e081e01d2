import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource, Not } from 'typeorm';
import { enqueueJob } from '../src/modules/jobs/enqueue-job.js';
import { PermanentJobError, RetryLater } from '../src/modules/jobs/job-errors.js';
import { JobRunner, recurringKey, type JobContext } from '../src/modules/jobs/job-runner.js';
import { JobEntity } from '../src/modules/jobs/job.entity.js';
import { SURVEY_DISPATCH_JOB } from '../src/modules/surveys/survey-dispatcher.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SECOND = 1000;
const at = (iso: string) => new Date(iso);
const T0 = at('2030-03-04T02:00:00.000Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);

/** The durable job runner on the real database: retries, dead letters, crashed claims, recurring jobs. */
describe(`jobs: the runner (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let runner: JobRunner;
  let db: DataSource;
  /** What the test kinds were asked to do, in order. */
  const calls: Array<{ kind: string; payload: unknown; attempt: number }> = [];
  const gaveUp: Array<{ payload: unknown; error: string }> = [];
  /** Per test: how the `test.flaky` handler answers each attempt. */
  let flaky: (context: JobContext) => Promise<void> = async () => undefined;

  const job = (id: number) => db.getRepository(JobEntity).findOneByOrFail({ id });
  const enqueue = async (
    kind: string,
    payload: Record<string, unknown>,
    extra: Partial<Parameters<typeof enqueueJob>[1]> = {},
  ) => {
    await db.transaction((manager) => enqueueJob(manager, { kind, payload, runAt: T0, ...extra }));
    return db.getRepository(JobEntity).findOneOrFail({ where: { kind }, order: { id: 'DESC' } });
  };

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(JobRunner);
    db = t.dataSource;
    const record = (kind: string) => async (payload: unknown, context: JobContext) => {
      calls.push({ kind, payload, attempt: context.attempt });
    };
    runner.register('test.ok', record('test.ok'));
    runner.register(
      'test.flaky',
      async (payload, context) => {
        calls.push({ kind: 'test.flaky', payload, attempt: context.attempt });
        await flaky(context);
      },
      {
        backoff: (attempt) => attempt * 10 * SECOND,
        onGiveUp: async (payload, error) => {
          gaveUp.push({ payload, error: error instanceof Error ? error.message : String(error) });
        },
      },
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(async () => {
    await db.getRepository(JobEntity).clear();
    calls.length = 0;
    gaveUp.length = 0;
    flaky = async () => undefined;
  });

  it('runs a due job once, frees its unique key, and ignores a second enqueue while it is live', async () => {
    const first = await enqueue('test.ok', { n: 1 }, { uniqueKey: 'thing:1' });
    await enqueue('test.ok', { n: 2 }, { uniqueKey: 'thing:1' });
    expect(await db.getRepository(JobEntity).countBy({ kind: 'test.ok' })).toBe(1);

    // Not due yet: nothing runs.
    expect(await runner.runDue(plus(-SECOND))).toEqual({ done: 0, retried: 0, dead: 0, lost: 0 });
    expect(await runner.runDue(T0)).toEqual({ done: 1, retried: 0, dead: 0, lost: 0 });
    expect(calls).toEqual([{ kind: 'test.ok', payload: { n: 1 }, attempt: 1 }]);
    expect(await job(first.id)).toMatchObject({
      status: 'done',
      attempts: 1,
      uniqueKey: null,
      lockedBy: null,
      lockedUntil: null,
    });

    // Done: the same key may be owed again, and runs again.
    await enqueue('test.ok', { n: 3 }, { uniqueKey: 'thing:1' });
    expect(await runner.runDue(T0)).toMatchObject({ done: 1 });
    expect(await runner.runDue(plus(3600 * SECOND))).toMatchObject({ done: 0 });
    expect(calls.map((c) => c.payload)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('retries after the delay a handler asks for, or the kind’s backoff for an unexpected error', async () => {
    flaky = async ({ attempt }) => {
      if (attempt === 1) throw new RetryLater('WeChat busy', 5 * SECOND);
      if (attempt === 2) throw new Error('connection reset');
    };
    const row = await enqueue('test.flaky', { id: 7 });

    expect(await runner.runDue(T0)).toMatchObject({ retried: 1 });
    expect(await job(row.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'RetryLater: WeChat busy',
    });
    expect((await job(row.id)).runAt).toEqual(plus(5 * SECOND));

    expect(await runner.runDue(plus(4 * SECOND))).toMatchObject({ retried: 0, done: 0 });
    expect(await runner.runDue(plus(5 * SECOND))).toMatchObject({ retried: 1 });
    // Attempt 2 failed unexpectedly: backoff(2) = 20 s.
    expect((await job(row.id)).runAt).toEqual(plus(25 * SECOND));
    expect((await job(row.id)).lastError).toBe('Error: connection reset');

    expect(await runner.runDue(plus(25 * SECOND))).toMatchObject({ done: 1 });
    expect(await job(row.id)).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(gaveUp).toEqual([]);
  });

  it('gives up (dead) when attempts run out, and at once on a permanent error, calling onGiveUp once', async () => {
    flaky = async () => {
      throw new RetryLater('still busy', SECOND);
    };
    const row = await enqueue('test.flaky', { id: 1 }, { maxAttempts: 2, uniqueKey: 'flaky:1' });
    await runner.runDue(T0);
    expect(await runner.runDue(plus(SECOND))).toMatchObject({ dead: 1 });
    expect(await job(row.id)).toMatchObject({ status: 'dead', attempts: 2, uniqueKey: null });
    expect((await job(row.id)).finishedAt).toEqual(plus(SECOND));
    expect(gaveUp).toEqual([{ payload: { id: 1 }, error: 'still busy' }]);
    expect(await runner.runDue(plus(3600 * SECOND))).toMatchObject({ dead: 0, retried: 0 });

    flaky = async () => {
      throw new PermanentJobError('invalid openid');
    };
    const permanent = await enqueue('test.flaky', { id: 2 });
    expect(await runner.runDue(T0)).toMatchObject({ dead: 1 });
    expect(await job(permanent.id)).toMatchObject({ status: 'dead', attempts: 1 });
    expect(gaveUp.map((g) => g.payload)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('takes over a job whose claim expired (its process died), and drops the late outcome of a lost claim', async () => {
    const row = await enqueue('test.ok', { crashed: true });
    await db.getRepository(JobEntity).update(row.id, {
      status: 'running',
      attempts: 1,
      lockedBy: 'dead-host:123:abc',
      lockedUntil: plus(30 * SECOND),
    });
    // Still leased: untouched.
    expect(await runner.runDue(plus(29 * SECOND))).toMatchObject({ done: 0 });
    expect(calls).toEqual([]);
    expect(await runner.runDue(plus(30 * SECOND))).toMatchObject({ done: 1 });
    expect(calls).toEqual([{ kind: 'test.ok', payload: { crashed: true }, attempt: 2 }]);
    expect(await job(row.id)).toMatchObject({ status: 'done', attempts: 2 });

    // This time another process takes the job over while our handler still runs.
    flaky = async ({ job: claimed }) => {
      await db.getRepository(JobEntity).update(claimed.id, { lockedBy: 'other-host:9:xyz' });
    };
    const slow = await enqueue('test.flaky', { slow: true });
    expect(await runner.runDue(T0)).toMatchObject({ lost: 1, done: 0 });
    expect(await job(slow.id)).toMatchObject({ status: 'running', lockedBy: 'other-host:9:xyz' });
  });

  it('does not run a job of its batch that another process took over while the jobs before it ran', async () => {
    const first = await enqueue('test.flaky', { n: 1 });
    const second = await enqueue('test.flaky', { n: 2 });
    // The first job is slow: meanwhile the second's lease ran out and another process took it.
    flaky = async ({ job: claimed }) => {
      if (claimed.id === first.id)
        await db.getRepository(JobEntity).update(second.id, { lockedBy: 'other-host:9:xyz', attempts: 2 });
    };
    expect(await runner.runDue(T0)).toMatchObject({ done: 1, lost: 1 });
    expect(calls.map((call) => call.payload)).toEqual([{ n: 1 }]);
    expect(await job(second.id)).toMatchObject({ status: 'running', lockedBy: 'other-host:9:xyz' });
  });

  it('runs a recurring job: one row per name, back in the queue an interval later whatever happened', async () => {
    let fail = false;
    const ticks: Date[] = [];
    await runner.registerRecurring('test.every-minute', 60 * SECOND, async ({ now }) => {
      ticks.push(now);
      if (fail) throw new Error('boom');
    });
    // Made once, even when start-up runs again.
    await runner.onApplicationBootstrap();
    // Start-up also made the app's own recurring rows again: keep only this test's.
    await db.getRepository(JobEntity).delete({ kind: Not('test.every-minute') });
    const rows = await db.getRepository(JobEntity).findBy({ uniqueKey: recurringKey('test.every-minute') });
    expect(rows).toHaveLength(1);
    const id = rows[0]!.id;
    expect(rows[0]).toMatchObject({ status: 'queued', intervalMs: 60_000, kind: 'test.every-minute' });
    // Its first run is due from start-up: pin it to the test clock.
    await db.getRepository(JobEntity).update(id, { runAt: T0 });

    expect(await runner.runDue(T0)).toMatchObject({ done: 1 });
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    expect((await job(id)).runAt).toEqual(plus(60 * SECOND));
    expect(await runner.runDue(plus(59 * SECOND))).toMatchObject({ done: 0 });

    fail = true;
    await runner.runDue(plus(60 * SECOND));
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 0, lastError: 'Error: boom' });
    expect((await job(id)).runAt).toEqual(plus(120 * SECOND));
    expect(ticks).toEqual([T0, plus(60 * SECOND)]);
    expect(await db.getRepository(JobEntity).countBy({ kind: 'test.every-minute' })).toBe(1);
  });
});

describe(`jobs: the survey dispatcher as a recurring job (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SURVEY_DISPATCH_INTERVAL_MS: '300000' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has one row that runs and comes back five minutes later', async () => {
    const jobs = t.dataSource.getRepository(JobEntity);
    const row = await jobs.findOneByOrFail({ uniqueKey: recurringKey(SURVEY_DISPATCH_JOB) });
    expect(row).toMatchObject({ kind: SURVEY_DISPATCH_JOB, status: 'queued', intervalMs: 300_000 });
    await t.app.get(JobRunner).runDue(T0);
    const after = await jobs.findOneByOrFail({ id: row.id });
    expect(after).toMatchObject({ status: 'queued', lastError: null, attempts: 0 });
    expect(after.runAt).toEqual(plus(300_000));
  });
});
