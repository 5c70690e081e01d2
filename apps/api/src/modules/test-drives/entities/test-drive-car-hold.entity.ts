import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TestDriveCarEntity } from '../../stores/test-drive-car.entity.js';
import { TestDriveBookingEntity } from './test-drive-booking.entity.js';

/**
 * The capacity guard: a car-holding booking owns one row per (car, slot start), and the unique
 * key lets only one booking hold a car in a slot, whatever the number of API processes.
 */
@Entity('test_drive_car_holds')
@Index('UQ_test_drive_car_holds_car_slot', ['carId', 'slotStart'], { unique: true })
@Index('UQ_test_drive_car_holds_booking', ['bookingId'], { unique: true })
export class TestDriveCarHoldEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'booking_id', type: 'int' })
  bookingId: number;

  @ManyToOne(() => TestDriveBookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id' })
  booking?: Relation<TestDriveBookingEntity>;

  @Column({ name: 'car_id', type: 'int' })
  carId: number;

  @ManyToOne(() => TestDriveCarEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'car_id' })
  car?: Relation<TestDriveCarEntity>;

  @Column({ name: 'slot_start', type: 'datetime' })
  slotStart: Date;
}
