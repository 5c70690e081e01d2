import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

type OpenApiOperation = {
  summary?: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
};

describe(`HTTP surface (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://portal.dealer.example' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the database in /api/health', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.http.get('/api/stores').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const echoed = await t.http.get('/api/stores').set('x-request-id', 'trace-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('trace-123');
    // An id that could forge log lines is replaced.
    const forged = await t.http.get('/api/stores').set('x-request-id', 'a b\tc').expect(200);
    expect(forged.headers['x-request-id']).not.toBe('a b\tc');
  });

  it('puts the request id into error answers', async () => {
    const res = await t.http.get('/api/stores/999999').set('x-request-id', 'req-404');
    expect(res.body).toMatchObject({ requestId: 'req-404', instance: '/api/stores/999999' });
  });

  it('allows CORS only from configured origins', async () => {
    const allowed = await t.http
      .options('/api/stores')
      .set('origin', 'https://portal.dealer.example')
      .set('access-control-request-method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.dealer.example');

    const denied = await t.http
      .options('/api/stores')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'GET');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('documents every operation with its request and response schemas', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const doc = res.body as { paths: Record<string, Record<string, OpenApiOperation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(11);
    for (const { path, method, op } of operations) {
      const label = `${method.toUpperCase()} ${path}`;
      expect([label, typeof op.summary]).toEqual([label, 'string']);
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      // JSON for everything but a download (the satisfaction CSV), which documents its own media
      // type, and a 204, which by definition has no body.
      const media = Object.keys(success?.[1].content ?? {});
      if (success?.[0] === '204') {
        expect([label, media]).toEqual([label, []]);
      } else {
        expect([label, media.length === 1 && Boolean(success?.[1].content?.[media[0]!]?.schema)]).toEqual([
          label,
          true,
        ]);
        if (!path.endsWith('.csv')) expect([label, media]).toEqual([label, ['application/json']]);
      }
      if (method === 'post') {
        expect([label, Boolean(op.requestBody?.content?.['application/json']?.schema)]).toEqual([
          label,
          true,
        ]);
      }
    }
    const html = await t.http.get('/api/docs').expect(200);
    expect(html.text).toContain('swagger');
  });
});

describe('front ends served by the API', () => {
  let t: TestApp;
  let dir: string;
  const script = `console.log(${JSON.stringify('门店列表 '.repeat(400))});\n`;

  beforeAll(async () => {
    // A build as tools/precompress.mjs leaves it: each text asset beside its .br and .gz.
    dir = mkdtempSync(join(tmpdir(), 'dc-h5-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>试驾</title><script src="/m/app.js"></script>',
    );
    writeFileSync(join(dir, 'app.js'), script);
    writeFileSync(join(dir, 'app.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'app.js.gz'), gzipSync(script));
    t = await startTestApp({ MINIAPP_H5_DIR: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the precompressed asset a browser accepts, and the file itself otherwise', async () => {
    // Plain node:http: the bytes as sent, not decompressed by a client library.
    await t.app.listen(0, '127.0.0.1');
    const base = await t.app.getUrl();
    const get = (acceptEncoding: string) =>
      new Promise<{ statusCode: number; headers: IncomingHttpHeaders; rawPayload: Buffer }>(
        (resolve, reject) => {
          httpGet(`${base}/m/app.js`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                statusCode: res.statusCode!,
                headers: res.headers,
                rawPayload: Buffer.concat(chunks),
              }),
            );
          }).on('error', reject);
        },
      );
    const br = await get('br, gzip');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.toString()).toBe(script);
  });

  it('answers a client-side route with the app page', async () => {
    const page = await t.http.get('/m/booking/12').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<title>试驾</title>');
  });
});
