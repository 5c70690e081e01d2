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
import type { SurveyKind, SurveyTemplateContent } from '@dealer-care/domain';
import { booleanTransformer } from '../../../database/column-types.js';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';

/**
 * One version of a survey template. A saved change is a new row (version + 1) that becomes the
 * active one of its kind; rows are never updated except for the `active` flag, so an answered
 * version never changes.
 */
@Entity('survey_templates')
@Index('UQ_survey_templates_kind_version', ['kind', 'version'], { unique: true })
export class SurveyTemplateEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  kind: SurveyKind;

  @Column({ type: 'int' })
  version: number;

  /** The version new invitations of the kind use (one per kind). */
  @Column({ type: 'boolean', transformer: booleanTransformer })
  active: boolean;

  @Column({ type: 'simple-json' })
  content: SurveyTemplateContent;

  /** Null for the built-in defaults. */
  @Column({ name: 'created_by_id', type: 'int', nullable: true })
  createdById: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<StaffUserEntity> | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
