import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { IsoWeekday } from '@dealer-care/domain';
import { StoreEntity } from './store.entity.js';

/** One opening period of a weekday, local to the store's time zone. */
@Entity('store_opening_periods')
@Index('IDX_store_opening_periods_store_weekday', ['storeId', 'weekday'])
export class StoreOpeningPeriodEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, (store) => store.openingPeriods, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  /** ISO weekday, 1 = Monday. */
  @Column({ type: 'smallint' })
  weekday: IsoWeekday;

  /** "HH:mm" */
  @Column({ type: 'varchar', length: 5 })
  opens: string;

  @Column({ type: 'varchar', length: 5 })
  closes: string;
}
