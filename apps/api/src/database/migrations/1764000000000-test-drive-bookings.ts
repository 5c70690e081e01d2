import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { CONSENT_V1 } from '../../modules/test-drives/consent-v1.js';
import { foreignKeyTo, idColumn, intType, timestampColumns } from './portable-columns.js';

/** Test-drive booking: policies, consents, bookings, the per-car-per-slot capacity guard, events, idempotency. */
export class TestDriveBookings1764000000000 implements MigrationInterface {
  name = 'TestDriveBookings1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const int = intType(queryRunner);
    const policyColumns = [
      'slot_minutes',
      'buffer_minutes',
      'min_notice_minutes',
      'horizon_days',
      'customer_cutoff_minutes',
      'max_reschedules',
      'max_active_per_customer',
      'min_driver_age',
    ];
    await queryRunner.createTable(
      new Table({
        name: 'test_drive_policies',
        columns: [
          { name: 'store_id', type: int, isPrimary: true },
          ...policyColumns.map((name) => ({ name, type: int })),
        ],
        foreignKeys: [foreignKeyTo('store_id', 'stores', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'test_drive_consents',
        columns: [
          { name: 'version', type: 'varchar', length: '32', isPrimary: true },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'body', type: 'text' },
          { name: 'licence_consent_text', type: 'text' },
          { name: 'published_at', type: 'datetime' },
        ],
      }),
    );
    // '?' placeholders and a plain datetime string work the same on MySQL/MariaDB and SQLite.
    await queryRunner.query(
      'INSERT INTO test_drive_consents (version, title, body, licence_consent_text, published_at) VALUES (?, ?, ?, ?, ?)',
      [
        CONSENT_V1.version,
        CONSENT_V1.title,
        CONSENT_V1.body,
        CONSENT_V1.licenceConsentText,
        CONSENT_V1.publishedAt.toISOString().slice(0, 19).replace('T', ' '),
      ],
    );

    await queryRunner.createTable(
      new Table({
        name: 'test_drive_bookings',
        columns: [
          idColumn(queryRunner),
          { name: 'reference', type: 'varchar', length: '16' },
          { name: 'store_id', type: int },
          { name: 'model_id', type: int },
          { name: 'customer_id', type: int },
          { name: 'starts_at', type: 'datetime' },
          { name: 'ends_at', type: 'datetime' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'customer_name', type: 'varchar', length: '50' },
          { name: 'mobile', type: 'varchar', length: '20' },
          { name: 'licence_masked', type: 'varchar', length: '32' },
          { name: 'licence_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'licence_encrypted', type: 'varchar', length: '255', isNullable: true },
          { name: 'licence_purged_at', type: 'datetime', isNullable: true },
          { name: 'consent_version', type: 'varchar', length: '32' },
          { name: 'consent_accepted_at', type: 'datetime' },
          { name: 'licence_consent_at', type: 'datetime' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'car_id', type: int, isNullable: true },
          { name: 'consultant_id', type: int, isNullable: true },
          { name: 'proposal_starts_at', type: 'datetime', isNullable: true },
          { name: 'proposal_ends_at', type: 'datetime', isNullable: true },
          { name: 'proposal_note', type: 'varchar', length: '200', isNullable: true },
          { name: 'proposed_by', type: int, isNullable: true },
          { name: 'proposed_at', type: 'datetime', isNullable: true },
          { name: 'reschedule_count', type: int, default: 0 },
          { name: 'closing_reason', type: 'varchar', length: '200', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_test_drive_bookings_reference',
            columnNames: ['reference'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_test_drive_bookings_store_starts',
            columnNames: ['store_id', 'starts_at'],
          }),
          new TableIndex({
            name: 'IDX_test_drive_bookings_customer_status',
            columnNames: ['customer_id', 'status'],
          }),
        ],
        foreignKeys: [
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('model_id', 'vehicle_models', 'RESTRICT'),
          foreignKeyTo('customer_id', 'customers', 'RESTRICT'),
          foreignKeyTo('car_id', 'test_drive_cars', 'RESTRICT'),
          foreignKeyTo('consultant_id', 'staff_users', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'test_drive_car_holds',
        columns: [
          idColumn(queryRunner),
          { name: 'booking_id', type: int },
          { name: 'car_id', type: int },
          { name: 'slot_start', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'UQ_test_drive_car_holds_car_slot',
            columnNames: ['car_id', 'slot_start'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'UQ_test_drive_car_holds_booking',
            columnNames: ['booking_id'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          foreignKeyTo('booking_id', 'test_drive_bookings', 'CASCADE'),
          foreignKeyTo('car_id', 'test_drive_cars', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'test_drive_booking_events',
        columns: [
          idColumn(queryRunner),
          { name: 'booking_id', type: int },
          { name: 'store_id', type: int },
          timestampColumns(queryRunner)[0]!,
          { name: 'actor_kind', type: 'varchar', length: '16' },
          { name: 'actor_id', type: int, isNullable: true },
          { name: 'actor_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'action', type: 'varchar', length: '24' },
          { name: 'from_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'starts_at', type: 'datetime', isNullable: true },
        ].map((column) => (column.name === 'created_at' ? { ...column, name: 'at' } : column)),
        indices: [
          new TableIndex({ name: 'IDX_test_drive_booking_events_booking', columnNames: ['booking_id'] }),
          new TableIndex({ name: 'IDX_test_drive_booking_events_store_at', columnNames: ['store_id', 'at'] }),
        ],
        foreignKeys: [foreignKeyTo('booking_id', 'test_drive_bookings', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          idColumn(queryRunner),
          { name: 'scope', type: 'varchar', length: '120' },
          { name: 'idempotency_key', type: 'varchar', length: '128' },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'status_code', type: int, isNullable: true },
          { name: 'response_body', type: 'text', isNullable: true },
          timestampColumns(queryRunner)[0]!,
        ],
        indices: [
          new TableIndex({
            name: 'UQ_idempotency_keys_scope_key',
            columnNames: ['scope', 'idempotency_key'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'test_drive_booking_events',
      'test_drive_car_holds',
      'test_drive_bookings',
      'test_drive_consents',
      'test_drive_policies',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
