import type { DataSource } from 'typeorm';
import { isMysql } from './is-mysql.js';

const MIGRATION_LOCK = 'dealer_care_schema_migrations';

/**
 * Runs pending migrations, then `afterwards` (the demo seed), under one lock. On MySQL/MariaDB a
 * named lock serialises API processes that start together, so only one of them migrates and seeds
 * and the others find nothing left to do.
 */
export async function runPendingMigrations<T>(
  dataSource: DataSource,
  afterwards: () => Promise<T>,
): Promise<{ applied: string[]; result: T }> {
  const migrate = async () => {
    const applied = (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
    return { applied, result: await afterwards() };
  };
  if (!isMysql(dataSource)) return migrate();
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    const [row] = (await lockRunner.query('SELECT GET_LOCK(?, 120) AS acquired', [MIGRATION_LOCK])) as Array<{
      acquired: number | string | null;
    }>;
    if (Number(row?.acquired) !== 1) throw new Error('Timed out waiting for the schema migration lock');
    try {
      return await migrate();
    } finally {
      await lockRunner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await lockRunner.release();
  }
}
