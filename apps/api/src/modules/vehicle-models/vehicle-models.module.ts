import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VehicleModelEntity } from './vehicle-model.entity.js';
import { VehicleModelsController } from './vehicle-models.controller.js';
import { VehicleModelsService } from './vehicle-models.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([VehicleModelEntity])],
  controllers: [VehicleModelsController],
  providers: [VehicleModelsService],
})
export class VehicleModelsModule {}
