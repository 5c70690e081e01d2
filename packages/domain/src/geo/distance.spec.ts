import { describe, expect, it } from '@jest/globals';
import { distanceKm, isValidGeoPoint, sortByDistance } from './distance.js';

// Reference points: Guangzhou Tianhe Sports Centre, Shenzhen Civic Centre, Beijing Tiananmen.
const guangzhou = { latitude: 23.1375, longitude: 113.3236 };
const shenzhen = { latitude: 22.5431, longitude: 114.0579 };
const beijing = { latitude: 39.9087, longitude: 116.3975 };

describe('distanceKm', () => {
  it('is zero for the same point', () => {
    expect(distanceKm(guangzhou, guangzhou)).toBe(0);
  });

  it('matches published great-circle distances within 1%', () => {
    // Guangzhou–Shenzhen centres ≈ 102 km, Guangzhou–Beijing ≈ 1,890 km.
    expect(distanceKm(guangzhou, shenzhen)).toBeGreaterThan(100);
    expect(distanceKm(guangzhou, shenzhen)).toBeLessThan(104);
    expect(distanceKm(guangzhou, beijing)).toBeGreaterThan(1870);
    expect(distanceKm(guangzhou, beijing)).toBeLessThan(1910);
  });

  it('is symmetric', () => {
    expect(distanceKm(shenzhen, beijing)).toBeCloseTo(distanceKm(beijing, shenzhen), 9);
  });
});

describe('sortByDistance', () => {
  const stores = [
    { name: 'beijing', ...beijing },
    { name: 'shenzhen', ...shenzhen },
    { name: 'guangzhou', ...guangzhou },
  ];

  it('orders nearest first with rounded distances', () => {
    const sorted = sortByDistance(stores, { latitude: 22.6, longitude: 114.0 });
    expect(sorted.map((s) => s.name)).toEqual(['shenzhen', 'guangzhou', 'beijing']);
    expect(sorted[0]!.distanceKm).toBeLessThan(10);
    expect(Number.isInteger(sorted[1]!.distanceKm! * 10)).toBe(true);
  });

  it('keeps the order and adds no distance without an origin', () => {
    const sorted = sortByDistance(stores, null);
    expect(sorted.map((s) => s.name)).toEqual(['beijing', 'shenzhen', 'guangzhou']);
    expect(sorted[0]!.distanceKm).toBeUndefined();
  });
});

describe('isValidGeoPoint', () => {
  it('accepts real coordinates and refuses impossible ones', () => {
    expect(isValidGeoPoint(guangzhou)).toBe(true);
    expect(isValidGeoPoint({ latitude: 91, longitude: 0 })).toBe(false);
    expect(isValidGeoPoint({ latitude: 0, longitude: 181 })).toBe(false);
    expect(isValidGeoPoint({ latitude: Number.NaN, longitude: 0 })).toBe(false);
    expect(isValidGeoPoint({ latitude: 10 })).toBe(false);
  });
});
