import { describe, expect, it } from '@jest/globals';
import { DEFAULT_BOOKING_POLICY } from '@dealer-care/domain';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './api-error.js';
import { createApiClient } from './client.js';
import { fetchTransport, type HttpRequest, type Transport } from './transport.js';

function recordingTransport(status: number, body: unknown, contentType = 'application/json') {
  const seen: HttpRequest[] = [];
  const transport: Transport = async (request) => {
    seen.push(request);
    return { status, headers: { 'content-type': contentType }, body };
  };
  return { seen, transport };
}

describe('createApiClient', () => {
  it('sends the bearer token and builds the query string', async () => {
    const { seen, transport } = recordingTransport(200, []);
    const client = createApiClient({ baseUrl: '/api/', transport, getAccessToken: () => 'tok' });
    await client.stores.list({ latitude: 23.1, longitude: 113.3 });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/api/stores?latitude=23.1&longitude=113.3',
      headers: { authorization: 'Bearer tok', accept: 'application/json' },
    });
  });

  it('sends JSON bodies with a content type and no token when there is none', async () => {
    const { seen, transport } = recordingTransport(200, { accessToken: 'x' });
    const client = createApiClient({ baseUrl: '/api', transport });
    await client.auth.staffLogin({ username: 'u', password: 'p' });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.body).toEqual({ username: 'u', password: 'p' });
  });

  it("reads and saves a store's test-drive policy", async () => {
    const policy = { ...DEFAULT_BOOKING_POLICY, slotMinutes: 30, bufferMinutes: 0 };
    const { seen, transport } = recordingTransport(200, { ...policy, isDefault: false });
    const client = createApiClient({ baseUrl: '/api', transport, getAccessToken: () => 'tok' });
    await client.staffTestDrives.getTestDrivePolicy(7);
    const saved = await client.staffTestDrives.saveTestDrivePolicy(7, policy);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/staff/stores/7/test-drive-policy' });
    expect(seen[0]!.body).toBeUndefined();
    expect(seen[1]).toMatchObject({
      method: 'PUT',
      url: '/api/staff/stores/7/test-drive-policy',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
      body: policy,
    });
    expect(saved).toEqual({ ...policy, isDefault: false });
  });

  it('surfaces a problem+json answer as ApiError.problem', async () => {
    const problem = { type: 't', title: '账号或密码错误', status: 401, code: 'invalid_credentials' };
    const { transport } = recordingTransport(401, problem, 'application/problem+json');
    let unauthenticated = 0;
    const client = createApiClient({
      baseUrl: '/api',
      transport,
      onUnauthenticated: () => unauthenticated++,
    });
    const error = await client.auth.staffLogin({ username: 'u', password: 'bad' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual(problem);
    expect(unauthenticated).toBe(1);
  });

  it('turns a non-problem error page into an equivalent problem', async () => {
    const { transport } = recordingTransport(502, '<html>Bad gateway</html>', 'text/html');
    const client = createApiClient({ baseUrl: '/api', transport });
    const error = (await client.models.list().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('service_unavailable');
    expect(error.problem.title).toMatch(/暂时不可用/);
  });

  it('reports a transport failure as a network problem', async () => {
    const client = createApiClient({
      baseUrl: '/api',
      transport: () => Promise.reject(new Error('ECONNREFUSED')),
    });
    const error = (await client.models.list().catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
  });
});

describe('fetchTransport against a real HTTP server', () => {
  it('round-trips JSON and problem+json', async () => {
    const server: Server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        if (req.url === '/api/auth/staff/login') {
          res.writeHead(401, { 'content-type': 'application/problem+json; charset=utf-8' });
          res.end(
            JSON.stringify({ type: 't', title: '账号或密码错误', status: 401, code: 'invalid_credentials' }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify([{ id: 1, echo: raw, auth: req.headers.authorization }]));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const client = createApiClient({
        baseUrl: `http://127.0.0.1:${port}/api`,
        transport: fetchTransport(),
        getAccessToken: () => 'abc',
      });
      await expect(client.models.list()).resolves.toEqual([{ id: 1, echo: '', auth: 'Bearer abc' }]);
      const error = (await client.auth
        .staffLogin({ username: 'a', password: 'b' })
        .catch((e: unknown) => e)) as ApiError;
      expect(error.code).toBe('invalid_credentials');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
