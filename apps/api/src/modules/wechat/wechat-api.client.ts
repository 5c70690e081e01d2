import {
  WECHAT_INVALID_TOKEN_ERRCODES,
  WECHAT_UNAVAILABLE_ERRCODE,
  WechatApiError,
} from './wechat-api.error.js';

export interface WechatClientOptions {
  /** e.g. https://api.weixin.qq.com (a trailing slash is tolerated). */
  apiBase: string;
  appId: string;
  appSecret: string;
  /** Per-request timeout, body included. Default 5000. */
  timeoutMs?: number;
}

export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

export interface SubscribeMessage {
  /** The customer's openid. */
  touser: string;
  templateId: string;
  /** Mini-program page (with query) the message opens. */
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

export interface WechatPhoneNumber {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Refresh this long before WeChat's announced expiry so a token never dies mid-request. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

const JSCODE2SESSION = '/sns/jscode2session';
const STABLE_TOKEN = '/cgi-bin/stable_token';
const GET_PHONE_NUMBER = '/wxa/business/getuserphonenumber';
const SUBSCRIBE_SEND = '/cgi-bin/message/subscribe/send';

interface CachedToken {
  token: string;
  refreshAt: number;
}

type WechatJson = Record<string, unknown> & { errcode?: unknown; errmsg?: unknown };

/**
 * HTTP client for the WeChat mini-program server APIs. Stateless except for the in-memory
 * access_token cache, so one instance should be shared per app id. Never logs: failures surface
 * as {@link WechatApiError} whose message is safe to log.
 */
export class WechatApiClient {
  private readonly apiBase: string;
  private readonly timeoutMs: number;
  private cachedToken: CachedToken | null = null;
  private inflightToken: Promise<string> | null = null;
  /** Bumped on invalidation so a fetch started before it cannot repopulate the cache. */
  private tokenGeneration = 0;

  constructor(
    private readonly options: WechatClientOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!options.apiBase) throw new Error('WechatApiClient: apiBase is required');
    if (!options.appId) throw new Error('WechatApiClient: appId is required');
    if (!options.appSecret) throw new Error('WechatApiClient: appSecret is required');
    this.apiBase = options.apiBase.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Exchanges a wx.login() code for the user's openid / unionid / session_key. */
  async code2Session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({
      appid: this.options.appId,
      secret: this.options.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const body = await this.request(JSCODE2SESSION, { method: 'GET', query }, [code]);
    const { openid, session_key: sessionKey, unionid } = body;
    if (typeof openid !== 'string' || !openid || typeof sessionKey !== 'string' || !sessionKey) {
      throw this.malformed(JSCODE2SESSION);
    }
    return typeof unionid === 'string' && unionid ? { openid, unionid, sessionKey } : { openid, sessionKey };
  }

  /** Returns a cached stable access_token, fetching one (single flight) when missing or close to expiry. */
  async getAccessToken(): Promise<string> {
    const cached = this.cachedToken;
    if (cached && this.now() < cached.refreshAt) return cached.token;
    if (this.inflightToken) return this.inflightToken;

    const generation = this.tokenGeneration;
    const inflight = this.fetchStableToken().then(({ token, expiresInSec }) => {
      if (generation === this.tokenGeneration) {
        // Short-lived tokens (expires_in <= 10 min) would never be cached with a fixed margin.
        const marginMs = Math.min(TOKEN_REFRESH_MARGIN_MS, (expiresInSec * 1000) / 2);
        this.cachedToken = { token, refreshAt: this.now() + expiresInSec * 1000 - marginMs };
      }
      return token;
    });
    this.inflightToken = inflight;
    // Clear the slot whatever the outcome, unless an invalidation already replaced it.
    const clear = () => {
      if (this.inflightToken === inflight) this.inflightToken = null;
    };
    inflight.then(clear, clear);
    return inflight;
  }

  /** Forgets the cached token so the next {@link getAccessToken} asks WeChat again. */
  invalidateAccessToken(): void {
    this.tokenGeneration++;
    this.cachedToken = null;
    this.inflightToken = null;
  }

  /** Resolves a getPhoneNumber button code to the user's phone number. */
  async getPhoneNumber(code: string): Promise<WechatPhoneNumber> {
    const body = await this.withAccessToken((token) =>
      this.request(
        GET_PHONE_NUMBER,
        { method: 'POST', query: new URLSearchParams({ access_token: token }), json: { code } },
        [token, code],
      ),
    );
    const info = body.phone_info as Record<string, unknown> | undefined;
    const phoneNumber = info?.phoneNumber;
    const purePhoneNumber = info?.purePhoneNumber;
    const countryCode = info?.countryCode;
    if (typeof phoneNumber !== 'string' || typeof purePhoneNumber !== 'string' || !purePhoneNumber) {
      throw this.malformed(GET_PHONE_NUMBER);
    }
    return {
      phoneNumber,
      purePhoneNumber,
      countryCode:
        typeof countryCode === 'string' || typeof countryCode === 'number' ? String(countryCode) : '',
    };
  }

  /**
   * Sends one subscription message (订阅消息). Uses up one of the user's grants at WeChat; errcode
   * 43101 means the user has none (refused or used up).
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await this.withAccessToken((token) =>
      this.request(
        SUBSCRIBE_SEND,
        {
          method: 'POST',
          query: new URLSearchParams({ access_token: token }),
          json: {
            touser: message.touser,
            template_id: message.templateId,
            page: message.page,
            data: message.data,
            miniprogram_state: message.miniprogramState,
            lang: 'zh_CN',
          },
        },
        [token],
      ),
    );
  }

  /**
   * Calls an access_token API; when WeChat says the token is invalid or expired (revoked or rotated
   * behind our back), refreshes it and retries exactly once.
   */
  private async withAccessToken(call: (token: string) => Promise<WechatJson>): Promise<WechatJson> {
    const token = await this.getAccessToken();
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof WechatApiError) || !WECHAT_INVALID_TOKEN_ERRCODES.includes(err.errcode)) throw err;
      this.invalidateIfCurrent(token);
      const retryToken = await this.getAccessToken();
      try {
        return await call(retryToken);
      } catch (retryErr) {
        // Still rejected: drop it so the next call fetches again, but do not loop here.
        if (retryErr instanceof WechatApiError && WECHAT_INVALID_TOKEN_ERRCODES.includes(retryErr.errcode)) {
          this.invalidateIfCurrent(retryToken);
        }
        throw retryErr;
      }
    }
  }

