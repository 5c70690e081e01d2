import { QueryFailedError } from 'typeorm';

/** A duplicate-key error from MySQL/MariaDB (1062) or SQLite (SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { errno?: number; code?: string } | undefined;
  return (
    driverError?.errno === 1062 ||
    driverError?.code === 'ER_DUP_ENTRY' ||
    driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driverError?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
