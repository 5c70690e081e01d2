import { Column, Index, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedEntity } from '../../database/timestamped.entity.js';
import type { BodyType, EnergyType } from '@dealer-care/domain';
import { booleanTransformer } from '../../database/column-types.js';

@Entity('vehicle_models')
@Index('UQ_vehicle_models_code', ['code'], { unique: true })
export class VehicleModelEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 50 })
  brand: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'body_type', type: 'varchar', length: 16 })
  bodyType: BodyType;

  @Column({ name: 'energy_type', type: 'varchar', length: 16 })
  energyType: EnergyType;

  @Column({ type: 'smallint' })
  seats: number;

  @Column({ name: 'price_from_fen', type: 'int' })
  priceFromFen: number;

  @Column({ name: 'image_url', type: 'varchar', length: 500, nullable: true })
  imageUrl: string | null;

  @Column({ type: 'boolean', default: true, transformer: booleanTransformer })
  active: boolean;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
