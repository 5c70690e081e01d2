import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** TypeORM options for the configured database. Schema changes only ever come from migrations. */
export function buildDataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  } as const;

  if (config.database.kind === 'mysql') {
    return {
      ...common,
      type: config.database.flavor,
      url: config.database.url,
      charset: 'utf8mb4_unicode_ci',
      // Times are UTC in the database; stores' local times are computed from their time zone.
      timezone: 'Z',
      poolSize: config.database.poolSize,
      extra: { connectTimeout: 10_000 },
    };
  }
  mkdirSync(dirname(config.database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.path,
    // WAL lets readers run while one writer commits; busy_timeout waits instead of failing at once.
    enableWAL: true,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}
