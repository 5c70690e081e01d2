import Taro from '@tarojs/taro';
import type { HttpResponse, Transport } from '@dealer-care/api-client';

/** Requests slower than this fail as a network error instead of hanging a page. */
const REQUEST_TIMEOUT_MS = 15_000;

function lowerCaseKeys(header: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (header && typeof header === 'object') {
    for (const [key, value] of Object.entries(header as Record<string, unknown>)) {
      if (value !== undefined && value !== null) out[key.toLowerCase()] = String(value);
    }
  }
  return out;
}

/** weapp hands back '' for an empty body and the raw text when JSON parsing failed; H5 gives null. */
function normaliseBody(data: unknown): unknown {
  return data === '' || data === null ? undefined : data;
}

/**
 * The api-client `Transport` over `Taro.request` (wx.request in the mini-program, fetch in H5).
 * Resolves for every HTTP answer, whatever its status; rejects only when no answer came back
 * (network down, timeout, domain not allowed), which the client reports as a network problem.
 */
export const taroTransport: Transport = async (request) => {
  const response = await Taro.request({
    url: request.url,
    method: request.method,
    header: request.headers,
    ...(request.body === undefined ? {} : { data: request.body as TaroGeneral.IAnyObject }),
    dataType: 'json',
    responseType: 'text',
    timeout: REQUEST_TIMEOUT_MS,
  });
  const result: HttpResponse = {
    status: response.statusCode,
    headers: lowerCaseKeys(response.header),
    body: normaliseBody(response.data),
  };
  return result;
};
