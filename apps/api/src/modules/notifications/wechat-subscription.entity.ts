import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { SubscriptionChoice } from '@dealer-care/domain';
import { TimestampedEntity } from '../../database/timestamped.entity.js';
import { CustomerEntity } from '../customers/customer.entity.js';

/**
 * One-time subscription grants (一次性订阅): each "accept" in requestSubscribeMessage lets us send
 * one message of that template. `remaining` counts the unused grants; a send uses one.
 */
@Entity('wechat_subscriptions')
@Index('UQ_wechat_subscriptions_customer_template', ['customerId', 'templateId'], { unique: true })
export class WechatSubscriptionEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'customer_id', type: 'int' })
  customerId: number;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity>;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  remaining: number;

  @Column({ name: 'last_choice', type: 'varchar', length: 8 })
  lastChoice: SubscriptionChoice;
}
