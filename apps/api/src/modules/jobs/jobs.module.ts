import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { JobRunner } from './job-runner.js';

/**
 * The durable job queue: features enqueue jobs in their own transactions (enqueueJob) and register
 * handlers with the one JobRunner per process, which polls every JOBS_POLL_INTERVAL_MS.
 */
@Global()
@Module({
  providers: [JobRunner, TransactionRunner],
  exports: [JobRunner],
})
export class JobsModule {}
