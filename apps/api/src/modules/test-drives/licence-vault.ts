import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

/**
 * Keeps driving-licence numbers out of plain sight: a keyed hash to recognise a number, and an
 * AES-256-GCM copy that only the check-in comparison decrypts. Keys come from configuration.
 */
@Injectable()
export class LicenceVault {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(licence: string): string {
    return createHmac('sha256', this.config.licence.hashKey).update(licence.toUpperCase()).digest('hex');
  }

  encrypt(licence: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.licence.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(licence.toUpperCase(), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64')).join('.');
  }

  decrypt(sealed: string): string {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.config.licence.encryptionKey, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  }
}
