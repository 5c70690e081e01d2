import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoreClosedDateEntity } from './store-closed-date.entity.js';
import { StoreOpeningPeriodEntity } from './store-opening-period.entity.js';
import { StoreEntity } from './store.entity.js';
import { StaffStoresController, StoresController } from './stores.controller.js';
import { StoresService } from './stores.service.js';
import { TestDriveCarEntity } from './test-drive-car.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      StoreEntity,
      StoreOpeningPeriodEntity,
      StoreClosedDateEntity,
      TestDriveCarEntity,
    ]),
  ],
  controllers: [StoresController, StaffStoresController],
  providers: [StoresService],
  exports: [StoresService],
})
export class StoresModule {}
