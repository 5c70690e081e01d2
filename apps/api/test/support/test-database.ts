import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

/** Which real database the integration suite runs on: TEST_DATABASE=sqlite (default) or mariadb. */
export type TestDatabaseKind = 'sqlite' | 'mariadb';

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.TEST_DATABASE ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'mariadb')
    throw new Error(`TEST_DATABASE must be sqlite or mariadb, got ${kind}`);
  return kind;
}

export interface TestDatabase {
  kind: TestDatabaseKind;
  /** Environment for loadConfig: DATABASE_URL or SQLITE_PATH. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, empty database per test file: a new MariaDB schema or a new SQLite file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dealer-care-test-'));
    return {
      kind: 'sqlite',
      env: { SQLITE_PATH: join(dir, 'test.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = (process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306').replace(
    /\/[^/]*$/,
    (tail) => (tail.includes(':') ? tail : ''),
  );
  const name = `dc_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(serverUrl);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  return {
    kind: 'mariadb',
    env: { DATABASE_URL: `${serverUrl.replace(/\/+$/, '').replace(/^mysql:/, 'mariadb:')}/${name}` },
    drop: async () => {
      const conn = await mysql.createConnection(serverUrl);
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
