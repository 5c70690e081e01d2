import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { PermanentJobError, RetryLater } from './job-errors.js';
import { JobEntity } from './job.entity.js';

export interface JobContext {
  job: JobEntity;
  /** 1 on the first run. */
  attempt: number;
  /** The runner's clock for this run (tests move it). */
  now: Date;
}

export type JobHandler<P = Record<string, unknown>> = (payload: P, context: JobContext) => Promise<void>;

export interface JobKindOptions<P = Record<string, unknown>> {
  /** How long a claim holds before another process may take the job over (a crash). Default JOBS_LEASE_MS. */
  leaseMs?: number;
  /** Delay before attempt `attempt + 1` after attempt `attempt` failed. Default 30 s doubling, at most 1 h. */
  backoff?: (attempt: number) => number;
  /** Runs when the job gives up (attempts used up, or a permanent error), after it is marked dead. */
  onGiveUp?: (payload: P, error: unknown, context: JobContext) => Promise<void>;
}

export interface JobRunSummary {
  done: number;
  retried: number;
  dead: number;
  /** Claims lost to another process after the lease ran out: their outcome was not recorded. */
  lost: number;
}

interface Registration {
  handler: JobHandler;
  options: Required<Pick<JobKindOptions, 'leaseMs' | 'backoff'>> & Pick<JobKindOptions, 'onGiveUp'>;
  intervalMs?: number;
}

const CLAIM_BATCH = 20;
const MAX_ERROR_LENGTH = 500;

export const defaultBackoff = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

export const recurringKey = (name: string) => `recurring:${name}`;

const describe = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_ERROR_LENGTH);

