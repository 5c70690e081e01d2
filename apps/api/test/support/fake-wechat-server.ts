/**
 * In-process fake of the WeChat mini-program server APIs used by Dealer Care, for unit and
 * integration tests. Answers like the documented endpoints: HTTP 200 + JSON even for errcode
 * answers, errmsg with a `rid` suffix, single-use login/phone codes, stable access tokens.
 *
 *   const fake = await startFakeWechatServer();
 *   fake.registerLoginCode('code-abc', { openid: 'o-1', unionid: 'u-1', sessionKey: 'sk' });
 *   fake.registerPhoneCode('pcode', '13800138000');
 *   fake.registerOpenid('o-2'); fake.refuse('o-3'); // subscription messages: fake.sentMessages()
 *   // point the app at fake.baseUrl with appId FAKE_WECHAT_APP_ID / appSecret FAKE_WECHAT_APP_SECRET
 *   await fake.close();
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_WECHAT_APP_ID = 'wx-fake-app-id';
export const FAKE_WECHAT_APP_SECRET = 'fake-app-secret';

export const WECHAT_PATHS = {
  code2Session: '/sns/jscode2session',
  stableToken: '/cgi-bin/stable_token',
  getPhoneNumber: '/wxa/business/getuserphonenumber',
  subscribeSend: '/cgi-bin/message/subscribe/send',
} as const;
export type FakeWechatPath = (typeof WECHAT_PATHS)[keyof typeof WECHAT_PATHS];

export interface FakeLoginIdentity {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

export interface RecordedWechatRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; the raw text if it was not JSON; undefined when empty. */
  body: unknown;
}

/** A subscription message the fake accepted (errcode 0). */
export interface FakeSentMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: string;
}

export interface FakeWechatServerOptions {
  appId?: string;
  appSecret?: string;
  /** expires_in of issued access tokens, seconds. Default 7200. */
  tokenExpiresIn?: number;
}

export interface FakeWechatServer {
  readonly baseUrl: string;
  readonly appId: string;
  readonly appSecret: string;
  /** Every request received, in order (including hung and failed ones). */
  readonly requests: readonly RecordedWechatRequest[];
  requestsTo(path: FakeWechatPath | string): RecordedWechatRequest[];
  /** Number of /cgi-bin/stable_token requests received. */
  tokenRequestCount(): number;
  /** The token stable_token currently hands out, or null before the first one / after revocation. */
  readonly currentAccessToken: string | null;

  /** Makes `code` exchangeable (once) for this identity via /sns/jscode2session. */
  registerLoginCode(code: string, identity: FakeLoginIdentity): void;
  /** Makes `code` resolvable (once) to this phone number via getuserphonenumber. */
  registerPhoneCode(code: string, purePhoneNumber: string, countryCode?: string): void;

  /** Makes subscription messages to this openid deliverable (login-code identities are known too). */
  registerOpenid(openid: string): void;
  /** The user refused (or used up) every subscription: sends to them answer 43101. */
  refuse(openid: string): void;
  /** Every subscription message accepted, in order. */
  sentMessages(): FakeSentMessage[];

  /** The next `times` requests to `path` answer this errcode (HTTP 200), before any other check. */
  failNext(path: FakeWechatPath | string, errcode: number, errmsg?: string, times?: number): void;
  /** Every request to `path` answers this errcode until {@link clearFailures}. */
  failAlways(path: FakeWechatPath | string, errcode: number, errmsg?: string): void;
  /** The next request to `path` gets this raw HTTP answer (e.g. 502, or a non-JSON body). */
  failNextHttp(path: FakeWechatPath | string, status: number, body: string, contentType?: string): void;
  /** Requests to `path` are never answered (until close) while on. */
  hang(path: FakeWechatPath | string, on?: boolean): void;
  /**
   * Requests to `path` take effect at once (a message counts as sent) but are answered `ms` later,
   * as a slow network would: a caller that dies meanwhile never learns it succeeded. 0 turns it off.
   */
  answerLate(path: FakeWechatPath | string, ms: number): void;
  clearFailures(): void;

