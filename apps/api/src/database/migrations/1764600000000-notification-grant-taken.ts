import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * When a message's subscription grant was used for a send whose outcome is not yet recorded: a
 * process that dies in that window leaves the mark, and whoever runs the message again knows the
 * grant went with the first send and must not take a second one.
 */
export class NotificationGrantTaken1764600000000 implements MigrationInterface {
  name = 'NotificationGrantTaken1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'notification_outbox',
      new TableColumn({ name: 'grant_taken_at', type: 'datetime', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('notification_outbox', 'grant_taken_at');
  }
}
