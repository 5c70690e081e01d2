import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedEntity } from '../../database/timestamped.entity.js';

/** A customer known through WeChat. The WeChat session_key is never stored: it has no use after login. */
@Entity('customers')
@Index('UQ_customers_openid', ['openid'], { unique: true })
export class CustomerEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Index('IDX_customers_unionid')
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  /** Mainland mobile, 11 digits; null until shared through getPhoneNumber. */
  @Index('IDX_customers_phone')
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  nickname: string | null;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt: Date | null;
}
