import { Column, Index, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TimestampedEntity } from '../../database/timestamped.entity.js';
import { StoreClosedDateEntity } from './store-closed-date.entity.js';
import { StoreOpeningPeriodEntity } from './store-opening-period.entity.js';

@Entity('stores')
@Index('UQ_stores_code', ['code'], { unique: true })
export class StoreEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  city: string;

  @Column({ type: 'varchar', length: 255 })
  address: string;

  @Column({ type: 'varchar', length: 32 })
  phone: string;

  @Column({ type: 'double' })
  latitude: number;

  @Column({ type: 'double' })
  longitude: number;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timeZone: string;

  @OneToMany(() => StoreOpeningPeriodEntity, (period) => period.store)
  openingPeriods?: Relation<StoreOpeningPeriodEntity>[];

  @OneToMany(() => StoreClosedDateEntity, (closed) => closed.store)
  closedDates?: Relation<StoreClosedDateEntity>[];
}
