import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TimestampedEntity } from '../../database/timestamped.entity.js';
import { booleanTransformer } from '../../database/column-types.js';
import { VehicleModelEntity } from '../vehicle-models/vehicle-model.entity.js';
import { StoreEntity } from './store.entity.js';

/** A car kept at a store for test drives only. */
@Entity('test_drive_cars')
@Index('UQ_test_drive_cars_plate', ['plate'], { unique: true })
@Index('IDX_test_drive_cars_store_model', ['storeId', 'modelId'])
export class TestDriveCarEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

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

  @Column({ type: 'varchar', length: 16 })
  plate: string;

  @Column({ name: 'in_service', type: 'boolean', default: true, transformer: booleanTransformer })
  inService: boolean;
}
