export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** JSON-serialisable body; the transport encodes it. */
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the answer is JSON, else the raw text (or undefined when empty). */
  body: unknown;
}

/**
 * Sends one request. Implementations: `fetchTransport` (browsers, Node) here, and a
 * `Taro.request` transport in the mini-program. A transport rejects only when the
 * request could not be made at all (network down, timeout), never for an HTTP status.
 */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** A transport over the WHATWG `fetch`. */
export function fetchTransport(fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Transport {
  return async (request) => {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const text = await response.text();
    return { status: response.status, headers, body: parseBody(text, headers['content-type']) };
  };
}

/** Decodes a response body the way every transport should: JSON when it says so. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType && /json/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
