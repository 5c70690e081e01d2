import type { TestDriveCar } from '../vehicle/vehicle.types.js';
import type { Store } from './store.types.js';

/** A store as staff see it in the portal: with its test-drive fleet. */
export interface StoreOverview extends Store {
  cars: TestDriveCar[];
  carsInService: number;
}
