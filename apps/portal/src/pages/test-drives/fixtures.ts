import type { TestDriveBooking, TestDriveCar } from '@dealer-care/domain';

/** A booking for unit tests: 2026-11-25 10:00–11:00 in Shanghai, waiting for confirmation. */
export function booking(overrides: Partial<TestDriveBooking> = {}): TestDriveBooking {
  return {
    id: 1,
    reference: 'TD8K3Q2M',
    storeId: 1,
    storeName: '云岚汽车广州天河4S店',
    storePhone: '020-12345678',
    storeTimeZone: 'Asia/Shanghai',
    modelId: 10,
    modelName: '岚图 S7',
    startsAt: '2026-11-25T02:00:00.000Z',
    endsAt: '2026-11-25T03:00:00.000Z',
    status: 'requested',
    customerName: '张三',
    mobileMasked: '138****5678',
    licenceMasked: '4401**********123X',
    note: null,
    consentVersion: '2026-01',
    consentAcceptedAt: '2026-11-20T01:00:00.000Z',
    car: null,
    consultant: null,
    proposal: null,
    rescheduleCount: 0,
    closingReason: null,
    allowedActions: [],
    timeline: [],
    createdAt: '2026-11-20T01:00:00.000Z',
    ...overrides,
  };
}

export function car(id: number, plate: string, overrides: Partial<TestDriveCar> = {}): TestDriveCar {
  return { id, storeId: 1, modelId: 10, modelName: '岚图 S7', plate, inService: true, ...overrides };
}
