import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { JobRunner } from '../jobs/job-runner.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';

export const ESCALATE_JOB = 'follow-ups.escalate';
export const ESCALATE_INTERVAL_MS = 60_000;

/**
 * Hands overdue tasks to the store's manager (escalated_at), once, every minute on whichever API
 * process claims the recurring job. One conditional UPDATE: the domain's shouldEscalate as SQL,
 * so running it twice, or on two processes, escalates nothing twice.
 */
@Injectable()
export class FollowUpEscalator implements OnModuleInit {
  constructor(
    private readonly clock: Clock,
    private readonly jobs: JobRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // A moved development clock wins over the runner's, so a browser journey sees escalations too.
    this.jobs.registerRecurring(ESCALATE_JOB, ESCALATE_INTERVAL_MS, async ({ now }) => {
      await this.escalateOverdue(this.clock.shifted ? this.clock.now() : now);
    });
  }

  /** Returns how many tasks were escalated. */
  async escalateOverdue(now: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(FollowUpTaskEntity)
      .set({ escalatedAt: now })
      .where("status = 'pending' AND due_at < :now AND escalated_at IS NULL AND assignee_role <> 'manager'", {
        now,
      })
      .execute();
    return result.affected ?? 0;
  }
}
