import { createHash, createHmac } from 'node:crypto';
import {
  DEFAULT_SUBSCRIBE_TEMPLATES,
  DEFAULT_SURVEY_POLICY,
  MINIPROGRAM_STATES,
  NOTIFICATION_KINDS,
  SUBSCRIBE_FIELD_SOURCES,
  type MiniprogramState,
  type SubscribeTemplate,
  type SubscribeTemplates,
  type SurveyPolicy,
} from '@dealer-care/domain';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Every setting of the API, validated once at start-up. See `.env.example` for each one's meaning. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Public origin printed at start-up, e.g. http://localhost:3000. */
  publicUrl: string;
  database:
    /** `flavor` follows the URL scheme: mariadb:// or mysql:// (TypeORM reads their schemas slightly differently). */
    | { kind: 'mysql'; flavor: 'mysql' | 'mariadb'; url: string; poolSize: number }
    | { kind: 'sqlite'; path: string };
  jwt: { secret: string; staffTtlSeconds: number; customerTtlSeconds: number };
  wechat: {
    appId: string;
    appSecret: string;
    apiBase: string;
    timeoutMs: number;
    /** Subscription message template per notification kind (ids from the WeChat console). */
    subscribeTemplates: SubscribeTemplates;
    /** Which mini-program version a message opens. */
    miniprogramState: MiniprogramState;
  };
  /**
   * Background jobs: how often each process looks for due jobs (0 = never; tests run them by hand),
   * and how long a claimed job stays its claimer's before another process may take it over (the
   * claimer died). The lease must outlast a claimed batch; a shorter one finds a crash sooner.
   */
  jobs: { pollIntervalMs: number; leaseMs: number };
  /**
   * How long a process keeps stores' hours and booking rules, models and test-drive cars (ms; 0 = not
   * at all). Another process sees a change at most this late; tests turn it off by default.
   */
  referenceDataCacheMs: number;
  /** How often overdue follow-up tasks are handed to the store's manager. */
  followUps: { escalateIntervalMs: number };
  /** Keys for the driving-licence number (PIPL sensitive data) and how long it is kept after the drive. */
  licence: { hashKey: Buffer; encryptionKey: Buffer; retentionDays: number };
  /**
   * Satisfaction surveys: the key signing survey links, how often the dispatcher looks for
   * invitations to send, remind or expire (0 = never; tests run it by hand), and the contact policy.
   */
  survey: { tokenSecret: Buffer; dispatchIntervalMs: number; policy: SurveyPolicy };
  bookingRateLimitPerMinute: number;
  devLoginEnabled: boolean;
  seedDemoData: boolean;
  corsOrigins: string[];
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  trustProxy: boolean;
  logLevel: LogLevel;
  /** Built front ends served by the API; a missing folder is skipped with a warning. */
  staticDirs: { miniappH5: string; portal: string };
}

/** A wrong or missing setting; its message is the one line printed before the process stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me-0123456789';
const apiRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

type Env = Record<string, string | undefined>;

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

function readUrl(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')} (got "${url.protocol}")`);
  }
  return raw.replace(/\/+$/, '');
}

/** A 32-byte key given as 64 hex characters or base64; development derives a fixed one from a label. */
function readKey(env: Env, name: string, production: boolean, devLabel: string): Buffer {
  const raw = env[name]?.trim();
  if (!raw) {
    if (production)
      throw new ConfigError(
        `${name} must be set to a 32-byte key (64 hex characters) when NODE_ENV=production`,
      );
    return createHash('sha256').update(devLabel).digest();
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new ConfigError(`${name} must be 32 bytes: 64 hex characters or 44 base64 characters`);
  return key;
}

/** "HH:mm", 00:00–23:59. */
function readClock(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) {
    throw new ConfigError(`${name} must be a time of day as HH:mm, e.g. 10:00 (got "${raw}")`);
  }
  return raw;
}

/**
 * The survey-link signing key: SURVEY_TOKEN_SECRET (at least 32 characters), or derived from the
 * JWT secret so that one secret suffices; a separate key keeps the two kinds of token apart.
 */
function readSurveyTokenSecret(env: Env, jwtSecret: string): Buffer {
  const raw = env.SURVEY_TOKEN_SECRET?.trim();
  if (raw === undefined || raw === '') {
    return createHmac('sha256', jwtSecret).update('dealer-care survey token v1').digest();
  }
  if (raw.length < 32) {
    throw new ConfigError('SURVEY_TOKEN_SECRET must be a random string of at least 32 characters');
  }
  if (raw === jwtSecret) throw new ConfigError('SURVEY_TOKEN_SECRET must differ from JWT_SECRET');
  return Buffer.from(raw, 'utf8');
}