  /** Only drop the cache if it still holds the failing token, not one a concurrent caller just fetched. */
  private invalidateIfCurrent(token: string): void {
    if (!this.cachedToken || this.cachedToken.token === token) this.invalidateAccessToken();
  }

  private async fetchStableToken(): Promise<{ token: string; expiresInSec: number }> {
    const body = await this.request(STABLE_TOKEN, {
      method: 'POST',
      json: {
        grant_type: 'client_credential',
        appid: this.options.appId,
        secret: this.options.appSecret,
        force_refresh: false,
      },
    });
    const { access_token: token, expires_in: expiresIn } = body;
    if (typeof token !== 'string' || !token || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw this.malformed(STABLE_TOKEN);
    }
    return { token, expiresInSec: expiresIn };
  }

  /**
   * Performs one call and returns the parsed JSON when errcode is 0/absent; otherwise throws.
   * `sensitive` lists per-call values (codes, tokens) to scrub from any error text besides the secret.
   */
  private async request(
    endpoint: string,
    req: { method: 'GET' | 'POST'; query?: URLSearchParams; json?: unknown },
    sensitive: string[] = [],
  ): Promise<WechatJson> {
    const scrub = (text: string) => scrubSecrets(text, [this.options.appSecret, ...sensitive]);
    const url = `${this.apiBase}${endpoint}${req.query ? `?${req.query.toString()}` : ''}`;

    let status: number;
    let text: string;
    try {
      const res = await fetch(url, {
        method: req.method,
        headers: req.json === undefined ? undefined : { 'content-type': 'application/json' },
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      // The raw error is not attached as `cause`: it is not ours to vouch for what it contains.
      throw new WechatApiError(
        WECHAT_UNAVAILABLE_ERRCODE,
        scrub(describeNetworkError(err, this.timeoutMs)),
        endpoint,
      );
    }

    if (status < 200 || status >= 300) {
      throw new WechatApiError(WECHAT_UNAVAILABLE_ERRCODE, `HTTP ${status}`, endpoint);
    }
    // Parse regardless of content-type: jscode2session is known to answer JSON as text/plain.
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new WechatApiError(WECHAT_UNAVAILABLE_ERRCODE, `non-JSON response (HTTP ${status})`, endpoint);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw this.malformed(endpoint);
    }

    const json = body as WechatJson;
    const errcode = json.errcode === undefined || json.errcode === null ? 0 : Number(json.errcode);
    if (errcode !== 0) {
      const errmsg = typeof json.errmsg === 'string' ? json.errmsg : '';
      throw new WechatApiError(
        Number.isFinite(errcode) ? errcode : WECHAT_UNAVAILABLE_ERRCODE,
        scrub(errmsg),
        endpoint,
      );
    }
    return json;
  }

  private malformed(endpoint: string): WechatApiError {
    return new WechatApiError(WECHAT_UNAVAILABLE_ERRCODE, 'unexpected response shape', endpoint);
  }
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  // Duck-typed: undici's DOMException/TypeError may come from another realm (e.g. jest's vm), failing instanceof.
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; cause?: unknown };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timeout after ${timeoutMs}ms`;
  // undici wraps socket errors as TypeError('fetch failed') with the errno code on `cause`.
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as { code?: unknown };
  return typeof cause.code === 'string' ? `network error: ${cause.code}` : 'network error';
}

/** Replaces every occurrence of the given secrets (longest first) so error text stays loggable. */
function scrubSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***');
  }
  return out;
}
