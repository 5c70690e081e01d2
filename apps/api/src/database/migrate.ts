import type { DataSource } from 'typeorm';

const MIGRATION_LOCK = 'dealer_care_schema_migrations';

/**
 * Runs pending migrations. On MySQL/MariaDB a named lock serialises API processes that
 * start together, so only one of them migrates and the others find nothing pending.
 */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'mysql' && dataSource.options.type !== 'mariadb') {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    const [row] = (await lockRunner.query('SELECT GET_LOCK(?, 120) AS acquired', [MIGRATION_LOCK])) as Array<{
      acquired: number | string | null;
    }>;
    if (Number(row?.acquired) !== 1) throw new Error('Timed out waiting for the schema migration lock');
    try {
      return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
    } finally {
      await lockRunner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await lockRunner.release();
  }
}
