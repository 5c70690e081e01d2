import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { ChecklistItemTemplate, ChecklistKind } from '@dealer-care/domain';
import { StoreEntity } from '../../stores/store.entity.js';

/** A store's own version of a delivery checklist; without a row the domain's default applies. */
@Entity('delivery_checklist_templates')
export class DeliveryChecklistTemplateEntity {
  @PrimaryColumn({ name: 'store_id', type: 'int' })
  storeId: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: Relation<StoreEntity>;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: ChecklistKind;

  @Column({ type: 'simple-json' })
  items: ChecklistItemTemplate[];
}
