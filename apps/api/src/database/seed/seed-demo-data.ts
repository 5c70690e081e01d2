import type { DataSource } from 'typeorm';
import { StaffUserEntity } from '../../modules/staff/staff-user.entity.js';
import { StoreClosedDateEntity } from '../../modules/stores/store-closed-date.entity.js';
import { StoreOpeningPeriodEntity } from '../../modules/stores/store-opening-period.entity.js';
import { StoreEntity } from '../../modules/stores/store.entity.js';
import { TestDriveCarEntity } from '../../modules/stores/test-drive-car.entity.js';
import { VehicleModelEntity } from '../../modules/vehicle-models/vehicle-model.entity.js';
import {
  DEMO_BRAND,
  DEMO_CARS,
  DEMO_MODELS,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_STORES,
  type DemoStaff,
} from './demo-data.js';
import { seedDemoFollowUps } from './seed-demo-follow-ups.js';
import { seedDemoOrders } from './seed-demo-orders.js';
import { seedDemoSurveys } from './seed-demo-surveys.js';

export interface SeedResult {
  seeded: boolean;
  accounts: DemoStaff[];
  password: string;
}

/**
 * Fills an empty database with the demo group. Does nothing when any store exists, so it is
 * safe on every start; runs in one transaction so a crash leaves nothing half-seeded.
 */
export async function seedDemoData(
  dataSource: DataSource,
  hashPassword: (password: string) => Promise<string>,
): Promise<SeedResult> {
  if ((await dataSource.getRepository(StoreEntity).count()) > 0) {
    return { seeded: false, accounts: [], password: DEMO_PASSWORD };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await dataSource.transaction(async (manager) => {
    const storeIds = new Map<string, number>();
    for (const demo of DEMO_STORES) {
      const store = await manager.save(
        manager.create(StoreEntity, {
          code: demo.code,
          name: demo.name,
          city: demo.city,
          address: demo.address,
          phone: demo.phone,
          latitude: demo.latitude,
          longitude: demo.longitude,
          timeZone: demo.timeZone,
        }),
      );
      storeIds.set(demo.code, store.id);
      await manager.save(
        demo.hours.map((period) =>
          manager.create(StoreOpeningPeriodEntity, { storeId: store.id, ...period }),
        ),
      );
      await manager.save(
        demo.closedDates.map((closed) =>
          manager.create(StoreClosedDateEntity, { storeId: store.id, ...closed }),
        ),
      );
    }

    const modelIds = new Map<string, number>();
    for (const [index, demo] of DEMO_MODELS.entries()) {
      const model = await manager.save(
        manager.create(VehicleModelEntity, {
          ...demo,
          brand: DEMO_BRAND,
          imageUrl: null,
          active: true,
          sortOrder: index,
        }),
      );
      modelIds.set(demo.code, model.id);
    }

    await manager.save(
      DEMO_CARS.map(([storeCode, modelCode, plate, inService]) =>
        manager.create(TestDriveCarEntity, {
          storeId: storeIds.get(storeCode)!,
          modelId: modelIds.get(modelCode)!,
          plate,
          inService,
        }),
      ),
    );

    const staff = await manager.save(
      DEMO_STAFF.map((staff) =>
        manager.create(StaffUserEntity, {
          username: staff.username,
          displayName: staff.displayName,
          role: staff.role,
          storeId: staff.storeCode ? storeIds.get(staff.storeCode)! : null,
          passwordHash,
          mobile: null,
          active: true,
          lastLoginAt: null,
        }),
      ),
    );

    const ids = {
      stores: storeIds,
      models: modelIds,
      staff: new Map(staff.map((member) => [member.username, { id: member.id, name: member.displayName }])),
    };
    const now = new Date();
    await seedDemoOrders(manager, ids, now);
    await seedDemoSurveys(manager, ids, now);
    await seedDemoFollowUps(manager, ids, now);
  });
  return { seeded: true, accounts: DEMO_STAFF, password: DEMO_PASSWORD };
}
