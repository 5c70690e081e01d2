import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKeyTo, idColumn, intType, timestampColumns } from './portable-columns.js';

/** Sales orders and their deliveries: events, T-3/T-1 confirmations, handover signatures, store checklists. */
export class Deliveries1764200000000 implements MigrationInterface {
  name = 'Deliveries1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const int = intType(queryRunner);
    const createdAt = (name: string) => ({ ...timestampColumns(queryRunner)[0]!, name });

    await queryRunner.createTable(
      new Table({
        name: 'sales_orders',
        columns: [
          idColumn(queryRunner),
          { name: 'order_no', type: 'varchar', length: '16' },
          { name: 'store_id', type: int },
          { name: 'customer_id', type: int, isNullable: true },
          { name: 'customer_name', type: 'varchar', length: '50' },
          { name: 'customer_mobile', type: 'varchar', length: '20' },
          { name: 'model_id', type: int },
          { name: 'trim_name', type: 'varchar', length: '50' },
          { name: 'colour', type: 'varchar', length: '30' },
          { name: 'vin', type: 'varchar', length: '17', isNullable: true },
          { name: 'consultant_id', type: int },
          { name: 'promised_from', type: 'varchar', length: '10' },
          { name: 'promised_to', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'date_options', type: 'text' },
          { name: 'scheduled_at', type: 'datetime', isNullable: true },
          { name: 'scheduled_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'party_size', type: int, isNullable: true },
          { name: 'customer_note', type: 'varchar', length: '200', isNullable: true },
          { name: 'delay_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'delayed_at', type: 'datetime', isNullable: true },
          { name: 'checklists', type: 'text' },
          { name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'delivered_at', type: 'datetime', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'UQ_sales_orders_order_no', columnNames: ['order_no'], isUnique: true }),
          new TableIndex({ name: 'UQ_sales_orders_vin', columnNames: ['vin'], isUnique: true }),
          new TableIndex({ name: 'IDX_sales_orders_store_status', columnNames: ['store_id', 'status'] }),
          new TableIndex({
            name: 'IDX_sales_orders_store_scheduled',
            columnNames: ['store_id', 'scheduled_date'],
          }),
          new TableIndex({ name: 'IDX_sales_orders_customer', columnNames: ['customer_id'] }),
          new TableIndex({ name: 'IDX_sales_orders_mobile', columnNames: ['customer_mobile'] }),
        ],
        foreignKeys: [
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('customer_id', 'customers', 'RESTRICT'),
          foreignKeyTo('model_id', 'vehicle_models', 'RESTRICT'),
          foreignKeyTo('consultant_id', 'staff_users', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'delivery_events',
        columns: [
          idColumn(queryRunner),
          { name: 'order_id', type: int },
          createdAt('at'),
          { name: 'actor_kind', type: 'varchar', length: '16' },
          { name: 'actor_id', type: int },
          { name: 'actor_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'action', type: 'varchar', length: '24' },
          { name: 'from_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'IDX_delivery_events_order', columnNames: ['order_id'] })],
        foreignKeys: [foreignKeyTo('order_id', 'sales_orders', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'delivery_confirmations',
        columns: [
          idColumn(queryRunner),
          { name: 'order_id', type: int },
          { name: 'stage', type: 'varchar', length: '4' },
          { name: 'scheduled_at', type: 'datetime' },
          { name: 'by_kind', type: 'varchar', length: '16' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'staff_name', type: 'varchar', length: '50', isNullable: true },
          createdAt('at'),
        ],
        indices: [new TableIndex({ name: 'IDX_delivery_confirmations_order', columnNames: ['order_id'] })],
        foreignKeys: [foreignKeyTo('order_id', 'sales_orders', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'delivery_signatures',
        columns: [
          { name: 'order_id', type: int, isPrimary: true },
          { name: 'image', type: 'blob' },
          { name: 'signer_name', type: 'varchar', length: '50' },
          { name: 'signed_at', type: 'datetime' },
        ],
        foreignKeys: [foreignKeyTo('order_id', 'sales_orders', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'delivery_checklist_templates',
        columns: [
          { name: 'store_id', type: int, isPrimary: true },
          { name: 'kind', type: 'varchar', length: '16', isPrimary: true },
          { name: 'items', type: 'text' },
        ],
        foreignKeys: [foreignKeyTo('store_id', 'stores', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'delivery_checklist_templates',
      'delivery_signatures',
      'delivery_confirmations',
      'delivery_events',
      'sales_orders',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
