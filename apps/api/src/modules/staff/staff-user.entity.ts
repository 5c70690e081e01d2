import { Column, Index, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TimestampedEntity } from '../../database/timestamped.entity.js';
import type { StaffRole } from '@dealer-care/domain';
import { booleanTransformer } from '../../database/column-types.js';
import { StoreEntity } from '../stores/store.entity.js';

@Entity('staff_users')
@Index('UQ_staff_users_username', ['username'], { unique: true })
export class StaffUserEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 50 })
  displayName: string;

  /** argon2id hash in PHC string format. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: StaffRole;

  /** Null only for admins, who see every store. */
  @Column({ name: 'store_id', type: 'int', nullable: true })
  storeId: number | null;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity> | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  mobile: string | null;

  @Column({ type: 'boolean', default: true, transformer: booleanTransformer })
  active: boolean;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt: Date | null;
}
