import {
  localDateIn,
  modelDisplayName,
  type Store,
  type StoreOverview,
  type TestDriveCar,
} from '@dealer-care/domain';
import type { StoreEntity } from './store.entity.js';
import type { TestDriveCarEntity } from './test-drive-car.entity.js';

/** Copies only what may leave the server; closed dates from the store's today on. */
export function toStoreResponse(store: StoreEntity, now: Date = new Date()): Store {
  const today = localDateIn(store.timeZone, now);
  return {
    id: store.id,
    code: store.code,
    name: store.name,
    city: store.city,
    address: store.address,
    phone: store.phone,
    latitude: store.latitude,
    longitude: store.longitude,
    timeZone: store.timeZone,
    openingHours: (store.openingPeriods ?? [])
      .map(({ weekday, opens, closes }) => ({ weekday: Number(weekday) as typeof weekday, opens, closes }))
      .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
    closedDates: (store.closedDates ?? [])
      .map((closed) => closed.date)
      .filter((date) => date >= today)
      .sort(),
  };
}

export function toTestDriveCarResponse(car: TestDriveCarEntity): TestDriveCar {
  return {
    id: car.id,
    storeId: car.storeId,
    modelId: car.modelId,
    modelName: car.model ? modelDisplayName(car.model) : '',
    plate: car.plate,
    inService: car.inService,
  };
}

export function toStoreOverview(store: StoreEntity, cars: TestDriveCarEntity[]): StoreOverview {
  const mapped = cars.map(toTestDriveCarResponse);
  return {
    ...toStoreResponse(store),
    cars: mapped,
    carsInService: mapped.filter((car) => car.inService).length,
  };
}
