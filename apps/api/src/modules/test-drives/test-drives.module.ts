import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { IdempotencyKeyEntity } from '../../common/idempotency/idempotency-key.entity.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { TestDriveCarEntity } from '../stores/test-drive-car.entity.js';
import { VehicleModelEntity } from '../vehicle-models/vehicle-model.entity.js';
import { TestDriveBookingEventEntity } from './entities/test-drive-booking-event.entity.js';
import { TestDriveBookingEntity } from './entities/test-drive-booking.entity.js';
import { TestDriveCarHoldEntity } from './entities/test-drive-car-hold.entity.js';
import { TestDriveConsentEntity } from './entities/test-drive-consent.entity.js';
import { TestDrivePolicyEntity } from './entities/test-drive-policy.entity.js';
import { LicenceVault } from './licence-vault.js';
import { StaffTestDrivesController } from './staff-test-drives.controller.js';
import { TestDriveBookingsService } from './test-drive-bookings.service.js';
import { TestDriveScheduleService } from './test-drive-schedule.service.js';
import { TestDrivesController } from './test-drives.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      StoreEntity,
      VehicleModelEntity,
      TestDriveCarEntity,
      StaffUserEntity,
      CustomerEntity,
      TestDriveBookingEntity,
      TestDriveBookingEventEntity,
      TestDriveCarHoldEntity,
      TestDriveConsentEntity,
      TestDrivePolicyEntity,
      IdempotencyKeyEntity,
    ]),
  ],
  controllers: [TestDrivesController, StaffTestDrivesController],
  providers: [
    TestDriveBookingsService,
    TestDriveScheduleService,
    LicenceVault,
    TransactionRunner,
    IdempotencyService,
  ],
  exports: [TestDriveBookingsService],
})
export class TestDrivesModule {}
