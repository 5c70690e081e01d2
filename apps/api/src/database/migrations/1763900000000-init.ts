import { Table, TableIndex, TableUnique, type MigrationInterface, type QueryRunner } from 'typeorm';
import { booleanColumn, foreignKeyTo, idColumn, intType, timestampColumns } from './portable-columns.js';

/** Foundation schema: stores and their hours, models, test-drive cars, staff, customers. */
export class Init1763900000000 implements MigrationInterface {
  name = 'Init1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const int = intType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'stores',
        columns: [
          idColumn(queryRunner),
          { name: 'code', type: 'varchar', length: '32' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'city', type: 'varchar', length: '50' },
          { name: 'address', type: 'varchar', length: '255' },
          { name: 'phone', type: 'varchar', length: '32' },
          { name: 'latitude', type: 'double' },
          { name: 'longitude', type: 'double' },
          { name: 'time_zone', type: 'varchar', length: '64', default: "'Asia/Shanghai'" },
          ...timestampColumns(queryRunner),
        ],
        indices: [new TableIndex({ name: 'UQ_stores_code', columnNames: ['code'], isUnique: true })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'store_opening_periods',
        columns: [
          idColumn(queryRunner),
          { name: 'store_id', type: int },
          { name: 'weekday', type: 'smallint' },
          { name: 'opens', type: 'varchar', length: '5' },
          { name: 'closes', type: 'varchar', length: '5' },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_store_opening_periods_store_weekday',
            columnNames: ['store_id', 'weekday'],
          }),
        ],
        foreignKeys: [foreignKeyTo('store_id', 'stores', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'store_closed_dates',
        columns: [
          idColumn(queryRunner),
          { name: 'store_id', type: int },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'reason', type: 'varchar', length: '100', isNullable: true },
        ],
        uniques: [
          new TableUnique({ name: 'UQ_store_closed_dates_store_date', columnNames: ['store_id', 'date'] }),
        ],
        foreignKeys: [foreignKeyTo('store_id', 'stores', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'vehicle_models',
        columns: [
          idColumn(queryRunner),
          { name: 'code', type: 'varchar', length: '32' },
          { name: 'brand', type: 'varchar', length: '50' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'body_type', type: 'varchar', length: '16' },
          { name: 'energy_type', type: 'varchar', length: '16' },
          { name: 'seats', type: 'smallint' },
          { name: 'price_from_fen', type: int },
          { name: 'image_url', type: 'varchar', length: '500', isNullable: true },
          booleanColumn('active', true),
          { name: 'sort_order', type: int, default: 0 },
          ...timestampColumns(queryRunner),
        ],
        indices: [new TableIndex({ name: 'UQ_vehicle_models_code', columnNames: ['code'], isUnique: true })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'test_drive_cars',
        columns: [
          idColumn(queryRunner),
          { name: 'store_id', type: int },
          { name: 'model_id', type: int },
          { name: 'plate', type: 'varchar', length: '16' },
          booleanColumn('in_service', true),
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'UQ_test_drive_cars_plate', columnNames: ['plate'], isUnique: true }),
          new TableIndex({ name: 'IDX_test_drive_cars_store_model', columnNames: ['store_id', 'model_id'] }),
        ],
        foreignKeys: [
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('model_id', 'vehicle_models', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'staff_users',
        columns: [
          idColumn(queryRunner),
          { name: 'username', type: 'varchar', length: '64' },
          { name: 'display_name', type: 'varchar', length: '50' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'store_id', type: int, isNullable: true },
          { name: 'mobile', type: 'varchar', length: '20', isNullable: true },
          booleanColumn('active', true),
          { name: 'last_login_at', type: 'datetime', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'UQ_staff_users_username', columnNames: ['username'], isUnique: true }),
        ],
        foreignKeys: [foreignKeyTo('store_id', 'stores', 'RESTRICT')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'customers',
        columns: [
          idColumn(queryRunner),
          { name: 'openid', type: 'varchar', length: '64' },
          { name: 'unionid', type: 'varchar', length: '64', isNullable: true },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          { name: 'nickname', type: 'varchar', length: '50', isNullable: true },
          { name: 'last_login_at', type: 'datetime', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'UQ_customers_openid', columnNames: ['openid'], isUnique: true }),
          new TableIndex({ name: 'IDX_customers_unionid', columnNames: ['unionid'] }),
          new TableIndex({ name: 'IDX_customers_phone', columnNames: ['phone'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'customers',
      'staff_users',
      'test_drive_cars',
      'vehicle_models',
      'store_closed_dates',
      'store_opening_periods',
      'stores',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
