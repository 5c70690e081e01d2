import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { CustomerStyle, IntentLevel, LostReasonCategory, ProspectStatus } from '@dealer-care/domain';
import { TimestampedEntity } from '../../../database/timestamped.entity.js';
import { CustomerEntity } from '../../customers/customer.entity.js';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';

/**
 * A person one store is looking after (the customer card, 客户卡片): found by phone per store,
 * linked to the WeChat customer once known, with a consultant, intent level, style and fate.
 */
@Entity('prospects')
@Index('UQ_prospects_store_phone', ['storeId', 'phone'], { unique: true })
@Index('IDX_prospects_store_status', ['storeId', 'status'])
@Index('IDX_prospects_customer', ['customerId'])
@Index('IDX_prospects_consultant', ['consultantId'])
export class ProspectEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  @Column({ name: 'customer_id', type: 'int', nullable: true })
  customerId: number | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity> | null;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 8 })
  status: ProspectStatus;

  @Column({ name: 'intent_level', type: 'varchar', length: 1, nullable: true })
  intentLevel: IntentLevel | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  style: CustomerStyle | null;

  @Column({ name: 'style_note', type: 'varchar', length: 200, nullable: true })
  styleNote: string | null;

  @Column({ name: 'consultant_id', type: 'int', nullable: true })
  consultantId: number | null;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'consultant_id' })
  consultant?: Relation<StaffUserEntity> | null;

  @Column({ name: 'lost_category', type: 'varchar', length: 16, nullable: true })
  lostCategory: LostReasonCategory | null;

  @Column({ name: 'lost_note', type: 'varchar', length: 200, nullable: true })
  lostNote: string | null;

  @Column({ name: 'lost_at', type: 'datetime', nullable: true })
  lostAt: Date | null;

  @Column({ name: 'last_contact_at', type: 'datetime', nullable: true })
  lastContactAt: Date | null;
}
