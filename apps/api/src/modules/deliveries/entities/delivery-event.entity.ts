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
import type { DeliveryAction, DeliveryStatus } from '@dealer-care/domain';
import { SalesOrderEntity } from './sales-order.entity.js';

/** Every step of an order's delivery: who, when, from, to, and the note or reason. */
@Entity('delivery_events')
@Index('IDX_delivery_events_order', ['orderId'])
export class DeliveryEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @ManyToOne(() => SalesOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<SalesOrderEntity>;

  @CreateDateColumn({ name: 'at' })
  at: Date;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: 'customer' | 'staff';

  @Column({ name: 'actor_id', type: 'int' })
  actorId: number;

  @Column({ name: 'actor_name', type: 'varchar', length: 50, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 24 })
  action: DeliveryAction | 'create';

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: DeliveryStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: DeliveryStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
