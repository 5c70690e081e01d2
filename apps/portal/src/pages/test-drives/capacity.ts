import type { StoreCapacityDay } from '@dealer-care/domain';
import { dayHeader } from './time';

export type CapacityCell =
  | { kind: 'closed' }
  /** Open, but nothing of the model can be booked that day (no car, or today's slots are gone). */
  | { kind: 'none' }
  | { kind: 'open'; capacity: number; held: number; remaining: number };

export interface CapacityColumn {
  date: string;
  header: string;
  open: boolean;
}

export interface CapacityRow {
  modelId: number;
  modelName: string;
  cells: Record<string, CapacityCell>;
}

export interface CapacityMatrix {
  columns: CapacityColumn[];
  rows: CapacityRow[];
}

/** Rows = models (in order of first appearance), columns = days; `today` is marked 今天. */
export function capacityMatrix(days: readonly StoreCapacityDay[], today?: string): CapacityMatrix {
  const columns = [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({
      date: day.date,
      header: day.date === today ? `${dayHeader(day.date).split(' ')[0]} 今天` : dayHeader(day.date),
      open: day.open,
    }));
  const rows = new Map<number, CapacityRow>();
  for (const day of days) {
    for (const model of day.models) {
      if (!rows.has(model.modelId))
        rows.set(model.modelId, { modelId: model.modelId, modelName: model.modelName, cells: {} });
    }
  }
  for (const day of days) {
    for (const row of rows.values()) {
      const model = day.models.find((m) => m.modelId === row.modelId);
      row.cells[day.date] = !day.open
        ? { kind: 'closed' }
        : !model || model.capacity === 0
          ? { kind: 'none' }
          : {
              kind: 'open',
              capacity: model.capacity,
              held: model.held,
              remaining: Math.max(0, model.remaining),
            };
    }
  }
  return { columns, rows: [...rows.values()] };
}

/** "余2/共3", "休息", "无时段". */
export function cellText(cell: CapacityCell): string {
  switch (cell.kind) {
    case 'closed':
      return '休息';
    case 'none':
      return '无时段';
    case 'open':
      return `余${cell.remaining}/共${cell.capacity}`;
  }
}

/** How full a cell is: drives its colour. */
export function cellLevel(cell: CapacityCell): 'closed' | 'none' | 'full' | 'low' | 'free' {
  if (cell.kind !== 'open') return cell.kind;
  if (cell.remaining === 0) return 'full';
  return cell.remaining * 3 <= cell.capacity ? 'low' : 'free';
}
