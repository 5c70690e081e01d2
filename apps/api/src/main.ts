import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { prepareDatabase } from './database/prepare-database.js';

function readConfig(): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One clear line, then stop: a half-configured API must not serve anything.
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const app = await createApp(config);
  const logger = new Logger('Main');
  const seed = await prepareDatabase(app, config, logger);
  await app.listen({ port: config.port, host: config.host });

  const base = config.publicUrl;
  const database = config.database.kind === 'mysql' ? 'MySQL/MariaDB' : `SQLite (${config.database.path})`;
  const lines = [
    '',
    `Dealer Care is running on ${database}`,
    `  客户小程序 (H5):  ${base}/m/`,
    `  顾问工作台:       ${base}/portal/`,
    `  API 文档:         ${base}/api/docs`,
    `  健康检查:         ${base}/api/health`,
  ];
  if (seed?.seeded) {
    lines.push('', `Demo data seeded. Staff accounts (password for all: ${seed.password}):`);
    for (const account of seed.accounts)
      lines.push(`  ${account.username.padEnd(12)} ${account.role.padEnd(11)} ${account.displayName}`);
  }
  if (config.devLoginEnabled)
    lines.push('', 'AUTH_DEV_LOGIN=true: customers can use the development login in the H5 mini-program.');
  process.stdout.write(`${lines.join('\n')}\n\n`);

  // On SIGTERM/SIGINT: stop accepting, finish what was acknowledged, close the pool, exit 0.
  const shutdown = (signal: NodeJS.Signals) => {
    logger.log(`${signal} received: finishing requests in flight, then stopping`);
    const force = setTimeout(() => {
      process.stderr.write('Shutdown took longer than 25 s; exiting anyway\n');
      process.exit(1);
    }, 25_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
