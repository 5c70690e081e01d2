import type { StoreOverview, TestDriveCar } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { fleetTotals, sortCars, sortClosedDates, storeLabel } from './summary';

const car = (id: number, plate: string, inService: boolean): TestDriveCar => ({
  id,
  storeId: 1,
  modelId: 1,
  modelName: '雅阁',
  plate,
  inService,
});

const store = (id: number, name: string, cars: TestDriveCar[]): StoreOverview => ({
  id,
  code: `S${id}`,
  name,
  city: '广州',
  address: '天河路 1 号',
  phone: '020-12345678',
  timeZone: 'Asia/Shanghai',
  latitude: 23.13,
  longitude: 113.32,
  openingHours: [],
  closedDates: [],
  cars,
  carsInService: cars.filter((c) => c.inService).length,
});

describe('fleetTotals', () => {
  it('is zero for no stores', () => {
    expect(fleetTotals([])).toEqual({ stores: 0, cars: 0, carsInService: 0 });
  });

  it('adds up stores, cars and cars in service', () => {
    const stores = [
      store(1, '天河店', [car(1, '粤A·D10001', true), car(2, '粤A·D10002', false)]),
      store(2, '番禺店', [car(3, '粤A·D20001', true)]),
      store(3, '新店', []),
    ];
    expect(fleetTotals(stores)).toEqual({ stores: 3, cars: 3, carsInService: 2 });
  });
});

describe('sortCars', () => {
  it('lists cars in service first, then by plate, without touching the input', () => {
    const cars = [
      car(1, '粤A·D3', false),
      car(2, '粤A·D2', true),
      car(3, '粤A·D1', false),
      car(4, '粤A·D0', true),
    ];
    expect(sortCars(cars).map((c) => c.id)).toEqual([4, 2, 3, 1]);
    expect(cars.map((c) => c.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('sortClosedDates', () => {
  it('orders dates and drops duplicates', () => {
    expect(sortClosedDates(['2026-10-02', '2026-01-01', '2026-10-02'])).toEqual(['2026-01-01', '2026-10-02']);
  });
});

describe('storeLabel', () => {
  const stores = [store(1, '天河店', []), store(2, '番禺店', [])];

  it('names the staff member’s own store', () => {
    expect(storeLabel({ role: 'consultant', storeId: 2 }, stores)).toBe('番禺店');
  });

  it('says 全部门店 for a group admin', () => {
    expect(storeLabel({ role: 'admin', storeId: null }, stores)).toBe('全部门店');
  });

  it('is null while the stores are unknown or out of reach', () => {
    expect(storeLabel({ role: 'manager', storeId: 1 }, undefined)).toBeNull();
    expect(storeLabel({ role: 'manager', storeId: 9 }, stores)).toBeNull();
    expect(storeLabel({ role: 'consultant', storeId: null }, stores)).toBeNull();
  });
});
