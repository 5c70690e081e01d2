import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../config/app-config.js';
import { SurveyTokenSigner } from './survey-token.js';

const signer = (env: Record<string, string> = {}) => new SurveyTokenSigner(loadConfig(env));

describe('SurveyTokenSigner', () => {
  const expiresAt = new Date('2026-12-08T02:00:00.000Z');

  it('signs <id>.<expiresEpochSec>.<hmac> and reads it back', () => {
    const token = signer().sign(42, expiresAt);
    expect(token).toMatch(/^42\.1796695200\.[A-Za-z0-9_-]{43}$/);
    expect(signer().verify(token)).toEqual({ invitationId: 42, expiresAt });
  });

  it('refuses any change to the id, the expiry or the signature, and malformed tokens', () => {
    const token = signer().sign(42, expiresAt);
    const [id, expires, mac] = token.split('.') as [string, string, string];
    // Every other last character, including ones that decode to the same bytes in lenient base64url.
    const lastCharVariants = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_']
      .filter((char) => char !== mac.at(-1))
      .map((char) => `${id}.${expires}.${mac.slice(0, -1)}${char}`);
    for (const bad of [
      `43.${expires}.${mac}`,
      `${id}.${Number(expires) + 1}.${mac}`,
      `${id}.${expires}.${mac}=`,
      `${id}.${expires}`,
      `0${id}.${expires}.${mac}`,
      `99999999999.${expires}.${mac}`,
      '',
      'a.b.c',
      ...lastCharVariants,
    ]) {
      expect(signer().verify(bad)).toBeNull();
    }
  });

  it('depends on the secret: SURVEY_TOKEN_SECRET, or one derived from JWT_SECRET', () => {
    const token = signer().sign(7, expiresAt);
    expect(signer({ JWT_SECRET: 'another-secret-of-at-least-32-characters!' }).verify(token)).toBeNull();
    expect(signer({ SURVEY_TOKEN_SECRET: 's'.repeat(40) }).verify(token)).toBeNull();
    const own = signer({ SURVEY_TOKEN_SECRET: 's'.repeat(40) }).sign(7, expiresAt);
    expect(signer({ SURVEY_TOKEN_SECRET: 's'.repeat(40) }).verify(own)).not.toBeNull();
  });
});
