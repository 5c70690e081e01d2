import Taro from '@tarojs/taro';
import type { GeoPoint } from '@dealer-care/domain';
import { wgs84ToGcj02 } from '../utils/coords';

const LOCATION_TIMEOUT_MS = 8_000;

let cached: GeoPoint | null = null;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The customer's position in GCJ-02 (the datum of Chinese maps and of WeChat), or null when it is
 * refused, unavailable or slow. Never throws, never blocks the caller's first render.
 */
export async function getCustomerLocation(): Promise<GeoPoint | null> {
  if (cached) return cached;
  try {
    if (process.env.TARO_ENV === 'h5') {
      if (typeof navigator === 'undefined' || !navigator.geolocation) return null;
      // Browsers give WGS-84 only.
      const position = await withTimeout(Taro.getLocation({ type: 'wgs84' }), LOCATION_TIMEOUT_MS);
      cached = wgs84ToGcj02({ latitude: position.latitude, longitude: position.longitude });
    } else {
      const position = await withTimeout(Taro.getLocation({ type: 'gcj02' }), LOCATION_TIMEOUT_MS);
      cached = { latitude: position.latitude, longitude: position.longitude };
    }
    return cached;
  } catch {
    return null;
  }
}
