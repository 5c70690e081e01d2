import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StoreEntity } from '../../stores/store.entity.js';

/** A store's booking rules; a store without a row uses DEFAULT_BOOKING_POLICY. */
@Entity('test_drive_policies')
export class TestDrivePolicyEntity {
  @PrimaryColumn({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  @Column({ name: 'slot_minutes', type: 'int' })
  slotMinutes: number;

  @Column({ name: 'buffer_minutes', type: 'int' })
  bufferMinutes: number;

  @Column({ name: 'min_notice_minutes', type: 'int' })
  minNoticeMinutes: number;

  @Column({ name: 'horizon_days', type: 'int' })
  horizonDays: number;

  @Column({ name: 'customer_cutoff_minutes', type: 'int' })
  customerCutoffMinutes: number;

  @Column({ name: 'max_reschedules', type: 'int' })
  maxReschedules: number;

  @Column({ name: 'max_active_per_customer', type: 'int' })
  maxActivePerCustomer: number;

  @Column({ name: 'min_driver_age', type: 'int' })
  minDriverAge: number;
}
