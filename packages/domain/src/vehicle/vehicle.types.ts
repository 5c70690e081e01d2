export const ENERGY_TYPES = ['petrol', 'hybrid', 'phev', 'bev'] as const;
export type EnergyType = (typeof ENERGY_TYPES)[number];

export const ENERGY_TYPE_LABEL_ZH: Record<EnergyType, string> = {
  petrol: '燃油',
  hybrid: '混动',
  phev: '插电混动',
  bev: '纯电',
};

export const BODY_TYPES = ['sedan', 'suv', 'mpv', 'hatchback'] as const;
export type BodyType = (typeof BODY_TYPES)[number];

export const BODY_TYPE_LABEL_ZH: Record<BodyType, string> = {
  sedan: '轿车',
  suv: 'SUV',
  mpv: 'MPV',
  hatchback: '两厢车',
};

/** A vehicle model the group sells. Prices are in fen (1/100 yuan) to stay integral. */
export interface VehicleModel {
  id: number;
  code: string;
  brand: string;
  name: string;
  bodyType: BodyType;
  energyType: EnergyType;
  seats: number;
  /** Manufacturer's suggested retail price of the cheapest trim, in fen. */
  priceFromFen: number;
  imageUrl: string | null;
  active: boolean;
}

/** A car kept for test drives at one store. */
export interface TestDriveCar {
  id: number;
  storeId: number;
  modelId: number;
  modelName: string;
  /** Licence plate, e.g. 粤A·D12345. */
  plate: string;
  inService: boolean;
}

/** "¥12.98万" style price used across the UIs. */
export function formatPriceFen(fen: number): string {
  const yuan = fen / 100;
  if (yuan >= 10_000) {
    const wan = yuan / 10_000;
    return `¥${Number.isInteger(wan) ? wan.toFixed(0) : wan.toFixed(2).replace(/0$/, '')}万`;
  }
  return `¥${yuan.toLocaleString('zh-CN')}`;
}

/** "云岚 S5": how a model is named wherever it appears beside others (bookings, cars, capacity). */
export function modelDisplayName(model: { brand: string; name: string }): string {
  return `${model.brand} ${model.name}`;
}
