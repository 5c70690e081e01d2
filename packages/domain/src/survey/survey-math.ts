/**
 * Small number helpers shared by the survey and audit rules. Only `roundTo` is exported from the
 * package (the API rounds its SQL aggregates the same way); the rest stay internal.
 */

/**
 * Rounds half away from zero to `decimals` places. The tiny nudge keeps values such as 43.75 or
 * 1.005 that binary floating point stores a hair below the half from rounding down.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor + 1e-9) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Σ(weight × value) / Σ(weight), or null when nothing carries weight. */
export function weightedMean(entries: ReadonlyArray<{ value: number; weight: number }>): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of entries) {
    sum += weight * value;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** "37.5", "60" — a number as people write it, without trailing zeros. */
export function formatNumber(value: number): string {
  return String(roundTo(value, 1));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: a question keyed "constructor" must not read Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
