import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type {
  InvitationHoldReason,
  InvitationStatus,
  SurveyAnswers,
  SurveyEventType,
  SurveyKind,
} from '@dealer-care/domain';
import { TimestampedEntity } from '../../../database/timestamped.entity.js';
import { CustomerEntity } from '../../customers/customer.entity.js';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';
import { SurveyTemplateEntity } from './survey-template.entity.js';

/**
 * One survey owed to one customer for one journey event (a completed test drive, a delivery):
 * created with the event, released by the dispatcher, answered at most once.
 * `next_check_at` is when the dispatcher should look at it again (send, retry, remind or expire);
 * null once it is completed, expired or dropped.
 */
@Entity('survey_invitations')
@Index('UQ_survey_invitations_event', ['eventType', 'eventId'], { unique: true })
@Index('IDX_survey_invitations_status_check', ['status', 'nextCheckAt'])
@Index('IDX_survey_invitations_customer_status', ['customerId', 'status'])
@Index('IDX_survey_invitations_mobile_status', ['customerMobile', 'status'])
@Index('IDX_survey_invitations_store_kind_sent', ['storeId', 'kind', 'sentAt'])
@Index('IDX_survey_invitations_store_kind_send', ['storeId', 'kind', 'sendAt'])
export class SurveyInvitationEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  kind: SurveyKind;

  /** The template version the customer answers (fixed when the invitation is created). */
  @Column({ name: 'template_id', type: 'int' })
  templateId: number;

  @ManyToOne(() => SurveyTemplateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: Relation<SurveyTemplateEntity>;

  @Column({ name: 'event_type', type: 'varchar', length: 24 })
  eventType: SurveyEventType;

  /** The booking id of a test drive, the sales order id of a delivery. */
  @Column({ name: 'event_id', type: 'int' })
  eventId: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  @Column({ name: 'consultant_id', type: 'int', nullable: true })
  consultantId: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'consultant_id' })
  consultant?: Relation<StaffUserEntity> | null;

  /** Null while the order of a delivery is not linked to a WeChat customer; resolved at release. */
  @Column({ name: 'customer_id', type: 'int', nullable: true })
  customerId: number | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity> | null;

  @Column({ name: 'customer_name', type: 'varchar', length: 50 })
  customerName: string;

  @Column({ name: 'customer_mobile', type: 'varchar', length: 20 })
  customerMobile: string;

  /** e.g. "试驾 云岚 星河 · 11月20日 · 星河汽车城店". */
  @Column({ type: 'varchar', length: 120 })
  subject: string;

  @Column({ type: 'varchar', length: 16 })
  status: InvitationStatus;

  @Column({ name: 'hold_reason', type: 'varchar', length: 24, nullable: true })
  holdReason: InvitationHoldReason | null;

  @Column({ name: 'send_at', type: 'datetime' })
  sendAt: Date;

  @Column({ name: 'next_check_at', type: 'datetime', nullable: true })
  nextCheckAt: Date | null;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'reminded_at', type: 'datetime', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'opened_at', type: 'datetime', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'started_at', type: 'datetime', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'completed_at', type: 'datetime', nullable: true })
  completedAt: Date | null;

  /** Set when sent (sent_at + expiryDays). */
  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt: Date | null;

  /** Saved progress, then the final answers (cleaned by the domain's validateAnswers). */
  @Column({ type: 'simple-json' })
  answers: SurveyAnswers;

  @Column({ name: 'answered_count', type: 'int', default: 0 })
  answeredCount: number;

  @Column({ name: 'question_count', type: 'int', default: 0 })
  questionCount: number;
}
