import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { SurveyAnswers, SurveyKind } from '@dealer-care/domain';
import { booleanTransformer } from '../../../database/column-types.js';
import { CustomerEntity } from '../../customers/customer.entity.js';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';
import { SurveyInvitationEntity } from './survey-invitation.entity.js';
import { SurveyTemplateEntity } from './survey-template.entity.js';

/**
 * A completed survey (one per invitation) with its scores, denormalised for the dashboard:
 * store-local date and week, store, consultant.
 */
@Entity('survey_responses')
@Index('UQ_survey_responses_invitation', ['invitationId'], { unique: true })
@Index('IDX_survey_responses_kind_store_date', ['kind', 'storeId', 'localDate'])
@Index('IDX_survey_responses_kind_consultant_date', ['kind', 'consultantId', 'localDate'])
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'invitation_id', type: 'int' })
  invitationId: number;

  @ManyToOne(() => SurveyInvitationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Relation<SurveyInvitationEntity>;

  @Column({ name: 'template_id', type: 'int' })
  templateId: number;

  @ManyToOne(() => SurveyTemplateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: Relation<SurveyTemplateEntity>;

  @Column({ type: 'varchar', length: 24 })
  kind: SurveyKind;

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

  @Column({ name: 'customer_id', type: 'int', nullable: true })
  customerId: number | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity> | null;

  @Column({ name: 'completed_at', type: 'datetime' })
  completedAt: Date;

  /** Store-local "YYYY-MM-DD" of completed_at. */
  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate: string;

  /** Monday of local_date's week, "YYYY-MM-DD". */
  @Column({ name: 'local_week', type: 'varchar', length: 10 })
  localWeek: string;

  /** Whole minutes from sending to completing. */
  @Column({ name: 'minutes_to_answer', type: 'int' })
  minutesToAnswer: number;

  /** The 1,000-point index; null when no weighted factor was scored. */
  @Column({ name: 'index_score', type: 'int', nullable: true })
  indexScore: number | null;

  /** The 0–10 recommend answer. */
  @Column({ type: 'int', nullable: true })
  nps: number | null;

  /** The overall-satisfaction stars. */
  @Column({ type: 'int', nullable: true })
  overall: number | null;

  @Column({ name: 'low_score', type: 'boolean', transformer: booleanTransformer })
  lowScore: boolean;

  @Column({ name: 'low_reasons', type: 'simple-json' })
  lowReasons: string[];

  @Column({ type: 'simple-json' })
  answers: SurveyAnswers;
}
