import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type {
  NotificationData,
  NotificationKind,
  NotificationStatus,
  NotificationSubjectType,
} from '@dealer-care/domain';
import { TimestampedEntity } from '../../database/timestamped.entity.js';
import { CustomerEntity } from '../customers/customer.entity.js';

/**
 * A message owed to a customer, written in the same transaction as the change it tells of.
 * The sender claims queued rows whose next_attempt_at has come.
 */
@Entity('notification_outbox')
@Index('IDX_notification_outbox_status_due', ['status', 'nextAttemptAt'])
@Index('IDX_notification_outbox_subject', ['subjectType', 'subjectId'])
@Index('IDX_notification_outbox_customer', ['customerId'])
@Index('IDX_notification_outbox_store_status', ['storeId', 'status'])
export class NotificationOutboxEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'customer_id', type: 'int' })
  customerId: number;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity>;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ name: 'subject_type', type: 'varchar', length: 24 })
  subjectType: NotificationSubjectType;

  @Column({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ type: 'varchar', length: 200 })
  page: string;

  @Column({ type: 'simple-json' })
  data: NotificationData;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt: Date | null;

  /**
   * Set while a send holds one of the customer's grants and its outcome is not recorded. Still set
   * when the message runs again means the sender died mid-send: WeChat may have delivered it.
   */
  @Column({ name: 'grant_taken_at', type: 'datetime', nullable: true })
  grantTakenAt: Date | null;

  /** The store the message speaks for (its staff see its fate); null on rows older than the column. */
  @Column({ name: 'store_id', type: 'int', nullable: true })
  storeId: number | null;

  /** The phone task that replaced a message the customer could not receive. */
  @Column({ name: 'fallback_task_id', type: 'int', nullable: true })
  fallbackTaskId: number | null;
}
