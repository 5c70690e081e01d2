import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { SurveyKind } from '@dealer-care/domain';
import { decimalTransformer } from '../../../database/column-types.js';
import { SurveyResponseEntity } from './survey-response.entity.js';

/** One scored factor of a response (factors without an answered question have no row). */
@Entity('survey_factor_scores')
// Covering: the dashboard's per-factor means read only the index.
@Index('IDX_survey_factor_scores_kind_store_date', ['kind', 'storeId', 'localDate', 'factorKey', 'score'])
export class SurveyFactorScoreEntity {
  @PrimaryColumn({ name: 'response_id', type: 'int' })
  responseId: number;

  @ManyToOne(() => SurveyResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: Relation<SurveyResponseEntity>;

  @PrimaryColumn({ name: 'factor_key', type: 'varchar', length: 32 })
  factorKey: string;

  @Column({ type: 'varchar', length: 24 })
  kind: SurveyKind;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @Column({ name: 'consultant_id', type: 'int', nullable: true })
  consultantId: number | null;

  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate: string;

  /** 0–100, one decimal. */
  @Column({ type: 'decimal', precision: 4, scale: 1, transformer: decimalTransformer })
  score: number;
}
