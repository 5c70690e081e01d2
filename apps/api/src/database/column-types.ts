import type { ValueTransformer } from 'typeorm';

/** Booleans come back from MySQL as 0/1 and from SQLite as 0/1 or booleans; make them booleans. */
export const booleanTransformer: ValueTransformer = {
  to: (value: boolean | undefined) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : Boolean(Number(value))),
};
