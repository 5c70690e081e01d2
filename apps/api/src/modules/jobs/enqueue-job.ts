import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { JobEntity } from './job.entity.js';

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** Default: now. */
  runAt?: Date;
  /** At most one unfinished job per key; a second enqueue with a live key is ignored. */
  uniqueKey?: string;
  /** Default 8. */
  maxAttempts?: number;
}

/**
 * Owes some background work. Call it inside the transaction that makes the change, so the change
 * and its job are committed together or not at all. With a unique key already held by an
 * unfinished job, nothing is inserted (the work is already owed).
 */
export async function enqueueJob(manager: EntityManager, job: NewJob): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(JobEntity)
    .values({
      kind: job.kind,
      // A JSON column: TypeORM's deep-partial type does not fit an open record.
      payload: job.payload as QueryDeepPartialEntity<Record<string, unknown>>,
      uniqueKey: job.uniqueKey ?? null,
      status: 'queued',
      runAt: job.runAt ?? new Date(),
      intervalMs: null,
      attempts: 0,
      maxAttempts: job.maxAttempts ?? 8,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      finishedAt: null,
    })
    .orIgnore()
    .execute();
}
