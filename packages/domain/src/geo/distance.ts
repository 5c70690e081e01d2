import type { GeoPoint } from '../store/store.types.js';

const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). Accurate to well under 1% at city scale. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Items ordered nearest first, each with its distance rounded to 0.1 km.
 * Without an origin the original order is kept and no distance is added.
 */
export function sortByDistance<T extends GeoPoint>(
  items: readonly T[],
  origin: GeoPoint | null | undefined,
): Array<T & { distanceKm?: number }> {
  if (!origin) return items.map((item) => ({ ...item }));
  return items
    .map((item) => ({ ...item, distanceKm: Math.round(distanceKm(origin, item) * 10) / 10 }))
    .sort((x, y) => x.distanceKm - y.distanceKm);
}

export function isValidGeoPoint(point: Partial<GeoPoint>): point is GeoPoint {
  const { latitude, longitude } = point;
  return (
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  );
}
