import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { ErrorCode } from '@dealer-care/domain';
import { isMysql } from '../../database/is-mysql.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { DomainException } from '../problem/domain.exception.js';
import { toProblem } from '../problem/problem.js';
import { IdempotencyKeyEntity } from './idempotency-key.entity.js';

export interface IdempotentAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/** Canonical JSON (sorted keys) so that the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Handed to the work: ties what it creates to the key, inside the work's own transaction. */
export interface IdempotencyClaim {
  bind(manager: EntityManager, resourceId: number): Promise<void>;
}

/** An answer rebuilt from the record a finished-but-unanswered request created. */
export type RecoverAnswer = (resourceId: number) => Promise<{ status: number; body: unknown }>;

/**
 * A claim with no answer and nothing bound for this long was left by a process that died before
 * its work committed (bind happens inside that transaction); longer than any request may take,
 * shutdown included (25 s).
 */
const STALE_CLAIM_SECONDS = 30;

const NO_CLAIM: IdempotencyClaim = { bind: async () => {} };

/**
 * Idempotency-Key for POSTs that create: the first request's answer (success or client error) is
 * stored under the caller's key and replayed for a retry with the same body; another body is 422.
 * The unique (scope, key) row is claimed before the work, so two concurrent retries cannot both run.
 *
 * A process can die between committing the work and storing its answer. Works that `bind` their
 * record (and pass `recover`) survive that: a retry finds the bound record and answers from it, or,
 * when nothing was bound and the claim is stale, knows the work never committed and runs it again.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectRepository(IdempotencyKeyEntity) private readonly keys: Repository<IdempotencyKeyEntity>,
  ) {}

  async execute(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: (claim: IdempotencyClaim) => Promise<{ status: number; body: unknown }>,
    recover?: RecoverAnswer,
  ): Promise<IdempotentAnswer> {
    if (key === undefined) return { ...(await work(NO_CLAIM)), replayed: false };
    if (!KEY_PATTERN.test(key)) {
      throw new DomainException(
        ErrorCode.ValidationFailed,
        'Idempotency-Key 需为8–128位字母、数字或 _ . : -',
        [{ field: 'Idempotency-Key', message: '格式不正确' }],
      );
    }
    const requestHash = createHash('sha256').update(canonical(body)).digest('hex');
    // Twice at most: a stale claim is removed once, then the key is claimed afresh.
    for (let attempt = 0; ; attempt++) {
      let claimed: IdempotencyKeyEntity;
      try {
        claimed = await this.keys.save(
          this.keys.create({
            scope,
            idempotencyKey: key,
            requestHash,
            statusCode: null,
            responseBody: null,
            resourceId: null,
          }),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const replayed = await this.replay(scope, key, requestHash, recover, attempt === 0);
        if (replayed) return replayed;
        continue;
      }
      return this.runClaimed(claimed, work);
    }
  }

  private async runClaimed(
    claimed: IdempotencyKeyEntity,
    work: (claim: IdempotencyClaim) => Promise<{ status: number; body: unknown }>,
  ): Promise<IdempotentAnswer> {
    const claim: IdempotencyClaim = {
      bind: async (manager, resourceId) => {
        const result = await manager.update(
          IdempotencyKeyEntity,
          { id: claimed.id, statusCode: IsNull() },
          { resourceId },
        );
        // Taken over as stale meanwhile: this work must not commit a second record.
        if (!result.affected) throw new Error(`idempotency claim ${claimed.id} was taken over`);
      },
    };
    try {
      const answer = await work(claim);
      await this.keys.update(claimed.id, {
        statusCode: answer.status,
        responseBody: JSON.stringify(answer.body),
      });
      return { ...answer, replayed: false };
    } catch (error) {
      const problem = toProblem(error);
      if (problem.unexpected || problem.status >= 500) {
        // Our failure, not the client's: free the key so a retry can run the work again (unless
        // the work committed and bound its record: then a retry answers from that record).
        await this.keys.delete({ id: claimed.id, resourceId: IsNull() });
      } else {
        await this.keys.update(claimed.id, {
          statusCode: problem.status,
          responseBody: JSON.stringify(problem.body),
        });
      }
      throw error;
    }
  }

  /** The stored answer, one rebuilt from a bound record, or null when a stale claim was removed. */
  private async replay(
    scope: string,
    key: string,
    requestHash: string,
    recover: RecoverAnswer | undefined,
    mayTakeOver: boolean,
  ): Promise<IdempotentAnswer | null> {
    const first = await this.keys.findOneBy({ scope, idempotencyKey: key });
    if (!first) throw new DomainException(ErrorCode.Conflict, '请求正在处理中，请稍后重试');
    if (first.requestHash !== requestHash) {
      throw new DomainException(
        ErrorCode.IdempotencyKeyReused,
        '同一个 Idempotency-Key 已用于内容不同的请求',
      );
    }
    if (first.statusCode !== null && first.responseBody !== null) {
      return { status: first.statusCode, body: JSON.parse(first.responseBody) as unknown, replayed: true };
    }
    if (recover && first.resourceId !== null) {
      const answer = await recover(first.resourceId);
      await this.keys.update(
        { id: first.id, statusCode: IsNull() },
        { statusCode: answer.status, responseBody: JSON.stringify(answer.body) },
      );
      return { ...answer, replayed: true };
    }
    if (recover && mayTakeOver && (await this.removeIfStale(first.id))) return null;
    throw new DomainException(ErrorCode.Conflict, '相同的请求正在处理中，请稍后查看结果');
  }

  /** Deletes a claim nobody answered or bound within STALE_CLAIM_SECONDS (by the database's clock). */
  private async removeIfStale(id: number): Promise<boolean> {
    const cutoff = isMysql(this.keys.manager.connection)
      ? `CURRENT_TIMESTAMP(6) - INTERVAL ${STALE_CLAIM_SECONDS} SECOND`
      : `datetime('now', '-${STALE_CLAIM_SECONDS} seconds')`;
    const result = await this.keys
      .createQueryBuilder()
      .delete()
      .where('id = :id AND status_code IS NULL AND resource_id IS NULL', { id })
      .andWhere(`created_at < ${cutoff}`)
      .execute();
    return Boolean(result.affected);
  }
}
