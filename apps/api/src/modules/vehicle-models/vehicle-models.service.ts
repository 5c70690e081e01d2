import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { VehicleModel } from '@dealer-care/domain';
import { VehicleModelEntity } from './vehicle-model.entity.js';

export function toVehicleModelResponse(model: VehicleModelEntity): VehicleModel {
  const { id, code, brand, name, bodyType, energyType, seats, priceFromFen, imageUrl, active } = model;
  return { id, code, brand, name, bodyType, energyType, seats, priceFromFen, imageUrl, active };
}

@Injectable()
export class VehicleModelsService {
  constructor(
    @InjectRepository(VehicleModelEntity) private readonly models: Repository<VehicleModelEntity>,
  ) {}

  /** Models on sale, in the dealer's display order. */
  async listActive(): Promise<VehicleModel[]> {
    const models = await this.models.find({
      where: { active: true },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    return models.map(toVehicleModelResponse);
  }
}
