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
import { TestDriveBookingEntity } from './test-drive-booking.entity.js';
import type { BookingAction, BookingStatus } from '@dealer-care/domain';

/** Every transition of a booking: who, when, from, to, why. Also the feed of customers' changes for the portal. */
@Entity('test_drive_booking_events')
@Index('IDX_test_drive_booking_events_booking', ['bookingId'])
@Index('IDX_test_drive_booking_events_store_at', ['storeId', 'at'])
export class TestDriveBookingEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'booking_id', type: 'int' })
  bookingId: number;

  @ManyToOne(() => TestDriveBookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id' })
  booking?: Relation<TestDriveBookingEntity>;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @CreateDateColumn({ name: 'at' })
  at: Date;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: 'customer' | 'staff' | 'system';

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId: number | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 50, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 24 })
  action: BookingAction | 'create';

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: BookingStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: BookingStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ name: 'starts_at', type: 'datetime', nullable: true })
  startsAt: Date | null;
}
