import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKeyTo, idColumn, intType, timestampColumns } from './portable-columns.js';

/**
 * The follow-up engine: the durable job queue, prospects with their contacts and intent history
 * (the customer card), follow-up tasks, WeChat subscription grants, and the outbox columns the
 * sender needs (the store a message belongs to, and the phone task that replaced it).
 */
export class FollowUps1764400000000 implements MigrationInterface {
  name = 'FollowUps1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const int = intType(queryRunner);
    const createdAt = timestampColumns(queryRunner)[0]!;

    await queryRunner.createTable(
      new Table({
        name: 'jobs',
        columns: [
          idColumn(queryRunner),
          { name: 'kind', type: 'varchar', length: '60' },
          { name: 'unique_key', type: 'varchar', length: '120', isNullable: true },
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'run_at', type: 'datetime' },
          { name: 'interval_ms', type: int, isNullable: true },
          { name: 'attempts', type: int, default: 0 },
          { name: 'max_attempts', type: int, default: 8 },
          { name: 'locked_by', type: 'varchar', length: '80', isNullable: true },
          { name: 'locked_until', type: 'datetime', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'finished_at', type: 'datetime', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'UQ_jobs_unique_key', columnNames: ['unique_key'], isUnique: true }),
          new TableIndex({ name: 'IDX_jobs_status_run_at', columnNames: ['status', 'run_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'prospects',
        columns: [
          idColumn(queryRunner),
          { name: 'store_id', type: int },
          { name: 'customer_id', type: int, isNullable: true },
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'phone', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '8' },
          { name: 'intent_level', type: 'varchar', length: '1', isNullable: true },
          { name: 'style', type: 'varchar', length: '16', isNullable: true },
          { name: 'style_note', type: 'varchar', length: '200', isNullable: true },
          { name: 'consultant_id', type: int, isNullable: true },
          { name: 'lost_category', type: 'varchar', length: '16', isNullable: true },
          { name: 'lost_note', type: 'varchar', length: '200', isNullable: true },
          { name: 'lost_at', type: 'datetime', isNullable: true },
          { name: 'last_contact_at', type: 'datetime', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_prospects_store_phone',
            columnNames: ['store_id', 'phone'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_prospects_store_status', columnNames: ['store_id', 'status'] }),
          new TableIndex({ name: 'IDX_prospects_customer', columnNames: ['customer_id'] }),
          new TableIndex({ name: 'IDX_prospects_consultant', columnNames: ['consultant_id'] }),
        ],
        foreignKeys: [
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('customer_id', 'customers', 'SET NULL'),
          foreignKeyTo('consultant_id', 'staff_users', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'follow_up_tasks',
        columns: [
          idColumn(queryRunner),
          { name: 'store_id', type: int },
          { name: 'prospect_id', type: int, isNullable: true },
          { name: 'customer_id', type: int, isNullable: true },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'assignee_role', type: 'varchar', length: '16' },
          { name: 'assignee_id', type: int, isNullable: true },
          { name: 'source_type', type: 'varchar', length: '24' },
          { name: 'source_id', type: int },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'due_at', type: 'datetime' },
          { name: 'window_start', type: 'datetime', isNullable: true },
          { name: 'escalated_at', type: 'datetime', isNullable: true },
          { name: 'attempts', type: int, default: 0 },
          { name: 'outcome', type: 'varchar', length: '24', isNullable: true },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          { name: 'completed_at', type: 'datetime', isNullable: true },
          { name: 'completed_by_id', type: int, isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_follow_up_tasks_store_status_due',
            columnNames: ['store_id', 'status', 'due_at'],
          }),
          new TableIndex({
            name: 'IDX_follow_up_tasks_assignee_status_due',
            columnNames: ['assignee_id', 'status', 'due_at'],
          }),
          new TableIndex({
            name: 'IDX_follow_up_tasks_source',
            columnNames: ['source_type', 'source_id'],
          }),
          new TableIndex({ name: 'IDX_follow_up_tasks_prospect', columnNames: ['prospect_id'] }),
          new TableIndex({ name: 'IDX_follow_up_tasks_customer', columnNames: ['customer_id'] }),
        ],
        foreignKeys: [
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('prospect_id', 'prospects', 'SET NULL'),
          foreignKeyTo('customer_id', 'customers', 'SET NULL'),
          foreignKeyTo('assignee_id', 'staff_users', 'SET NULL'),
          foreignKeyTo('completed_by_id', 'staff_users', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'contact_logs',
        columns: [
          idColumn(queryRunner),
          { name: 'store_id', type: int },
          { name: 'prospect_id', type: int },
          { name: 'staff_id', type: int, isNullable: true },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'at', type: 'datetime' },
          { name: 'note', type: 'varchar', length: '500' },
          { name: 'task_id', type: int, isNullable: true },
          { name: 'outcome', type: 'varchar', length: '24', isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({ name: 'IDX_contact_logs_prospect_at', columnNames: ['prospect_id', 'at'] }),
          new TableIndex({ name: 'IDX_contact_logs_task', columnNames: ['task_id'] }),
        ],
        foreignKeys: [
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('prospect_id', 'prospects', 'CASCADE'),
          foreignKeyTo('staff_id', 'staff_users', 'SET NULL'),
          foreignKeyTo('task_id', 'follow_up_tasks', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'intent_changes',
        columns: [
          idColumn(queryRunner),
          { name: 'prospect_id', type: int },
          { name: 'level', type: 'varchar', length: '1' },
          { name: 'previous', type: 'varchar', length: '1', isNullable: true },
          { name: 'staff_id', type: int, isNullable: true },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'IDX_intent_changes_prospect_at', columnNames: ['prospect_id', 'at'] }),
        ],
        foreignKeys: [
          foreignKeyTo('prospect_id', 'prospects', 'CASCADE'),
          foreignKeyTo('staff_id', 'staff_users', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'wechat_subscriptions',
        columns: [
          idColumn(queryRunner),
          { name: 'customer_id', type: int },
          { name: 'template_id', type: 'varchar', length: '64' },
          { name: 'remaining', type: int, default: 0 },
          { name: 'last_choice', type: 'varchar', length: '8' },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_wechat_subscriptions_customer_template',
            columnNames: ['customer_id', 'template_id'],
            isUnique: true,
          }),
        ],
        foreignKeys: [foreignKeyTo('customer_id', 'customers', 'CASCADE')],
      }),
    );

    await queryRunner.addColumns('notification_outbox', [
      new TableColumn({ name: 'store_id', type: int, isNullable: true }),
      new TableColumn({ name: 'fallback_task_id', type: int, isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'notification_outbox',
      new TableIndex({ name: 'IDX_notification_outbox_store_status', columnNames: ['store_id', 'status'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notification_outbox', 'IDX_notification_outbox_store_status');
    await queryRunner.dropColumn('notification_outbox', 'fallback_task_id');
    await queryRunner.dropColumn('notification_outbox', 'store_id');
    for (const table of [
      'wechat_subscriptions',
      'intent_changes',
      'contact_logs',
      'follow_up_tasks',
      'prospects',
      'jobs',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
