import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  WECHAT_APP_ID: 'wx123',
  WECHAT_APP_SECRET: 'secret',
  DATABASE_URL: 'mysql://app:pw@db:3306/dealer',
  LICENCE_HASH_KEY: 'a'.repeat(64),
  LICENCE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to embedded SQLite under .data with development settings', () => {
    const config = loadConfig({});
    expect(config.database).toMatchObject({ kind: 'sqlite' });
    expect(config.database.kind === 'sqlite' && config.database.path).toMatch(/\.data\/dealer-care\.sqlite$/);
    expect(config).toMatchObject({
      port: 3000,
      nodeEnv: 'development',
      devLoginEnabled: false,
      seedDemoData: true,
    });
  });

  it('uses MariaDB/MySQL when DATABASE_URL is set, keeping the flavour of the scheme', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test' }).database).toMatchObject({
      kind: 'mysql',
      flavor: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/test',
    });
    expect(loadConfig({ DATABASE_URL: 'mariadb://root@127.0.0.1:3306/test' }).database).toMatchObject({
      flavor: 'mariadb',
      url: 'mysql://root@127.0.0.1:3306/test',
    });
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(PRODUCTION);
    expect(config).toMatchObject({ nodeEnv: 'production', seedDemoData: false, devLoginEnabled: false });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer from 0 to 65535/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be one of/],
    [{ DATABASE_URL: 'postgres://x@y/z' }, /DATABASE_URL must use mysql: or mariadb:/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ AUTH_DEV_LOGIN: 'maybe' }, /AUTH_DEV_LOGIN must be true or false/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be set to a random string of at least 32 characters/],
    [{ CORS_ORIGINS: 'https://ok.example,ftp://bad' }, /CORS_ORIGINS entries must be origins/],
    [{ WECHAT_API_BASE: 'file:///etc' }, /WECHAT_API_BASE must use http: or https:/],
    [{ SURVEY_TOKEN_SECRET: 'short' }, /SURVEY_TOKEN_SECRET must be a random string of at least 32/],
    [{ SURVEY_DISPATCH_INTERVAL_MS: '-1' }, /SURVEY_DISPATCH_INTERVAL_MS must be an integer/],
    [{ SURVEY_DELIVERY_SEND_TIME: '25:00' }, /SURVEY_DELIVERY_SEND_TIME must be a time of day/],
    [{ SURVEY_EXPIRY_DAYS: '0' }, /SURVEY_EXPIRY_DAYS must be an integer from 1/],
  ])('refuses %j with one clear line', (env, message) => {
    const text = errorOf(env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('signs survey links with SURVEY_TOKEN_SECRET, or a key derived from the JWT secret', () => {
    const derived = loadConfig({ JWT_SECRET: 'j'.repeat(40) }).survey;
    expect(derived.tokenSecret).toHaveLength(32);
    expect(derived.tokenSecret.toString('utf8')).not.toContain('jjjj');
    expect(loadConfig({ JWT_SECRET: 'k'.repeat(40) }).survey.tokenSecret.equals(derived.tokenSecret)).toBe(
      false,
    );
    const own = loadConfig({ SURVEY_TOKEN_SECRET: 's'.repeat(32) }).survey;
    expect(own.tokenSecret.toString('utf8')).toBe('s'.repeat(32));
    expect(errorOf({ JWT_SECRET: 'x'.repeat(40), SURVEY_TOKEN_SECRET: 'x'.repeat(40) })).toMatch(
      /SURVEY_TOKEN_SECRET must differ from JWT_SECRET/,
    );
  });

  it('runs the survey dispatcher every minute, except in tests, with the default contact policy', () => {
    expect(loadConfig({}).survey).toMatchObject({
      dispatchIntervalMs: 60_000,
      policy: { contactGapDays: 7, expiryDays: 14, reminderAfterDays: 3, deliverySendTime: '10:00' },
    });
    expect(loadConfig({ NODE_ENV: 'test' }).survey.dispatchIntervalMs).toBe(0);
    expect(
      loadConfig({ SURVEY_DISPATCH_INTERVAL_MS: '0', SURVEY_CONTACT_GAP_DAYS: '3' }).survey,
    ).toMatchObject({
      dispatchIntervalMs: 0,
      policy: { contactGapDays: 3 },
    });
  });

  it('polls for jobs every second, except in tests', () => {
    expect(loadConfig({}).jobs.pollIntervalMs).toBe(1000);
    expect(loadConfig({ NODE_ENV: 'test' }).jobs.pollIntervalMs).toBe(0);
    expect(loadConfig({ JOBS_POLL_INTERVAL_MS: '250' }).jobs.pollIntervalMs).toBe(250);
    expect(errorOf({ JOBS_POLL_INTERVAL_MS: '-1' })).toMatch(/JOBS_POLL_INTERVAL_MS must be an integer/);
  });

  it('leases a claimed job for a minute unless told otherwise, never under a second', () => {
    expect(loadConfig({}).jobs.leaseMs).toBe(60_000);
    expect(loadConfig({ JOBS_LEASE_MS: '5000' }).jobs.leaseMs).toBe(5000);
    expect(errorOf({ JOBS_LEASE_MS: '500' })).toMatch(/JOBS_LEASE_MS must be an integer/);
  });

  it('uses the default subscription templates, overridable per kind with validated JSON', () => {
    const dev = loadConfig({}).wechat;
    expect(dev.miniprogramState).toBe('developer');
    expect(dev.subscribeTemplates.test_drive_confirmed.templateId).toBe('tmpl_test_drive_result');
    const custom = loadConfig({
      WECHAT_MINIPROGRAM_STATE: 'trial',
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({
        delivery_ready: { templateId: 'Xy-12_ab', fields: { thing1: 'subject', time2: 'time' } },
      }),
    }).wechat;
    expect(custom.miniprogramState).toBe('trial');
    expect(custom.subscribeTemplates.delivery_ready).toEqual({
      templateId: 'Xy-12_ab',
      fields: { thing1: 'subject', time2: 'time' },
    });
    expect(custom.subscribeTemplates.delivery_delayed.templateId).toBe('tmpl_delivery_progress');

    const bad = (value: unknown) =>
      errorOf({ WECHAT_SUBSCRIBE_TEMPLATES: typeof value === 'string' ? value : JSON.stringify(value) });
    expect(bad('{oops')).toMatch(/WECHAT_SUBSCRIBE_TEMPLATES is not valid JSON/);
    expect(bad([])).toMatch(/must be a JSON object keyed by notification kind/);
    expect(bad({ lunch: { templateId: 'a', fields: { thing1: 'subject' } } })).toMatch(
      /unknown kind "lunch"/,
    );
    expect(bad({ delivery_ready: { templateId: '', fields: { thing1: 'subject' } } })).toMatch(/templateId/);
    expect(bad({ delivery_ready: { templateId: 'a', fields: {} } })).toMatch(/fields must map/);
    expect(bad({ delivery_ready: { templateId: 'a', fields: { thing: 'subject' } } })).toMatch(
      /invalid WeChat key "thing"/,
    );
    expect(bad({ delivery_ready: { templateId: 'a', fields: { thing1: 'price' } } })).toMatch(
      /fields.thing1 must be one of/,
    );
    expect(errorOf({ WECHAT_MINIPROGRAM_STATE: 'beta' })).toMatch(/WECHAT_MINIPROGRAM_STATE must be one of/);
  });

  it('refuses development conveniences in production', () => {
    expect(errorOf({ ...PRODUCTION, AUTH_DEV_LOGIN: 'true' })).toMatch(/AUTH_DEV_LOGIN=true is not allowed/);
    expect(errorOf({ ...PRODUCTION, SEED_DEMO_DATA: 'true' })).toMatch(/SEED_DEMO_DATA=true is not allowed/);
    expect(errorOf({ ...PRODUCTION, JWT_SECRET: '' })).toMatch(/JWT_SECRET must be set/);
    expect(errorOf({ ...PRODUCTION, WECHAT_APP_SECRET: '' })).toMatch(/WECHAT_APP_ID and WECHAT_APP_SECRET/);
    expect(errorOf({ ...PRODUCTION, LICENCE_ENCRYPTION_KEY: '' })).toMatch(
      /LICENCE_ENCRYPTION_KEY must be set/,
    );
    expect(errorOf({ ...PRODUCTION, LICENCE_HASH_KEY: 'abcd' })).toMatch(/LICENCE_HASH_KEY must be 32 bytes/);
  });
});