/**
 * WECHAT_SUBSCRIBE_TEMPLATES: JSON overriding the template of some kinds, e.g.
 * {"test_drive_confirmed":{"templateId":"AbC…","fields":{"thing1":"subject","time2":"time"}}}.
 */
function readSubscribeTemplates(env: Env): SubscribeTemplates {
  const raw = env.WECHAT_SUBSCRIBE_TEMPLATES?.trim();
  if (!raw) return DEFAULT_SUBSCRIBE_TEMPLATES;
  const fail = (why: string) => new ConfigError(`WECHAT_SUBSCRIBE_TEMPLATES ${why}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw fail('is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw fail('must be a JSON object keyed by notification kind');
  }
  const templates: SubscribeTemplates = { ...DEFAULT_SUBSCRIBE_TEMPLATES };
  for (const [kind, value] of Object.entries(parsed)) {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
      throw fail(`has an unknown kind "${kind}" (known: ${NOTIFICATION_KINDS.join(', ')})`);
    }
    const { templateId, fields } = (value ?? {}) as { templateId?: unknown; fields?: unknown };
    if (typeof templateId !== 'string' || !/^[\w-]{1,64}$/.test(templateId)) {
      throw fail(`${kind}.templateId must be a template id of 1–64 letters, digits, _ or -`);
    }
    if (
      typeof fields !== 'object' ||
      fields === null ||
      Array.isArray(fields) ||
      Object.keys(fields).length === 0
    ) {
      throw fail(`${kind}.fields must map WeChat keys (thing1, time2, …) to message values`);
    }
    for (const [key, source] of Object.entries(fields)) {
      if (!/^[a-z_]+\d+$/.test(key)) throw fail(`${kind}.fields has an invalid WeChat key "${key}"`);
      if (!(SUBSCRIBE_FIELD_SOURCES as readonly unknown[]).includes(source)) {
        throw fail(`${kind}.fields.${key} must be one of ${SUBSCRIBE_FIELD_SOURCES.join(', ')}`);
      }
    }
    templates[kind as keyof SubscribeTemplates] = {
      templateId,
      fields: fields as SubscribeTemplate['fields'],
    };
  }
  return templates;
}

function resolveFromApi(path: string): string {
  return isAbsolute(path) ? path : resolve(apiRoot, path);
}

/** Reads and validates the configuration; throws ConfigError with one clear line. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = readEnum<NodeEnv>(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const production = nodeEnv === 'production';
  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';

  const databaseUrl = env.DATABASE_URL?.trim();
  let database: AppConfig['database'];
  if (databaseUrl) {
    const url = readUrl(env, 'DATABASE_URL', databaseUrl, ['mysql:', 'mariadb:']);
    database = {
      kind: 'mysql',
      flavor: url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
      url: url.replace(/^mariadb:/, 'mysql:'),
      poolSize: readInt(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    };
  } else {
    database = {
      kind: 'sqlite',
      path: resolveFromApi(env.SQLITE_PATH?.trim() || '.data/dealer-care.sqlite'),
    };
  }

  const jwtSecret = env.JWT_SECRET?.trim() || (production ? '' : DEV_JWT_SECRET);
  if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be set to a random string of at least 32 characters');
  }
  if (production && jwtSecret === DEV_JWT_SECRET) {
    throw new ConfigError('JWT_SECRET must not be the development default when NODE_ENV=production');
  }

  const wechatAppId = env.WECHAT_APP_ID?.trim() || (production ? '' : 'wx-dev-appid');
  const wechatAppSecret = env.WECHAT_APP_SECRET?.trim() || (production ? '' : 'wx-dev-secret');
  if (!wechatAppId || !wechatAppSecret) {
    throw new ConfigError('WECHAT_APP_ID and WECHAT_APP_SECRET must be set when NODE_ENV=production');
  }

  const licence = {
    hashKey: readKey(env, 'LICENCE_HASH_KEY', production, 'dev-only-licence-hash-key'),
    encryptionKey: readKey(env, 'LICENCE_ENCRYPTION_KEY', production, 'dev-only-licence-encryption-key'),
    retentionDays: readInt(env, 'LICENCE_RETENTION_DAYS', 30, 1, 3650),
  };

  const devLoginEnabled = readBool(env, 'AUTH_DEV_LOGIN', false);
  if (devLoginEnabled && production) {
    throw new ConfigError('AUTH_DEV_LOGIN=true is not allowed when NODE_ENV=production');
  }
  const seedDemoData = readBool(env, 'SEED_DEMO_DATA', !production);
  if (seedDemoData && production) {
    throw new ConfigError('SEED_DEMO_DATA=true is not allowed when NODE_ENV=production');
  }

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS entries must be origins like https://portal.example.cn (got "${origin}")`,
      );
    }
  }

  return {
    nodeEnv,
    host,
    port,
    publicUrl: readUrl(env, 'PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']),
    database,
    jwt: {
      secret: jwtSecret,
      staffTtlSeconds: readInt(env, 'STAFF_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 86400),
      customerTtlSeconds: readInt(env, 'CUSTOMER_TOKEN_TTL_SECONDS', 7 * 86400, 60, 90 * 86400),
    },
    wechat: {
      appId: wechatAppId,
      appSecret: wechatAppSecret,
      apiBase: readUrl(env, 'WECHAT_API_BASE', 'https://api.weixin.qq.com', ['http:', 'https:']),
      timeoutMs: readInt(env, 'WECHAT_TIMEOUT_MS', 5000, 100, 60000),
      subscribeTemplates: readSubscribeTemplates(env),
      miniprogramState: readEnum(
        env,
        'WECHAT_MINIPROGRAM_STATE',
        MINIPROGRAM_STATES,
        production ? 'formal' : 'developer',
      ),
    },
    followUps: {
      escalateIntervalMs: readInt(env, 'FOLLOW_UP_ESCALATE_INTERVAL_MS', 60_000, 1000, 86_400_000),
    },
    jobs: {
      pollIntervalMs: readInt(env, 'JOBS_POLL_INTERVAL_MS', nodeEnv === 'test' ? 0 : 1000, 0, 3_600_000),
      leaseMs: readInt(env, 'JOBS_LEASE_MS', 60_000, 1000, 3_600_000),
    },
    licence,
    survey: {
      tokenSecret: readSurveyTokenSecret(env, jwtSecret),
      dispatchIntervalMs: readInt(
        env,
        'SURVEY_DISPATCH_INTERVAL_MS',
        nodeEnv === 'test' ? 0 : 60_000,
        0,
        86_400_000,
      ),
      policy: {
        contactGapDays: readInt(env, 'SURVEY_CONTACT_GAP_DAYS', DEFAULT_SURVEY_POLICY.contactGapDays, 0, 365),
        expiryDays: readInt(env, 'SURVEY_EXPIRY_DAYS', DEFAULT_SURVEY_POLICY.expiryDays, 1, 365),
        reminderAfterDays: readInt(
          env,
          'SURVEY_REMINDER_AFTER_DAYS',
          DEFAULT_SURVEY_POLICY.reminderAfterDays,
          1,
          365,
        ),
        maxHoldDays: readInt(env, 'SURVEY_MAX_HOLD_DAYS', DEFAULT_SURVEY_POLICY.maxHoldDays, 1, 365),
        deliverySendTime: readClock(env, 'SURVEY_DELIVERY_SEND_TIME', DEFAULT_SURVEY_POLICY.deliverySendTime),
        caseDueHours: readInt(env, 'SURVEY_CASE_DUE_HOURS', DEFAULT_SURVEY_POLICY.caseDueHours, 1, 24 * 30),
      },
    },
    bookingRateLimitPerMinute: readInt(env, 'BOOKING_RATE_LIMIT_PER_MINUTE', 30, 1, 100000),
    referenceDataCacheMs: readInt(
      env,
      'REFERENCE_DATA_CACHE_MS',
      nodeEnv === 'test' ? 0 : 10_000,
      0,
      3_600_000,
    ),
    devLoginEnabled,
    seedDemoData,
    corsOrigins,
    bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    loginRateLimitPerMinute: readInt(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1, 10000),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
    logLevel: readEnum<LogLevel>(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    staticDirs: {
      miniappH5: resolveFromApi(env.MINIAPP_H5_DIR?.trim() || '../miniapp/dist-h5'),
      portal: resolveFromApi(env.PORTAL_DIR?.trim() || '../portal/dist'),
    },
  };
}
