import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { IntentLevel } from '@dealer-care/domain';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { ProspectEntity } from './prospect.entity.js';

/** One assessment of a prospect's intent level (意向级别), kept as history. */
@Entity('intent_changes')
@Index('IDX_intent_changes_prospect_at', ['prospectId', 'at'])
export class IntentChangeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'prospect_id', type: 'int' })
  prospectId: number;

  @ManyToOne(() => ProspectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prospect_id' })
  prospect?: Relation<ProspectEntity>;

  @Column({ type: 'varchar', length: 1 })
  level: IntentLevel;

  @Column({ type: 'varchar', length: 1, nullable: true })
  previous: IntentLevel | null;

  @Column({ name: 'staff_id', type: 'int', nullable: true })
  staffId: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'staff_id' })
  staff?: Relation<StaffUserEntity> | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'datetime' })
  at: Date;
}
