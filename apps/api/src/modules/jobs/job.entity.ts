import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedEntity } from '../../database/timestamped.entity.js';

/** queued: waiting for run_at; running: claimed until locked_until; done; dead: gave up after max_attempts. */
export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

/**
 * A unit of background work, durable in the database. Any API process may claim a due row
 * (FOR UPDATE SKIP LOCKED on MySQL/MariaDB), so a crash loses nothing and two processes never run
 * the same job at once. A recurring job (interval_ms set) is one row that returns to `queued`.
 */
@Entity('jobs')
@Index('UQ_jobs_unique_key', ['uniqueKey'], { unique: true })
@Index('IDX_jobs_status_run_at', ['status', 'runAt'])
export class JobEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  /** At most one live row per key: a recurring job's name, or e.g. `notification:42`. */
  @Column({ name: 'unique_key', type: 'varchar', length: 120, nullable: true })
  uniqueKey: string | null;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  status: JobStatus;

  @Column({ name: 'run_at', type: 'datetime' })
  runAt: Date;

  @Column({ name: 'interval_ms', type: 'int', nullable: true })
  intervalMs: number | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'int', default: 8 })
  maxAttempts: number;

  @Column({ name: 'locked_by', type: 'varchar', length: 80, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt: Date | null;
}
