import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { JobRunner } from '../jobs/job-runner.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';

export const ESCALATE_JOB = 'follow-ups.escalate';

/**
 * Hands overdue tasks to the store's manager (escalated_at), once, every minute on whichever API
 * process claims the recurring job. One conditional UPDATE: the domain's shouldEscalate as SQL,
 * so running it twice, or on two processes, escalates nothing twice.
 */
@Injectable()
export class FollowUpEscalator implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly jobs: JobRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // A moved development clock wins over the runner's, so a browser journey sees escalations too.
    void this.jobs.registerRecurring(
      ESCALATE_JOB,
      this.config.followUps.escalateIntervalMs,
      async ({ now }) => {
        await this.escalateOverdue(this.clock.shifted ? this.clock.now() : now);
      },
    );
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
