import type { StaffUser, StoreOverview, TestDriveCar } from '@dealer-care/domain';

export interface FleetTotals {
  stores: number;
  cars: number;
  carsInService: number;
}

/** Counts over the stores in scope, for the home page. */
export function fleetTotals(stores: readonly StoreOverview[]): FleetTotals {
  return stores.reduce<FleetTotals>(
    (totals, store) => ({
      stores: totals.stores + 1,
      cars: totals.cars + store.cars.length,
      carsInService: totals.carsInService + store.carsInService,
    }),
    { stores: 0, cars: 0, carsInService: 0 },
  );
}

/** Cars in service first, then by plate, so the table reads the same every time. */
export function sortCars(cars: readonly TestDriveCar[]): TestDriveCar[] {
  return [...cars].sort(
    (a, b) => Number(b.inService) - Number(a.inService) || a.plate.localeCompare(b.plate, 'zh-CN'),
  );
}

/** Closed dates in calendar order, without duplicates. */
export function sortClosedDates(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort();
}

/** The store shown in the header: the staff's own store, or 全部门店 for a group-wide admin. */
export function storeLabel(
  staff: Pick<StaffUser, 'role' | 'storeId'>,
  stores: readonly Pick<StoreOverview, 'id' | 'name'>[] | undefined,
): string | null {
  if (staff.storeId === null) return staff.role === 'admin' ? '全部门店' : null;
  return stores?.find((store) => store.id === staff.storeId)?.name ?? null;
}
