import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type {
  FollowUpAssignee,
  FollowUpOutcome,
  FollowUpSourceType,
  FollowUpTaskKind,
  FollowUpTaskStatus,
} from '@dealer-care/domain';
import { TimestampedEntity } from '../../../database/timestamped.entity.js';
import { CustomerEntity } from '../../customers/customer.entity.js';
import { ProspectEntity } from '../../prospects/entities/prospect.entity.js';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';

/** A promised contact with a deadline (回访任务), planned by the domain's follow-up rules. */
@Entity('follow_up_tasks')
@Index('IDX_follow_up_tasks_store_status_due', ['storeId', 'status', 'dueAt'])
@Index('IDX_follow_up_tasks_assignee_status_due', ['assigneeId', 'status', 'dueAt'])
@Index('IDX_follow_up_tasks_source', ['sourceType', 'sourceId'])
@Index('IDX_follow_up_tasks_prospect', ['prospectId'])
@Index('IDX_follow_up_tasks_customer', ['customerId'])
export class FollowUpTaskEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  @Column({ name: 'prospect_id', type: 'int', nullable: true })
  prospectId: number | null;

  @ManyToOne(() => ProspectEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'prospect_id' })
  prospect?: Relation<ProspectEntity> | null;

  @Column({ name: 'customer_id', type: 'int', nullable: true })
  customerId: number | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity> | null;

  @Column({ type: 'varchar', length: 32 })
  kind: FollowUpTaskKind;

  @Column({ name: 'assignee_role', type: 'varchar', length: 16 })
  assigneeRole: FollowUpAssignee;

  /** Null: the store's pool for that role (a manager assigns it). */
  @Column({ name: 'assignee_id', type: 'int', nullable: true })
  assigneeId: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<StaffUserEntity> | null;

  @Column({ name: 'source_type', type: 'varchar', length: 24 })
  sourceType: FollowUpSourceType;

  @Column({ name: 'source_id', type: 'int' })
  sourceId: number;

  @Column({ type: 'varchar', length: 16 })
  status: FollowUpTaskStatus;

  @Column({ name: 'due_at', type: 'datetime' })
  dueAt: Date;

  @Column({ name: 'window_start', type: 'datetime', nullable: true })
  windowStart: Date | null;

  @Column({ name: 'escalated_at', type: 'datetime', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome: FollowUpOutcome | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'completed_at', type: 'datetime', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by_id', type: 'int', nullable: true })
  completedById: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'completed_by_id' })
  completedBy?: Relation<StaffUserEntity> | null;
}
