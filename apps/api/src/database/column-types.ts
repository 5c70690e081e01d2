import type { ValueTransformer } from 'typeorm';

/** Booleans come back from MySQL as 0/1 and from SQLite as 0/1 or booleans; make them booleans. */
export const booleanTransformer: ValueTransformer = {
  to: (value: boolean | undefined) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : Boolean(Number(value))),
};

/** DECIMAL comes back from MySQL/MariaDB as a string and from SQLite as a number; make it a number. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: unknown) => (value === null || value === undefined ? null : Number(value)),
};
