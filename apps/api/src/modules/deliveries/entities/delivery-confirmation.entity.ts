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
import type { CallOutcome, ConfirmationStage } from '@dealer-care/domain';
import { SalesOrderEntity } from './sales-order.entity.js';

/** A T-3 or T-1 confirmation: the customer's "按时到店" tap or the outcome of the consultant's call. */
@Entity('delivery_confirmations')
@Index('IDX_delivery_confirmations_order', ['orderId'])
export class DeliveryConfirmationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @ManyToOne(() => SalesOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<SalesOrderEntity>;

  @Column({ type: 'varchar', length: 4 })
  stage: ConfirmationStage;

  /** The appointment confirmed: a new date needs new confirmations. */
  @Column({ name: 'scheduled_at', type: 'datetime' })
  scheduledAt: Date;

  @Column({ name: 'by_kind', type: 'varchar', length: 16 })
  byKind: 'customer' | 'staff';

  @Column({ type: 'varchar', length: 16 })
  outcome: CallOutcome;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'staff_name', type: 'varchar', length: 50, nullable: true })
  staffName: string | null;

  @CreateDateColumn({ name: 'at' })
  at: Date;
}
