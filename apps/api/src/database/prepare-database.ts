import type { INestApplication, LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { PasswordHasher } from '../modules/auth/password-hasher.js';
import { runPendingMigrations } from './migrate.js';
import { seedDemoData, type SeedResult } from './seed/seed-demo-data.js';

/** Migrates, then seeds the demo group on an empty database when enabled. */
export async function prepareDatabase(
  app: INestApplication,
  config: AppConfig,
  logger: Pick<LoggerService, 'log'>,
): Promise<SeedResult | null> {
  const dataSource = app.get(DataSource);
  const hasher = app.get(PasswordHasher);
  const { applied, result } = await runPendingMigrations(dataSource, () =>
    config.seedDemoData
      ? seedDemoData(dataSource, (password) => hasher.hash(password))
      : Promise.resolve(null),
  );
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  return result;
}
