import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AuditMarks, AuditScore } from '@dealer-care/domain';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';
import { decimalTransformer } from '../../../database/column-types.js';

/** A process audit (过程检核) of one consultant by a manager or a mystery shopper. */
@Entity('process_audits')
@Index('IDX_process_audits_store_audited', ['storeId', 'auditedAt'])
@Index('IDX_process_audits_consultant_audited', ['consultantId', 'auditedAt'])
export class ProcessAuditEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  @Column({ name: 'consultant_id', type: 'int' })
  consultantId: number;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consultant_id' })
  consultant?: Relation<StaffUserEntity>;

  /** Who entered it (a manager, also when typing in a mystery shopper's sheet). */
  @Column({ name: 'auditor_id', type: 'int' })
  auditorId: number;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'auditor_id' })
  auditor?: Relation<StaffUserEntity>;

  @Column({ name: 'auditor_kind', type: 'varchar', length: 16 })
  auditorKind: 'manager' | 'mystery_shopper';

  @Column({ name: 'template_key', type: 'varchar', length: 32 })
  templateKey: string;

  @Column({ name: 'template_version', type: 'int' })
  templateVersion: number;

  @Column({ type: 'simple-json' })
  marks: AuditMarks;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** 0–100, one decimal; null when nothing applicable was marked. */
  @Column({
    name: 'total_score',
    type: 'decimal',
    precision: 4,
    scale: 1,
    nullable: true,
    transformer: decimalTransformer,
  })
  totalScore: number | null;

  @Column({ name: 'step_scores', type: 'simple-json' })
  stepScores: AuditScore['steps'];

  @Column({ name: 'audited_at', type: 'datetime' })
  auditedAt: Date;
}
