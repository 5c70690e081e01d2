import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CustomerEntity } from '../../customers/customer.entity.js';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';
import { TestDriveCarEntity } from '../../stores/test-drive-car.entity.js';
import { VehicleModelEntity } from '../../vehicle-models/vehicle-model.entity.js';
import type { BookingStatus } from '@dealer-care/domain';
import { TimestampedEntity } from '../../../database/timestamped.entity.js';

/**
 * A test-drive booking. The licence number is kept only as a masked display value, a keyed hash
 * and an encrypted copy (for the check-in match), and the latter two are purged after the drive.
 */
@Entity('test_drive_bookings')
@Index('UQ_test_drive_bookings_reference', ['reference'], { unique: true })
@Index('IDX_test_drive_bookings_store_starts', ['storeId', 'startsAt'])
@Index('IDX_test_drive_bookings_customer_status', ['customerId', 'status'])
export class TestDriveBookingEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  reference: string;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  @Column({ name: 'model_id', type: 'int' })
  modelId: number;

  @ManyToOne(() => VehicleModelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'model_id' })
  model?: Relation<VehicleModelEntity>;

  @Column({ name: 'customer_id', type: 'int' })
  customerId: number;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity>;

  @Column({ name: 'starts_at', type: 'datetime' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: BookingStatus;

  @Column({ name: 'customer_name', type: 'varchar', length: 50 })
  customerName: string;

  @Column({ type: 'varchar', length: 20 })
  mobile: string;

  @Column({ name: 'licence_masked', type: 'varchar', length: 32 })
  licenceMasked: string;

  /** HMAC-SHA256 of the normalised licence number (hex); null once purged. */
  @Column({ name: 'licence_hash', type: 'varchar', length: 64, nullable: true })
  licenceHash: string | null;

  /** AES-256-GCM ciphertext (base64 iv.tag.data); null once purged. */
  @Column({ name: 'licence_encrypted', type: 'varchar', length: 255, nullable: true })
  licenceEncrypted: string | null;

  @Column({ name: 'licence_purged_at', type: 'datetime', nullable: true })
  licencePurgedAt: Date | null;

  @Column({ name: 'consent_version', type: 'varchar', length: 32 })
  consentVersion: string;

  @Column({ name: 'consent_accepted_at', type: 'datetime' })
  consentAcceptedAt: Date;

  /** When the customer gave the separate consent for the licence number (PIPL sensitive data). */
  @Column({ name: 'licence_consent_at', type: 'datetime' })
  licenceConsentAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  /** The car assigned at confirmation (a car is held from creation on, see test_drive_car_holds). */
  @Column({ name: 'car_id', type: 'int', nullable: true })
  carId: number | null;

  @ManyToOne(() => TestDriveCarEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'car_id' })
  car?: Relation<TestDriveCarEntity> | null;

  @Column({ name: 'consultant_id', type: 'int', nullable: true })
  consultantId: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'consultant_id' })
  consultant?: Relation<StaffUserEntity> | null;

  @Column({ name: 'proposal_starts_at', type: 'datetime', nullable: true })
  proposalStartsAt: Date | null;

  @Column({ name: 'proposal_ends_at', type: 'datetime', nullable: true })
  proposalEndsAt: Date | null;

  @Column({ name: 'proposal_note', type: 'varchar', length: 200, nullable: true })
  proposalNote: string | null;

  @Column({ name: 'proposed_by', type: 'int', nullable: true })
  proposedBy: number | null;

  @Column({ name: 'proposed_at', type: 'datetime', nullable: true })
  proposedAt: Date | null;

  @Column({ name: 'reschedule_count', type: 'int', default: 0 })
  rescheduleCount: number;

  @Column({ name: 'closing_reason', type: 'varchar', length: 200, nullable: true })
  closingReason: string | null;
}
