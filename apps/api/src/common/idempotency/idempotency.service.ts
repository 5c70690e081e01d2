import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode } from '@dealer-care/domain';
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

/**
 * Idempotency-Key for POSTs that create: the first request's answer (success or client error) is
 * stored under the caller's key and replayed for a retry with the same body; another body is 422.
 * The unique (scope, key) row is claimed before the work, so two concurrent retries cannot both run.
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
    work: () => Promise<{ status: number; body: unknown }>,
  ): Promise<IdempotentAnswer> {
    if (key === undefined) return { ...(await work()), replayed: false };
    if (!KEY_PATTERN.test(key)) {
      throw new DomainException(
        ErrorCode.ValidationFailed,
        'Idempotency-Key 需为8–128位字母、数字或 _ . : -',
        [{ field: 'Idempotency-Key', message: '格式不正确' }],
      );
    }
    const requestHash = createHash('sha256').update(canonical(body)).digest('hex');
    let claimed: IdempotencyKeyEntity;
    try {
      claimed = await this.keys.save(
        this.keys.create({ scope, idempotencyKey: key, requestHash, statusCode: null, responseBody: null }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.replay(scope, key, requestHash);
    }

    try {
      const answer = await work();
      await this.keys.update(claimed.id, {
        statusCode: answer.status,
        responseBody: JSON.stringify(answer.body),
      });
      return { ...answer, replayed: false };
    } catch (error) {
      const problem = toProblem(error);
      if (problem.unexpected || problem.status >= 500) {
        // Our failure, not the client's: free the key so a retry can run the work again.
        await this.keys.delete(claimed.id);
      } else {
        await this.keys.update(claimed.id, {
          statusCode: problem.status,
          responseBody: JSON.stringify(problem.body),
        });
      }
      throw error;
    }
  }

  private async replay(scope: string, key: string, requestHash: string): Promise<IdempotentAnswer> {
    const first = await this.keys.findOneBy({ scope, idempotencyKey: key });
    if (!first) throw new DomainException(ErrorCode.Conflict, '请求正在处理中，请稍后重试');
    if (first.requestHash !== requestHash) {
      throw new DomainException(
        ErrorCode.IdempotencyKeyReused,
        '同一个 Idempotency-Key 已用于内容不同的请求',
      );
    }
    if (first.statusCode === null || first.responseBody === null) {
      throw new DomainException(ErrorCode.Conflict, '相同的请求正在处理中，请稍后查看结果');
    }
    return { status: first.statusCode, body: JSON.parse(first.responseBody) as unknown, replayed: true };
  }
}
