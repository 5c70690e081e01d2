import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKeyTo, idColumn, intType, timestampColumns } from './portable-columns.js';

/** The outbox of messages owed to customers (sent by the notifications feature). */
export class NotificationOutbox1764100000000 implements MigrationInterface {
  name = 'NotificationOutbox1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const int = intType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notification_outbox',
        columns: [
          idColumn(queryRunner),
          { name: 'customer_id', type: int },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'subject_type', type: 'varchar', length: '24' },
          { name: 'subject_id', type: int },
          { name: 'page', type: 'varchar', length: '200' },
          { name: 'data', type: 'text' },
          { name: 'status', type: 'varchar', length: '16', default: "'queued'" },
          { name: 'attempts', type: int, default: 0 },
          { name: 'next_attempt_at', type: 'datetime' },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'sent_at', type: 'datetime', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_notification_outbox_status_due',
            columnNames: ['status', 'next_attempt_at'],
          }),
          new TableIndex({
            name: 'IDX_notification_outbox_subject',
            columnNames: ['subject_type', 'subject_id'],
          }),
          new TableIndex({ name: 'IDX_notification_outbox_customer', columnNames: ['customer_id'] }),
        ],
        foreignKeys: [foreignKeyTo('customer_id', 'customers', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_outbox');
  }
}
