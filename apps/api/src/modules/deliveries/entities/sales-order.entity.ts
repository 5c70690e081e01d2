import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ChecklistItem, ChecklistKind, DeliveryDateOption, DeliveryStatus } from '@dealer-care/domain';
import { TimestampedEntity } from '../../../database/timestamped.entity.js';
import { CustomerEntity } from '../../customers/customer.entity.js';
import { StaffUserEntity } from '../../staff/staff-user.entity.js';
import { StoreEntity } from '../../stores/store.entity.js';
import { VehicleModelEntity } from '../../vehicle-models/vehicle-model.entity.js';

/** A signed sales order and the state of its delivery (one delivery per order). */
@Entity('sales_orders')
@Index('UQ_sales_orders_order_no', ['orderNo'], { unique: true })
@Index('UQ_sales_orders_vin', ['vin'], { unique: true })
@Index('IDX_sales_orders_store_status', ['storeId', 'status'])
@Index('IDX_sales_orders_store_scheduled', ['storeId', 'scheduledDate'])
@Index('IDX_sales_orders_customer', ['customerId'])
@Index('IDX_sales_orders_mobile', ['customerMobile'])
export class SalesOrderEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_no', type: 'varchar', length: 16 })
  orderNo: string;

  @Column({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  /** Null until a WeChat customer with the same bound phone shows up. */
  @Column({ name: 'customer_id', type: 'int', nullable: true })
  customerId: number | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity> | null;

  @Column({ name: 'customer_name', type: 'varchar', length: 50 })
  customerName: string;

  @Column({ name: 'customer_mobile', type: 'varchar', length: 20 })
  customerMobile: string;

  @Column({ name: 'model_id', type: 'int' })
  modelId: number;

  @ManyToOne(() => VehicleModelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'model_id' })
  model?: Relation<VehicleModelEntity>;

  @Column({ name: 'trim_name', type: 'varchar', length: 50 })
  trim: string;

  @Column({ type: 'varchar', length: 30 })
  colour: string;

  @Column({ type: 'varchar', length: 17, nullable: true })
  vin: string | null;

  @Column({ name: 'consultant_id', type: 'int' })
  consultantId: number;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consultant_id' })
  consultant?: Relation<StaffUserEntity>;

  /** Store-local dates of the promised delivery window. */
  @Column({ name: 'promised_from', type: 'varchar', length: 10 })
  promisedFrom: string;

  @Column({ name: 'promised_to', type: 'varchar', length: 10 })
  promisedTo: string;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  /** The dates currently offered to the customer. */
  @Column({ name: 'date_options', type: 'simple-json' })
  dateOptions: DeliveryDateOption[];

  @Column({ name: 'scheduled_at', type: 'datetime', nullable: true })
  scheduledAt: Date | null;

  /** Store-local date of scheduled_at, for the week view and the T-3/T-1 calls. */
  @Column({ name: 'scheduled_date', type: 'varchar', length: 10, nullable: true })
  scheduledDate: string | null;

  @Column({ name: 'party_size', type: 'int', nullable: true })
  partySize: number | null;

  @Column({ name: 'customer_note', type: 'varchar', length: 200, nullable: true })
  customerNote: string | null;

  @Column({ name: 'delay_reason', type: 'varchar', length: 200, nullable: true })
  delayReason: string | null;

  @Column({ name: 'delayed_at', type: 'datetime', nullable: true })
  delayedAt: Date | null;

  @Column({ type: 'simple-json' })
  checklists: Record<ChecklistKind, ChecklistItem[]>;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'delivered_at', type: 'datetime', nullable: true })
  deliveredAt: Date | null;
}

/** The delivery part of a new order: waiting for dates, nothing offered, planned or ticked yet. */
export function newDeliveryState(
  checklists: SalesOrderEntity['checklists'],
): Pick<
  SalesOrderEntity,
  | 'status'
  | 'dateOptions'
  | 'scheduledAt'
  | 'scheduledDate'
  | 'partySize'
  | 'customerNote'
  | 'delayReason'
  | 'delayedAt'
  | 'checklists'
  | 'cancelReason'
  | 'deliveredAt'
> {
  return {
    status: 'scheduling',
    dateOptions: [],
    scheduledAt: null,
    scheduledDate: null,
    partySize: null,
    customerNote: null,
    delayReason: null,
    delayedAt: null,
    checklists,
    cancelReason: null,
    deliveredAt: null,
  };
}
