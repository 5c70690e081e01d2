import { describe, expect, it } from 'vitest';
import {
  carsBusyDuring,
  countByStatus,
  defaultCarId,
  eligibleCars,
  filterByStatus,
  groupBySlot,
  isStatusFilter,
  toDayRows,
} from './day-view';
import { booking, car } from './fixtures';

const at10 = { startsAt: '2026-11-25T02:00:00.000Z', endsAt: '2026-11-25T03:00:00.000Z' };
const at1115 = { startsAt: '2026-11-25T03:15:00.000Z', endsAt: '2026-11-25T04:15:00.000Z' };

describe('groupBySlot', () => {
  it('groups by slot in time order, open bookings first within a slot', () => {
    const groups = groupBySlot(
      [
        booking({ id: 1, ...at1115 }),
        booking({ id: 2, ...at10, status: 'cancelled' }),
        booking({ id: 3, ...at10, status: 'confirmed' }),
        booking({ id: 4, ...at10, status: 'requested' }),
      ],
      'Asia/Shanghai',
    );
    expect(groups.map((g) => [g.label, g.bookings.map((b) => b.id)])).toEqual([
      ['10:00–11:00', [4, 3, 2]],
      ['11:15–12:15', [1]],
    ]);
  });

  it('treats equal instants written differently as one slot', () => {
    const groups = groupBySlot(
      [
        booking({ id: 1, ...at10 }),
        booking({ id: 2, startsAt: '2026-11-25T10:00:00+08:00', endsAt: at10.endsAt }),
      ],
      'Asia/Shanghai',
    );
    expect(groups).toHaveLength(1);
  });

  it('labels slots in the store’s zone', () => {
    expect(groupBySlot([booking(at10)], 'Asia/Tokyo')[0]?.label).toBe('11:00–12:00');
  });

  it('is empty for an empty day', () => {
    expect(groupBySlot([], 'Asia/Shanghai')).toEqual([]);
  });
});

describe('toDayRows', () => {
  it('spans the slot cell over the slot’s bookings', () => {
    const rows = toDayRows(
      groupBySlot(
        [booking({ id: 1, ...at10 }), booking({ id: 2, ...at10 }), booking({ id: 3, ...at1115 })],
        'Asia/Shanghai',
      ),
    );
    expect(rows.map((r) => [r.key, r.slotLabel, r.slotRowSpan])).toEqual([
      [1, '10:00–11:00', 2],
      [2, '10:00–11:00', 0],
      [3, '11:15–12:15', 1],
    ]);
  });
});

describe('status filter', () => {
  const day = [
    booking({ id: 1, status: 'requested' }),
    booking({ id: 2, status: 'requested' }),
    booking({ id: 3, status: 'confirmed' }),
  ];

  it('recognises all and each status only', () => {
    expect(isStatusFilter('all')).toBe(true);
    expect(isStatusFilter('no_show')).toBe(true);
    expect(isStatusFilter('bogus')).toBe(false);
    expect(isStatusFilter(null)).toBe(false);
  });

  it('filters and counts', () => {
    expect(filterByStatus(day, 'all').map((b) => b.id)).toEqual([1, 2, 3]);
    expect(filterByStatus(day, 'confirmed').map((b) => b.id)).toEqual([3]);
    expect(countByStatus(day)).toMatchObject({ all: 3, requested: 2, confirmed: 1, cancelled: 0 });
  });
});

describe('cars for confirmation', () => {
  const cars = [
    car(1, '粤A·S5002'),
    car(2, '粤A·S5001'),
    car(3, '粤A·S5003', { inService: false }),
    car(4, '粤A·S6001', { modelId: 11, modelName: '岚图 S9' }),
  ];

  it('offers the in-service cars of the booking’s model, by plate', () => {
    expect(eligibleCars(cars, { modelId: 10 }).map((c) => c.id)).toEqual([2, 1]);
    expect(eligibleCars(cars, { modelId: 12 })).toEqual([]);
  });

  it('preselects the car the booking holds, else the first free one', () => {
    const eligible = eligibleCars(cars, { modelId: 10 });
    expect(defaultCarId(eligible, { car: { id: 1, plate: '粤A·S5002' } })).toBe(1);
    expect(defaultCarId(eligible, { car: { id: 1, plate: '粤A·S5002' } }, new Set([1]))).toBe(1);
    expect(defaultCarId(eligible, { car: null })).toBe(2);
    expect(defaultCarId(eligible, { car: null }, new Set([2]))).toBe(1);
    expect(defaultCarId(eligible, { car: null }, new Set([1, 2]))).toBeUndefined();
    // A held car that is no longer eligible (out of service) is not kept.
    expect(defaultCarId(eligible, { car: { id: 3, plate: '粤A·S5003' } })).toBe(2);
    expect(defaultCarId([], { car: null })).toBeUndefined();
  });

  it('knows which cars other car-holding bookings take in the slot', () => {
    const me = booking({ id: 1, ...at10, car: { id: 1, plate: 'x' } });
    const day = [
      me,
      booking({ id: 2, ...at10, status: 'confirmed', car: { id: 2, plate: 'y' } }),
      booking({ id: 3, ...at10, status: 'cancelled', car: { id: 5, plate: 'z' } }),
      booking({ id: 4, ...at1115, status: 'confirmed', car: { id: 6, plate: 'w' } }),
      booking({
        id: 5,
        startsAt: '2026-11-25T02:30:00.000Z',
        endsAt: '2026-11-25T03:30:00.000Z',
        status: 'requested',
        car: { id: 7, plate: 'v' },
      }),
    ];
    expect([...carsBusyDuring(me, day)].sort()).toEqual([2, 7]);
  });
});
