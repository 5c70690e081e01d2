import type { DataSource } from 'typeorm';

/**
 * Whether a connection talks to MySQL/MariaDB rather than the embedded SQLite: the one test behind
 * every dialect difference (locking reads, column types, the migration lock).
 */
export function isMysql(dataSource: Pick<DataSource, 'options'>): boolean {
  const type = dataSource.options.type;
  return type === 'mysql' || type === 'mariadb';
}
