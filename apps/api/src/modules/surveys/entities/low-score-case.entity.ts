import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { CaseStatus } from '@dealer-care/domain';
import { TimestampedEntity } from '../../../database/timestamped.entity.js';
import { CustomerEntity } from '../../customers/customer.entity.js';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';
import { SurveyResponseEntity } from './survey-response.entity.js';

export interface CaseNote {
  at: string;
  byId: number;
  byName: string;
  status: CaseStatus;
  note: string;
}

/**
 * A callback owed after a low score (客户回访): open → contacted → resolved, with an owner and a
 * due time. While not resolved it also holds back further surveys to the customer.
 */
@Entity('low_score_cases')
@Index('UQ_low_score_cases_response', ['responseId'], { unique: true })
@Index('IDX_low_score_cases_store_status', ['storeId', 'status'])
@Index('IDX_low_score_cases_customer_status', ['customerId', 'status'])
export class LowScoreCaseEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'response_id', type: 'int' })
  responseId: number;

  @ManyToOne(() => SurveyResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: Relation<SurveyResponseEntity>;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  /** The customer who complained (for the contact budget: no survey while a case is open). */
  @Column({ name: 'customer_id', type: 'int', nullable: true })
  customerId: number | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity> | null;

  @Column({ name: 'owner_id', type: 'int', nullable: true })
  ownerId: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<StaffUserEntity> | null;

  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Column({ name: 'opened_at', type: 'datetime' })
  openedAt: Date;

  @Column({ name: 'due_at', type: 'datetime' })
  dueAt: Date;

  @Column({ name: 'contacted_at', type: 'datetime', nullable: true })
  contactedAt: Date | null;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'simple-json' })
  notes: CaseNote[];
}