  setTokenExpiresIn(seconds: number): void;
  /** Invalidates every issued token (as if expired/rotated): getuserphonenumber answers 40001, stable_token issues a new one. */
  revokeAccessToken(): void;

  /**
   * Forgets codes, tokens, scripted failures and recorded requests; token numbering restarts at
   * fake-token-1. A client still caching an older token gets 40001 once and refreshes.
   */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  41008: 'missing code',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  45011: 'api minute-quota reach limit mustslower retry next minute (minute-limit reached)',
  47001: 'data format error',
  47003: 'argument invalid!',
};

/** WeChat's own limits per field type, so a badly formatted value fails here as it would there. */
function invalidSubscribeValue(key: string, value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return true;
  const length = Array.from(value).length;
  const type = key.replace(/\d+$/, '');
  if (type === 'thing') return length > 20;
  if (type === 'phrase') return length > 5;
  if (type === 'name') return length > 10;
  if (type === 'character_string') return length > 32;
  if (type === 'time' || type === 'date') return !/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(value);
  return false;
}

interface ScriptedError {
  errcode: number;
  errmsg?: string;
  remaining: number; // Infinity for failAlways
}

interface ScriptedHttp {
  status: number;
  body: string;
  contentType: string;
}

interface PhoneEntry {
  purePhoneNumber: string;
  countryCode: string;
}

