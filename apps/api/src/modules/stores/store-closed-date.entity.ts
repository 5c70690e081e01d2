import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { StoreEntity } from './store.entity.js';

/** A date the store is closed although its weekday is open (public holidays, stock-taking). */
@Entity('store_closed_dates')
@Unique('UQ_store_closed_dates_store_date', ['storeId', 'date'])
export class StoreClosedDateEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, (store) => store.closedDates, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  /** "YYYY-MM-DD" in the store's time zone; a string so no time zone can shift it. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reason: string | null;
}
