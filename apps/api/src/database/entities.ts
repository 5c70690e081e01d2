import { CustomerEntity } from '../modules/customers/customer.entity.js';
import { StaffUserEntity } from '../modules/staff/staff-user.entity.js';
import { StoreClosedDateEntity } from '../modules/stores/store-closed-date.entity.js';
import { StoreOpeningPeriodEntity } from '../modules/stores/store-opening-period.entity.js';
import { StoreEntity } from '../modules/stores/store.entity.js';
import { TestDriveCarEntity } from '../modules/stores/test-drive-car.entity.js';
import { VehicleModelEntity } from '../modules/vehicle-models/vehicle-model.entity.js';

/** Every entity, listed explicitly: globs do not load reliably under native ESM. */
export const ENTITIES = [
  StoreEntity,
  StoreOpeningPeriodEntity,
  StoreClosedDateEntity,
  VehicleModelEntity,
  TestDriveCarEntity,
  StaffUserEntity,
  CustomerEntity,
];
