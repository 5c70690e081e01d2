import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

/** What a well-signed token says; whether the invitation exists and whose it is is checked after. */
export interface SurveyTokenClaims {
  invitationId: number;
  expiresAt: Date;
}

const TOKEN_PATTERN = /^([1-9]\d{0,9})\.([1-9]\d{0,10})\.([A-Za-z0-9_-]{43})$/;

/**
 * Survey links: `<invitationId>.<expiresEpochSec>.<HMAC-SHA256 base64url>`. The signature covers
 * the id and the expiry, so neither can be changed; it is compared in constant time.
 */
@Injectable()
export class SurveyTokenSigner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  sign(invitationId: number, expiresAt: Date): string {
    const payload = `${invitationId}.${Math.floor(new Date(expiresAt).getTime() / 1000)}`;
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The claims of a token with a valid signature; null for anything else (malformed or tampered). */
  verify(token: string): SurveyTokenClaims | null {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return null;
    const [, id, expires, signature] = match;
    // Compared as canonical text: base64url decoding ignores the last character's spare bits.
    const expected = Buffer.from(this.mac(`${id}.${expires}`).toString('base64url'), 'ascii');
    const given = Buffer.from(signature!, 'ascii');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const invitationId = Number(id);
    if (invitationId > 2_147_483_647) return null;
    return { invitationId, expiresAt: new Date(Number(expires) * 1000) };
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.config.survey.tokenSecret).update(`survey:${payload}`).digest();
  }
}
