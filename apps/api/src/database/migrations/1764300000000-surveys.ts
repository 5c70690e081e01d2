import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKeyTo, idColumn, intType, timestampColumns } from './portable-columns.js';

/**
 * Satisfaction surveys: versioned templates, invitations, responses and factor scores, low-score
 * cases, process audits. Only tables: the default templates are written by the API when a kind has
 * none yet (a migration with data would freeze today's defaults, and MariaDB cannot roll back DDL).
 */
export class Surveys1764300000000 implements MigrationInterface {
  name = 'Surveys1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const int = intType(queryRunner);
    const createdAt = timestampColumns(queryRunner)[0]!;
    const score = { type: 'decimal', precision: 4, scale: 1 } as const;

    await queryRunner.createTable(
      new Table({
        name: 'survey_templates',
        columns: [
          idColumn(queryRunner),
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'version', type: int },
          { name: 'active', type: 'boolean' },
          { name: 'content', type: 'text' },
          { name: 'created_by_id', type: int, isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'UQ_survey_templates_kind_version',
            columnNames: ['kind', 'version'],
            isUnique: true,
          }),
        ],
        foreignKeys: [foreignKeyTo('created_by_id', 'staff_users', 'SET NULL')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'survey_invitations',
        columns: [
          idColumn(queryRunner),
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'template_id', type: int },
          { name: 'event_type', type: 'varchar', length: '24' },
          { name: 'event_id', type: int },
          { name: 'store_id', type: int },
          { name: 'consultant_id', type: int, isNullable: true },
          { name: 'customer_id', type: int, isNullable: true },
          { name: 'customer_name', type: 'varchar', length: '50' },
          { name: 'customer_mobile', type: 'varchar', length: '20' },
          { name: 'subject', type: 'varchar', length: '120' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'hold_reason', type: 'varchar', length: '24', isNullable: true },
          { name: 'send_at', type: 'datetime' },
          { name: 'next_check_at', type: 'datetime', isNullable: true },
          { name: 'sent_at', type: 'datetime', isNullable: true },
          { name: 'reminded_at', type: 'datetime', isNullable: true },
          { name: 'opened_at', type: 'datetime', isNullable: true },
          { name: 'started_at', type: 'datetime', isNullable: true },
          { name: 'completed_at', type: 'datetime', isNullable: true },
          { name: 'expires_at', type: 'datetime', isNullable: true },
          { name: 'answers', type: 'text' },
          { name: 'answered_count', type: int, default: 0 },
          { name: 'question_count', type: int, default: 0 },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_survey_invitations_event',
            columnNames: ['event_type', 'event_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_survey_invitations_status_check',
            columnNames: ['status', 'next_check_at'],
          }),
          new TableIndex({
            name: 'IDX_survey_invitations_customer_status',
            columnNames: ['customer_id', 'status'],
          }),
          new TableIndex({
            // A customer's pending list also sends the unlinked deliveries under their phone.
            name: 'IDX_survey_invitations_mobile_status',
            columnNames: ['customer_mobile', 'status'],
          }),
          new TableIndex({
            name: 'IDX_survey_invitations_store_kind_sent',
            columnNames: ['store_id', 'kind', 'sent_at'],
          }),
          new TableIndex({
            // The invitation list (newest due first) and the funnel's held / dropped counts.
            name: 'IDX_survey_invitations_store_kind_send',
            columnNames: ['store_id', 'kind', 'send_at'],
          }),
        ],
        foreignKeys: [
          foreignKeyTo('template_id', 'survey_templates', 'RESTRICT'),
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('consultant_id', 'staff_users', 'RESTRICT'),
          foreignKeyTo('customer_id', 'customers', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'survey_responses',
        columns: [
          idColumn(queryRunner),
          { name: 'invitation_id', type: int },
          { name: 'template_id', type: int },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'store_id', type: int },
          { name: 'consultant_id', type: int, isNullable: true },
          { name: 'customer_id', type: int, isNullable: true },
          { name: 'completed_at', type: 'datetime' },
          { name: 'local_date', type: 'varchar', length: '10' },
          { name: 'local_week', type: 'varchar', length: '10' },
          { name: 'minutes_to_answer', type: int },
          { name: 'index_score', type: int, isNullable: true },
          { name: 'nps', type: int, isNullable: true },
          { name: 'overall', type: int, isNullable: true },
          { name: 'low_score', type: 'boolean' },
          { name: 'low_reasons', type: 'text' },
          { name: 'answers', type: 'text' },
        ],
        indices: [
          new TableIndex({
            name: 'UQ_survey_responses_invitation',
            columnNames: ['invitation_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_survey_responses_kind_store_date',
            columnNames: ['kind', 'store_id', 'local_date'],
          }),
          new TableIndex({
            name: 'IDX_survey_responses_kind_consultant_date',
            columnNames: ['kind', 'consultant_id', 'local_date'],
          }),
        ],
        foreignKeys: [
          foreignKeyTo('invitation_id', 'survey_invitations', 'CASCADE'),
          foreignKeyTo('template_id', 'survey_templates', 'RESTRICT'),
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('consultant_id', 'staff_users', 'RESTRICT'),
          foreignKeyTo('customer_id', 'customers', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'survey_factor_scores',
        columns: [
          { name: 'response_id', type: int, isPrimary: true },
          { name: 'factor_key', type: 'varchar', length: '32', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'store_id', type: int },
          { name: 'consultant_id', type: int, isNullable: true },
          { name: 'local_date', type: 'varchar', length: '10' },
          { name: 'score', ...score },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_survey_factor_scores_kind_store_date',
            // Covering: the dashboard's per-factor means read only the index.
            columnNames: ['kind', 'store_id', 'local_date', 'factor_key', 'score'],
          }),
        ],
        foreignKeys: [foreignKeyTo('response_id', 'survey_responses', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'low_score_cases',
        columns: [
          idColumn(queryRunner),
          { name: 'response_id', type: int },
          { name: 'store_id', type: int },
          { name: 'customer_id', type: int, isNullable: true },
          { name: 'owner_id', type: int, isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'opened_at', type: 'datetime' },
          { name: 'due_at', type: 'datetime' },
          { name: 'contacted_at', type: 'datetime', isNullable: true },
          { name: 'resolved_at', type: 'datetime', isNullable: true },
          { name: 'notes', type: 'text' },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_low_score_cases_response',
            columnNames: ['response_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_low_score_cases_store_status', columnNames: ['store_id', 'status'] }),
          new TableIndex({
            name: 'IDX_low_score_cases_customer_status',
            columnNames: ['customer_id', 'status'],
          }),
        ],
        foreignKeys: [
          foreignKeyTo('response_id', 'survey_responses', 'CASCADE'),
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('customer_id', 'customers', 'RESTRICT'),
          foreignKeyTo('owner_id', 'staff_users', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'process_audits',
        columns: [
          idColumn(queryRunner),
          { name: 'store_id', type: int },
          { name: 'consultant_id', type: int },
          { name: 'auditor_id', type: int },
          { name: 'auditor_kind', type: 'varchar', length: '16' },
          { name: 'template_key', type: 'varchar', length: '32' },
          { name: 'template_version', type: int },
          { name: 'marks', type: 'text' },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          { name: 'total_score', ...score, isNullable: true },
          { name: 'step_scores', type: 'text' },
          { name: 'audited_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_process_audits_store_audited',
            columnNames: ['store_id', 'audited_at'],
          }),
          new TableIndex({
            name: 'IDX_process_audits_consultant_audited',
            columnNames: ['consultant_id', 'audited_at'],
          }),
        ],
        foreignKeys: [
          foreignKeyTo('store_id', 'stores', 'RESTRICT'),
          foreignKeyTo('consultant_id', 'staff_users', 'RESTRICT'),
          foreignKeyTo('auditor_id', 'staff_users', 'RESTRICT'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'process_audits',
      'low_score_cases',
      'survey_factor_scores',
      'survey_responses',
      'survey_invitations',
      'survey_templates',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
