import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** created_at / updated_at, kept by the database, for every entity that has them. */
export abstract class TimestampedEntity {
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
