import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

describe(`schema (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has applied every migration', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
  });

  it('leaves no difference between the migrated schema and the entities', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    const statements = pending.upQueries.map((query) => query.query);
    expect(statements).toEqual([]);
  });

  it('reverts every migration and re-applies them cleanly', async () => {
    const migrations = t.dataSource.migrations.length;
    for (let i = 0; i < migrations; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const runner = t.dataSource.createQueryRunner();
    try {
      expect(await runner.hasTable('stores')).toBe(false);
      expect(await runner.hasTable('customers')).toBe(false);
    } finally {
      await runner.release();
    }
    await t.dataSource.runMigrations({ transaction: 'each' });
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
