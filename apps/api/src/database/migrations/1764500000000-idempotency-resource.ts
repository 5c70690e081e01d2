import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { intType } from './portable-columns.js';

/**
 * The record an idempotent request created, written in the same transaction as the record: a retry
 * after the first process died between committing and storing its answer finds it instead of
 * waiting forever on a claim nobody will finish.
 */
export class IdempotencyResource1764500000000 implements MigrationInterface {
  name = 'IdempotencyResource1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'idempotency_keys',
      new TableColumn({ name: 'resource_id', type: intType(queryRunner), isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('idempotency_keys', 'resource_id');
  }
}
