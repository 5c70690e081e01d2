import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { IdempotencyKeyEntity } from '../../common/idempotency/idempotency-key.entity.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { VehicleModelEntity } from '../vehicle-models/vehicle-model.entity.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryChecklistTemplateEntity } from './entities/delivery-checklist-template.entity.js';
import { DeliveryConfirmationEntity } from './entities/delivery-confirmation.entity.js';
import { DeliveryEventEntity } from './entities/delivery-event.entity.js';
import { DeliverySignatureEntity } from './entities/delivery-signature.entity.js';
import { SalesOrderEntity } from './entities/sales-order.entity.js';
import { StaffDeliveriesController } from './staff-deliveries.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SalesOrderEntity,
      DeliveryEventEntity,
      DeliveryConfirmationEntity,
      DeliverySignatureEntity,
      DeliveryChecklistTemplateEntity,
      StoreEntity,
      VehicleModelEntity,
      StaffUserEntity,
      CustomerEntity,
      IdempotencyKeyEntity,
    ]),
  ],
  controllers: [DeliveriesController, StaffDeliveriesController],
  providers: [DeliveriesService, TransactionRunner, IdempotencyService],
  exports: [DeliveriesService],
})
export class DeliveriesModule {}
