import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The first answer to a request carrying an Idempotency-Key, per caller. */
@Entity('idempotency_keys')
@Index('UQ_idempotency_keys_scope_key', ['scope', 'idempotencyKey'], { unique: true })
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Who sent it and to what, e.g. `customer:12:POST /api/test-drive/bookings`. */
  @Column({ type: 'varchar', length: 120 })
  scope: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 128 })
  idempotencyKey: string;

  /** SHA-256 of the request body, to refuse the same key with another body. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** Null while the first request is still being handled. */
  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  /** The record the work created, set inside the work's own transaction (see IdempotencyClaim.bind). */
  @Column({ name: 'resource_id', type: 'int', nullable: true })
  resourceId: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
