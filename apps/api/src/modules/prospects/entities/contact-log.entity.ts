import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { ContactChannel, FollowUpOutcome } from '@dealer-care/domain';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';
import { FollowUpTaskEntity } from '../../follow-ups/entities/follow-up-task.entity.js';
import { ProspectEntity } from './prospect.entity.js';

/** One contact with a prospect (来店/来电/去电 登记), and the task outcome it recorded, if any. */
@Entity('contact_logs')
@Index('IDX_contact_logs_prospect_at', ['prospectId', 'at'])
@Index('IDX_contact_logs_task', ['taskId'])
export class ContactLogEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  @Column({ name: 'prospect_id', type: 'int' })
  prospectId: number;

  @ManyToOne(() => ProspectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prospect_id' })
  prospect?: Relation<ProspectEntity>;

  @Column({ name: 'staff_id', type: 'int', nullable: true })
  staffId: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'staff_id' })
  staff?: Relation<StaffUserEntity> | null;

  @Column({ type: 'varchar', length: 16 })
  channel: ContactChannel;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ name: 'task_id', type: 'int', nullable: true })
  taskId: number | null;

  @ManyToOne(() => FollowUpTaskEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<FollowUpTaskEntity> | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome: FollowUpOutcome | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
