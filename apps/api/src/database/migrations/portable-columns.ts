import { TableForeignKey, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { isMysql as isMysqlConnection } from '../is-mysql.js';

/**
 * Column definitions that differ between MySQL/MariaDB and SQLite, written once so every
 * migration produces exactly the schema TypeORM derives from the entities on both.
 */
function isMysql(queryRunner: QueryRunner): boolean {
  return isMysqlConnection(queryRunner.connection);
}

/** TypeORM maps an entity's `int` to `integer` on SQLite (which only auto-increments an INTEGER PRIMARY KEY). */
export function intType(queryRunner: QueryRunner): 'int' | 'integer' {
  return isMysql(queryRunner) ? 'int' : 'integer';
}

export function idColumn(queryRunner: QueryRunner): TableColumnOptions {
  return {
    name: 'id',
    type: intType(queryRunner),
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  };
}

export function timestampColumns(queryRunner: QueryRunner): TableColumnOptions[] {
  if (isMysql(queryRunner)) {
    return [
      { name: 'created_at', type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)' },
      {
        name: 'updated_at',
        type: 'datetime',
        precision: 6,
        default: 'CURRENT_TIMESTAMP(6)',
        onUpdate: 'CURRENT_TIMESTAMP(6)',
      },
    ];
  }
  return [
    { name: 'created_at', type: 'datetime', default: "datetime('now')" },
    { name: 'updated_at', type: 'datetime', default: "datetime('now')" },
  ];
}

/** Booleans: tinyint on MySQL (TypeORM's mapping of `boolean`), boolean on SQLite. */
export function booleanColumn(name: string, defaultValue: boolean): TableColumnOptions {
  return { name, type: 'boolean', default: defaultValue ? 1 : 0 };
}

/**
 * A foreign key to `<table>.id`. ON UPDATE NO ACTION is spelled out because that is what the
 * entities declare, and both databases otherwise report a different default.
 */
export function foreignKeyTo(
  column: string,
  table: string,
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL',
): TableForeignKey {
  return new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
    onUpdate: 'NO ACTION',
  });
}
