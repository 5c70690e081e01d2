import type { EntityManager } from 'typeorm';
import { modelDisplayName } from '@dealer-care/domain';
import { VehicleModelEntity } from './vehicle-model.entity.js';

/**
 * "交车 云岚 X5": what a customer message or survey is about, the journey step and its car model
 * (just the step when the model is gone).
 */
export async function modelSubject(manager: EntityManager, step: string, modelId: number): Promise<string> {
  const model = await manager.findOneBy(VehicleModelEntity, { id: modelId });
  return `${step} ${model ? modelDisplayName(model) : ''}`;
}
