import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { isMysql } from '../../database/is-mysql.js';

/** MySQL/MariaDB errors after which the whole transaction may simply be run again. */
const RETRYABLE_ERRNOS = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);

/**
 * The SQLite queue per data source, not per runner: each feature module provides its own runner,
 * and the job runner's transactions must queue behind the HTTP requests' ones on the one connection.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs a unit of work in one transaction. On MySQL/MariaDB, a transaction chosen as a deadlock
 * victim is retried. SQLite has one writer and TypeORM shares one connection, so transactions
 * of this process are queued one after another (the embedded default is single-process).
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isMysql(): boolean {
    return isMysql(this.dataSource);
  }

  /**
   * The find option that locks the rows read inside `run` (SELECT … FOR UPDATE) on MySQL/MariaDB;
   * none on SQLite, where this process's transactions already run one at a time.
   */
  get forUpdate(): { lock?: { mode: 'pessimistic_write' } } {
    return this.isMysql ? { lock: { mode: 'pessimistic_write' } } : {};
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isMysql) {
      const queue = sqliteQueues.get(this.dataSource) ?? Promise.resolve();
      const next = queue.then(() => this.dataSource.transaction(work));
      sqliteQueues.set(
        this.dataSource,
        next.catch(() => undefined),
      );
      return next;
    }
    return this.withRetry(() => this.dataSource.transaction(work));
  }

  private async withRetry<T>(attempt: () => Promise<T>, tries = 4): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        const errno =
          error instanceof QueryFailedError ? (error.driverError as { errno?: number }).errno : undefined;
        if (i >= tries || errno === undefined || !RETRYABLE_ERRNOS.has(errno)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * i + Math.random() * 20));
      }
    }
  }
}