export async function startFakeWechatServer(
  options: FakeWechatServerOptions = {},
): Promise<FakeWechatServer> {
  const appId = options.appId ?? FAKE_WECHAT_APP_ID;
  const appSecret = options.appSecret ?? FAKE_WECHAT_APP_SECRET;
  let tokenExpiresIn = options.tokenExpiresIn ?? 7200;

  const requests: RecordedWechatRequest[] = [];
  const loginCodes = new Map<string, FakeLoginIdentity>();
  const phoneCodes = new Map<string, PhoneEntry>();
  // Codes stay here once consumed so a replay answers 40163 rather than 40029.
  const usedLoginCodes = new Set<string>();
  const usedPhoneCodes = new Set<string>();
  const validTokens = new Set<string>();
  const knownOpenids = new Set<string>();
  const refusedOpenids = new Set<string>();
  const sent: FakeSentMessage[] = [];
  let currentToken: string | null = null;
  let tokenSeq = 0;
  const errorScripts = new Map<string, ScriptedError[]>();
  const httpScripts = new Map<string, ScriptedHttp[]>();
  const hungPaths = new Set<string>();
  const lateAnswers = new Map<string, number>();

  const errorAnswer = (errcode: number, errmsg?: string) => ({
    errcode,
    errmsg: `${errmsg ?? DEFAULT_ERRMSG[errcode] ?? 'error'}, rid: ${randomBytes(12).toString('hex')}`,
  });

  const issueToken = (): string => {
    tokenSeq++;
    currentToken = `fake-token-${tokenSeq}`;
    validTokens.add(currentToken);
    return currentToken;
  };

  const checkApp = (gotAppId: unknown, gotSecret: unknown): object | null => {
    if (!gotAppId) return errorAnswer(41002);
    if (!gotSecret) return errorAnswer(41004);
    if (gotAppId !== appId) return errorAnswer(40013);
    if (gotSecret !== appSecret) return errorAnswer(40125);
    return null;
  };

  const handleCode2Session = (req: RecordedWechatRequest): object => {
    if (req.method !== 'GET') return errorAnswer(43001);
    const appError = checkApp(req.query.appid, req.query.secret);
    if (appError) return appError;
    if (req.query.grant_type !== 'authorization_code') return errorAnswer(40002);
    const code = req.query.js_code;
    if (!code) return errorAnswer(41008);
    if (usedLoginCodes.has(code)) return errorAnswer(40163);
    const identity = loginCodes.get(code);
    if (!identity) return errorAnswer(40029);
    loginCodes.delete(code);
    usedLoginCodes.add(code);
    return {
      openid: identity.openid,
      session_key: identity.sessionKey,
      ...(identity.unionid ? { unionid: identity.unionid } : {}),
    };
  };

  const handleStableToken = (req: RecordedWechatRequest): object => {
    if (req.method !== 'POST') return errorAnswer(43002);
    const body = req.body;
    if (typeof body !== 'object' || body === null) return errorAnswer(47001);
    const {
      grant_type: grantType,
      appid,
      secret,
      force_refresh: forceRefresh,
    } = body as Record<string, unknown>;
    const appError = checkApp(appid, secret);
    if (appError) return appError;
    if (grantType !== 'client_credential') return errorAnswer(40002);
    // Like the real stable token: same token while it is valid, a new one on force_refresh or after expiry.
    if (forceRefresh === true) {
      validTokens.clear();
      currentToken = null;
    }
    const token = currentToken && validTokens.has(currentToken) ? currentToken : issueToken();
    return { access_token: token, expires_in: tokenExpiresIn };
  };

  const handleGetPhoneNumber = (req: RecordedWechatRequest): object => {
    if (req.method !== 'POST') return errorAnswer(43002);
    const token = req.query.access_token;
    if (!token) return errorAnswer(41001);
    if (!validTokens.has(token)) return errorAnswer(40001);
    const body = req.body;
    if (typeof body !== 'object' || body === null) return errorAnswer(47001);
    const code = (body as Record<string, unknown>).code;
    if (typeof code !== 'string' || !code) return errorAnswer(47001);
    if (usedPhoneCodes.has(code)) return errorAnswer(40163);
    const entry = phoneCodes.get(code);
    if (!entry) return errorAnswer(40029);
    phoneCodes.delete(code);
    usedPhoneCodes.add(code);
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber:
          entry.countryCode === '86'
            ? entry.purePhoneNumber
            : `+${entry.countryCode}${entry.purePhoneNumber}`,
        purePhoneNumber: entry.purePhoneNumber,
        countryCode: entry.countryCode,
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid: appId },
      },
    };
  };

  const handleSubscribeSend = (req: RecordedWechatRequest): object => {
    if (req.method !== 'POST') return errorAnswer(43002);
    const token = req.query.access_token;
    if (!token) return errorAnswer(41001);
    if (!validTokens.has(token)) return errorAnswer(40001);
    const body = req.body;
    if (typeof body !== 'object' || body === null) return errorAnswer(47001);
    const {
      touser,
      template_id: templateId,
      page,
      data,
      miniprogram_state: state,
    } = body as Record<string, unknown>;
    if (typeof touser !== 'string' || !touser) return errorAnswer(40003);
    const known = knownOpenids.has(touser) || [...loginOpenids()].includes(touser);
    if (!known) return errorAnswer(40003);
    if (typeof templateId !== 'string' || !templateId) return errorAnswer(40037);
    if (refusedOpenids.has(touser)) return errorAnswer(43101);
    if (state !== undefined && !['formal', 'trial', 'developer'].includes(String(state)))
      return errorAnswer(47003);
    if (typeof data !== 'object' || data === null || Object.keys(data).length === 0)
      return errorAnswer(47003);
    for (const [key, field] of Object.entries(data as Record<string, unknown>)) {
      const value = (field as { value?: unknown } | null)?.value;
      if (invalidSubscribeValue(key, value))
        return errorAnswer(47003, `argument invalid! data.${key}.value invalid`);
    }
    sent.push({
      touser,
      templateId,
      page: typeof page === 'string' ? page : '',
      data: data as FakeSentMessage['data'],
      miniprogramState: typeof state === 'string' ? state : 'formal',
    });
    return { errcode: 0, errmsg: 'ok', msgid: 100000 + sent.length };
  };

  /** Identities of registered login codes, used or not: those users exist. */
  const loginOpenids = () => new Set([...loginCodes.values()].map((identity) => identity.openid));

  const handlers: Record<string, (req: RecordedWechatRequest) => object> = {
    [WECHAT_PATHS.code2Session]: handleCode2Session,
    [WECHAT_PATHS.stableToken]: handleStableToken,
    [WECHAT_PATHS.getPhoneNumber]: handleGetPhoneNumber,
    [WECHAT_PATHS.subscribeSend]: handleSubscribeSend,
  };

  const sendJson = (res: ServerResponse, payload: object) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    if (rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    const record: RecordedWechatRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
    };
    requests.push(record);

    if (hungPaths.has(record.path)) return; // left open; close() destroys the socket

    const http = httpScripts.get(record.path)?.shift();
    if (http) {
      res.writeHead(http.status, { 'content-type': http.contentType });
      res.end(http.body);
      return;
    }

    const scripted = errorScripts.get(record.path)?.[0];
    if (scripted) {
      if (--scripted.remaining <= 0) errorScripts.get(record.path)?.shift();
      sendJson(res, errorAnswer(scripted.errcode, scripted.errmsg));
      return;
    }

    const handler = handlers[record.path];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const answer = handler(record);
    const late = lateAnswers.get(record.path);
    if (late) await new Promise((resolve) => setTimeout(resolve, late));
    if (!res.destroyed) sendJson(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('fake wechat server error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const pushScript = (path: string, script: ScriptedError) => {
    const queue = errorScripts.get(path) ?? [];
    queue.push(script);
    errorScripts.set(path, queue);
  };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    tokenRequestCount: () => requests.filter((r) => r.path === WECHAT_PATHS.stableToken).length,
    get currentAccessToken() {
      return currentToken && validTokens.has(currentToken) ? currentToken : null;
    },

    registerLoginCode(code, identity) {
      usedLoginCodes.delete(code);
      loginCodes.set(code, { ...identity });
    },
    registerPhoneCode(code, purePhoneNumber, countryCode = '86') {
      usedPhoneCodes.delete(code);
      phoneCodes.set(code, { purePhoneNumber, countryCode });
    },

    registerOpenid(openid) {
      knownOpenids.add(openid);
    },
    refuse(openid) {
      refusedOpenids.add(openid);
    },
    sentMessages: () => [...sent],

    failNext(path, errcode, errmsg, times = 1) {
      pushScript(path, { errcode, errmsg, remaining: times });
    },
    failAlways(path, errcode, errmsg) {
      pushScript(path, { errcode, errmsg, remaining: Infinity });
    },
    failNextHttp(path, status, body, contentType = 'text/html') {
      const queue = httpScripts.get(path) ?? [];
      queue.push({ status, body, contentType });
      httpScripts.set(path, queue);
    },
    hang(path, on = true) {
      if (on) hungPaths.add(path);
      else hungPaths.delete(path);
    },
    answerLate(path, ms) {
      if (ms > 0) lateAnswers.set(path, ms);
      else lateAnswers.delete(path);
    },
    clearFailures() {
      errorScripts.clear();
      httpScripts.clear();
      hungPaths.clear();
      lateAnswers.clear();
    },

    setTokenExpiresIn(seconds) {
      tokenExpiresIn = seconds;
    },
    revokeAccessToken() {
      validTokens.clear();
      currentToken = null;
    },

    reset() {
      requests.length = 0;
      loginCodes.clear();
      phoneCodes.clear();
      usedLoginCodes.clear();
      usedPhoneCodes.clear();
      validTokens.clear();
      currentToken = null;
      tokenSeq = 0;
      knownOpenids.clear();
      refusedOpenids.clear();
      sent.length = 0;
      errorScripts.clear();
      httpScripts.clear();
      hungPaths.clear();
      tokenExpiresIn = options.tokenExpiresIn ?? 7200;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Drops keep-alive and hung connections, otherwise close() would wait for them.
        server.closeAllConnections();
      });
    },
  };
}
