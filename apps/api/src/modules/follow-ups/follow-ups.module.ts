import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';
import { FollowUpEscalator } from './follow-up-escalation.js';
import { FollowUpStatsService } from './follow-up-stats.service.js';
import { FollowUpsController } from './follow-ups.controller.js';
import { FollowUpsService } from './follow-ups.service.js';

/**
 * Follow-up tasks (回访任务): planned in the journeys' own transactions by follow-up-planner.ts,
 * worked from the inbox here, escalated to the manager by a recurring job when overdue.
 */
@Module({
  imports: [TypeOrmModule.forFeature([FollowUpTaskEntity, StoreEntity, StaffUserEntity])],
  controllers: [FollowUpsController],
  providers: [FollowUpsService, FollowUpStatsService, FollowUpEscalator, TransactionRunner],
  exports: [FollowUpEscalator],
})
export class FollowUpsModule {}