/**
 * Runs durable jobs (table `jobs`) on any number of API processes sharing one database. A job is
 * claimed in one short transaction (FOR UPDATE SKIP LOCKED on MySQL/MariaDB, so two processes never
 * take the same row), run outside it, and finished under the claim's token: if the lease ran out
 * and another process took the job over, the late outcome is dropped rather than written twice.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly kinds = new Map<string, Registration>();
  private readonly processTag = `${hostname().slice(0, 40)}:${process.pid}`;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private bootstrapped = false;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Handles jobs of `kind` in this process. Register in onModuleInit, before the runner starts. */
  register<P = Record<string, unknown>>(
    kind: string,
    handler: JobHandler<P>,
    options: JobKindOptions<P> = {},
  ): void {
    if (this.kinds.has(kind)) throw new Error(`Job kind ${kind} is registered twice`);
    this.kinds.set(kind, {
      handler: handler as JobHandler,
      options: {
        leaseMs: options.leaseMs ?? this.config.jobs.leaseMs,
        backoff: options.backoff ?? defaultBackoff,
        onGiveUp: options.onGiveUp as Registration['options']['onGiveUp'],
      },
    });
  }

  /**
   * Runs `handler` every `intervalMs`, in one process at a time: one row per name returns to
   * `queued` with run_at moved on after each run, whatever its outcome (a failure is logged).
   */
  registerRecurring(
    name: string,
    intervalMs: number,
    handler: (context: JobContext) => Promise<void>,
  ): Promise<void> {
    if (!(intervalMs > 0)) throw new Error(`Recurring job ${name} needs a positive interval`);
    this.register(name, (_payload, context) => handler(context), {
      leaseMs: Math.max(this.config.jobs.leaseMs, intervalMs),
    });
    this.kinds.get(name)!.intervalMs = intervalMs;
    // Registered late (after start-up): its row is made now; otherwise at bootstrap.
    return this.bootstrapped ? this.ensureRecurring(name, intervalMs) : Promise.resolve();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.bootstrapped = true;
    for (const [name, registration] of this.kinds) {
      if (registration.intervalMs) await this.ensureRecurring(name, registration.intervalMs);
    }
    const interval = this.config.jobs.pollIntervalMs;
    if (interval > 0) {
      this.timer = setInterval(() => this.tick(), interval);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // Let the batch in hand finish before the pool closes; what it did not claim stays queued.
    await this.ticking;
  }

  /** Claims and runs what is due at `now`, until nothing is left or `limit` jobs ran. */
  async runDue(now: Date = new Date(), { limit = 100 }: { limit?: number } = {}): Promise<JobRunSummary> {
    const summary: JobRunSummary = { done: 0, retried: 0, dead: 0, lost: 0 };
    let left = limit;
    while (left > 0 && !this.stopping) {
      const claimed = await this.claim(now, Math.min(left, CLAIM_BATCH));
      if (claimed.length === 0) break;
      left -= claimed.length;
      for (const job of claimed) summary[await this.execute(job, now)] += 1;
    }
    return summary;
  }

  /** One poll at a time per process: a slow batch makes the next poll wait, never overlap. */
  private tick(): void {
    if (this.ticking || this.stopping) return;
    this.ticking = this.runDue()
      .then(
        () => undefined,
        (error: unknown) => this.logError('poll', error),
      )
      .finally(() => {
        this.ticking = null;
      });
  }

  /** Due: queued and its time has come, or running with a lease that ran out (its process died). */
  private dueWhere(alias?: string): string {
    const c = (column: string) => (alias ? `${alias}.${column}` : column);
    return `((${c('status')} = 'queued' AND ${c('run_at')} <= :now) OR (${c('status')} = 'running' AND ${c('locked_until')} <= :now))`;
  }

  private claim(now: Date, limit: number): Promise<JobEntity[]> {
    const kinds = [...this.kinds.keys()];
    if (kinds.length === 0) return Promise.resolve([]);
    const token = `${this.processTag}:${randomBytes(6).toString('hex')}`;
    return this.transactions.run(async (manager) => {
      const select = manager
        .getRepository(JobEntity)
        .createQueryBuilder('j')
        .select(['j.id AS id', 'j.kind AS kind'])
        .where('j.kind IN (:...kinds)', { kinds })
        .andWhere(this.dueWhere('j'), { now })
        .orderBy('j.run_at', 'ASC')
        .addOrderBy('j.id', 'ASC')
        .limit(limit);
      if (this.transactions.isMysql) select.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = await select.getRawMany<{ id: number | string; kind: string }>();
      if (rows.length === 0) return [];
      const idsByKind = new Map<string, number[]>();
      for (const row of rows) idsByKind.set(row.kind, [...(idsByKind.get(row.kind) ?? []), Number(row.id)]);
      for (const [kind, ids] of idsByKind) {
        // The due condition again: on SQLite nothing was locked, so only rows still due are taken.
        await manager
          .createQueryBuilder()
          .update(JobEntity)
          .set({
            status: 'running',
            lockedBy: token,
            lockedUntil: new Date(now.getTime() + this.kinds.get(kind)!.options.leaseMs),
            attempts: () => 'attempts + 1',
          })
          .where('id IN (:...ids)', { ids })
          .andWhere(this.dueWhere(), { now })
          .execute();
      }
      return manager.getRepository(JobEntity).find({
        where: { id: In(rows.map((row) => Number(row.id))), lockedBy: token },
        order: { runAt: 'ASC', id: 'ASC' },
      });
    });
  }

  private async execute(job: JobEntity, now: Date): Promise<keyof JobRunSummary> {
    const registration = this.kinds.get(job.kind)!;
    // A batch runs one job after another: a job waiting behind slow ones must not see its lease run
    // out and be taken over (and run) by another process meanwhile. Renewed as it starts, or skipped.
    if (!(await this.renewLease(job, now, registration.options.leaseMs))) {
      this.logger.warn(`Job ${job.kind} #${job.id}: taken over while it waited in its batch; not run here`);
      return 'lost';
    }
    const context: JobContext = { job, attempt: job.attempts, now };
    let error: unknown = null;
    try {
      await registration.handler(job.payload, context);
    } catch (caught) {
      error = caught;
    }

    if (job.intervalMs !== null || registration.intervalMs) {
      if (error) this.logError(job.kind, error);
      const interval = registration.intervalMs ?? job.intervalMs!;
      return this.finish(
        job,
        {
          status: 'queued',
          runAt: new Date(now.getTime() + interval),
          attempts: 0,
          lastError: error ? describe(error) : null,
        },
        'done',
      );
    }
    if (!error) {
      return this.finish(job, { status: 'done', finishedAt: now, uniqueKey: null, lastError: null }, 'done');
    }
    const giveUp = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    if (!giveUp) {
      const delay =
        error instanceof RetryLater && error.delayMs !== undefined
          ? error.delayMs
          : registration.options.backoff(job.attempts);
      if (!(error instanceof RetryLater)) this.logError(`${job.kind} #${job.id}`, error);
      return this.finish(
        job,
        { status: 'queued', runAt: new Date(now.getTime() + delay), lastError: describe(error) },
        'retried',
      );
    }
    // The hook runs before the job is marked dead: a crash in between leaves the job to be
    // claimed again after its lease, and handlers are idempotent, so giving up is never lost.
    if (registration.options.onGiveUp) {
      try {
        await registration.options.onGiveUp(job.payload, error, context);
      } catch (hookError) {
        this.logError(`${job.kind} #${job.id} onGiveUp`, hookError);
      }
    }
    return this.finish(
      job,
      { status: 'dead', finishedAt: now, uniqueKey: null, lastError: describe(error) },
      'dead',
    );
  }

  /** Starts the lease again from now (the later of the runner's clock and the real one), if still ours. */
  private async renewLease(job: JobEntity, now: Date, leaseMs: number): Promise<boolean> {
    const lockedUntil = new Date(Math.max(now.getTime(), Date.now()) + leaseMs);
    const { affected } = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(JobEntity)
        .set({ lockedUntil })
        .where("id = :id AND locked_by = :token AND status = 'running'", { id: job.id, token: job.lockedBy })
        .execute(),
    );
    return (affected ?? 0) > 0;
  }

  /** Writes the outcome only while the claim is still ours. */
  private async finish(
    job: JobEntity,
    fields: Partial<Omit<JobEntity, 'payload'>>,
    outcome: keyof JobRunSummary,
  ): Promise<keyof JobRunSummary> {
    const { affected } = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(JobEntity)
        .set({ ...fields, lockedBy: null, lockedUntil: null })
        .where('id = :id AND locked_by = :token', { id: job.id, token: job.lockedBy })
        .execute(),
    );
    if ((affected ?? 0) > 0) return outcome;
    this.logger.warn(`Job ${job.kind} #${job.id}: lease lost before it finished; another process has it`);
    return 'lost';
  }

  private async ensureRecurring(name: string, intervalMs: number): Promise<void> {
    await this.transactions.run(async (manager: EntityManager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(JobEntity)
        .values({
          kind: name,
          uniqueKey: recurringKey(name),
          payload: {},
          status: 'queued',
          runAt: new Date(),
          intervalMs,
          attempts: 0,
          maxAttempts: 1,
        })
        .orIgnore()
        .execute();
      // A changed setting takes effect without touching the database by hand.
      await manager.update(JobEntity, { uniqueKey: recurringKey(name) }, { intervalMs });
    });
  }

  private logError(what: string, error: unknown): void {
    this.logger.error(
      `Job ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
