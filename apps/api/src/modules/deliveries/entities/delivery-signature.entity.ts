import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SalesOrderEntity } from './sales-order.entity.js';

/** The customer's drawn signature on the handover list (用户提车交接单), kept with the order. */
@Entity('delivery_signatures')
export class DeliverySignatureEntity {
  @PrimaryColumn({ name: 'order_id', type: 'int' })
  orderId: number;

  @ManyToOne(() => SalesOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<SalesOrderEntity>;

  /** PNG bytes, at most MAX_SIGNATURE_BYTES. */
  @Column({ type: 'blob' })
  image: Buffer;

  @Column({ name: 'signer_name', type: 'varchar', length: 50 })
  signerName: string;

  @Column({ name: 'signed_at', type: 'datetime' })
  signedAt: Date;
}
