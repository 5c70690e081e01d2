import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A published version of the test-drive consent (试乘试驾同意书). Versions are never edited. */
@Entity('test_drive_consents')
export class TestDriveConsentEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  version: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'licence_consent_text', type: 'text' })
  licenceConsentText: string;

  @Column({ name: 'published_at', type: 'datetime' })
  publishedAt: Date;
}
