import type { StoreCapacityDay } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { capacityMatrix, cellLevel, cellText } from './capacity';

const s7 = { modelId: 10, modelName: '岚图 S7' };
const s9 = { modelId: 11, modelName: '岚图 S9' };

const days: StoreCapacityDay[] = [
  { date: '2026-11-26', open: false, models: [] },
  {
    date: '2026-11-25',
    open: true,
    models: [
      { ...s7, capacity: 3, held: 1, remaining: 2 },
      { ...s9, capacity: 0, held: 0, remaining: 0 },
    ],
  },
  { date: '2026-11-27', open: true, models: [{ ...s9, capacity: 3, held: 3, remaining: 0 }] },
];

describe('capacityMatrix', () => {
  it('puts models in rows and days in columns, in date order', () => {
    const matrix = capacityMatrix(days);
    expect(matrix.columns.map((c) => [c.date, c.header, c.open])).toEqual([
      ['2026-11-25', '11/25 周三', true],
      ['2026-11-26', '11/26 周四', false],
      ['2026-11-27', '11/27 周五', true],
    ]);
    expect(matrix.rows.map((r) => r.modelName)).toEqual(['岚图 S7', '岚图 S9']);
  });

  it('fills every cell: open, closed, or no car of the model', () => {
    const [s7Row, s9Row] = capacityMatrix(days).rows;
    expect(s7Row?.cells).toEqual({
      '2026-11-25': { kind: 'open', capacity: 3, held: 1, remaining: 2 },
      '2026-11-26': { kind: 'closed' },
      '2026-11-27': { kind: 'none' },
    });
    expect(s9Row?.cells['2026-11-25']).toEqual({ kind: 'none' });
    expect(s9Row?.cells['2026-11-27']).toEqual({ kind: 'open', capacity: 3, held: 3, remaining: 0 });
  });

  it('marks today', () => {
    expect(capacityMatrix(days, '2026-11-25').columns.map((c) => c.header)).toEqual([
      '11/25 今天',
      '11/26 周四',
      '11/27 周五',
    ]);
  });

  it('is empty without days', () => {
    expect(capacityMatrix([])).toEqual({ columns: [], rows: [] });
  });
});

describe('cells', () => {
  it('reads 余/共, 休息, 无时段', () => {
    expect(cellText({ kind: 'open', capacity: 3, held: 1, remaining: 2 })).toBe('余2/共3');
    expect(cellText({ kind: 'closed' })).toBe('休息');
    expect(cellText({ kind: 'none' })).toBe('无时段');
  });

  it('grades how full a day is', () => {
    expect(cellLevel({ kind: 'open', capacity: 3, held: 3, remaining: 0 })).toBe('full');
    expect(cellLevel({ kind: 'open', capacity: 9, held: 6, remaining: 3 })).toBe('low');
    expect(cellLevel({ kind: 'open', capacity: 9, held: 5, remaining: 4 })).toBe('free');
    expect(cellLevel({ kind: 'closed' })).toBe('closed');
  });
});
