import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { IdempotencyKeyEntity } from '../../common/idempotency/idempotency-key.entity.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { ProspectEntity } from './entities/prospect.entity.js';
import { ProspectsController } from './prospects.controller.js';
import { ProspectsService } from './prospects.service.js';

/**
 * Prospects (意向客户) and the customer card. ensureProspect and assessIntent are plain functions
 * so the journeys (test drives, orders) can call them inside their own transactions.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ProspectEntity, StoreEntity, StaffUserEntity, IdempotencyKeyEntity])],
  controllers: [ProspectsController],
  providers: [ProspectsService, TransactionRunner, IdempotencyService],
})
export class ProspectsModule {}
