import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { BAD_IDS, HOSTILE_STRINGS, URL_STRINGS, WHOLE_BODIES, WRONG_TYPES } from './support/hostile-input.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The bad-input sweep driven by the OpenAPI document (issue 7): every documented operation, with
 * the token its security asks for, gets hostile path values, wrong and missing query parameters,
 * and for every JSON body field (nested ones too) wrong types, a missing required field, an unknown
 * extra field, a huge string, unicode edge cases and injection strings; then whole-body junk,
 * malformed JSON and an oversize body. Zero 5xx; every 4xx is problem+json whose title or detail
 * a Chinese reader understands. A 2xx is allowed: some junk is valid input.
 *
 * Each field gets every category, but not every value of every category: values rotate across
 * fields so that the whole lists are used over the sweep while one run stays well under a minute.
 */

const BODY_LIMIT_BYTES = 65_536;

/** Operations the sweep cannot call meaningfully, with the reason (none so far). */
const SKIPPED: Record<string, string> = {};

/** Dev-only operations move the follow-up clock: they run last, and the clock is reset after. */
const runsLast = (path: string) => path.startsWith('/api/dev/');

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  minItems?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Array<Record<string, string[]>>;
  tags?: string[];
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Role = 'public' | 'customer' | 'consultant' | 'admin';
type FieldPath = Array<string | number>;

interface Planned {
  label: string;
  path: string;
  query: string;
  body?: { json: unknown } | { raw: string; type: string };
  idempotencyKey?: string;
}

const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];
const CJK = /[\u3400-\u9fff]/;

/** Rotates through a list: each call takes the next `count` values, wrapping around. */
class Rotation<T> {
  private next = 0;
  constructor(private readonly values: readonly T[]) {}
  take(count: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < Math.min(count, this.values.length); i += 1) {
      out.push(this.values[this.next % this.values.length]);
      this.next += 1;
    }
    return out;
  }
}

const HUGE = 'a'.repeat(10_000);
const INJECTION = new Rotation(HOSTILE_STRINGS.filter((s) => /[<';%/]/.test(s)));
const UNICODE = new Rotation(['\u0000', '\ud800', '𠮷野家🚗‮', '\u200b', 'ｆｕｌｌｗｉｄｔｈ１２３']);
const BLANK = new Rotation(['', ' ', '\t\n']);
const QUERY_HOSTILE = new Rotation([...URL_STRINGS, '1e309', 'NaN', 'Infinity', 'true', '[]']);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}

function declaredJsonType(schema: Schema): string | undefined {
  if (schema.type === 'integer') return 'number';
  return schema.type;
}

function setAt(target: unknown, path: FieldPath, value: unknown, remove = false): unknown {
  const copy = structuredClone(target) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

describe(`OpenAPI-driven bad-input sweep (${process.env.TEST_DATABASE ?? 'sqlite'})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const tokens: Partial<Record<Role, string>> = {};
  /** Real ids of the demo seed, by the resource path before the placeholder. */
  const ids: Record<string, string> = {};
  let storeId = 1;
  let modelId = 1;
  let carId = 1;
  let consultantId = 1;
  let bookingOwnerToken: string | undefined;
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  let keySeq = 0;

  const today = new Date().toISOString().slice(0, 10);
  const tomorrowAt = new Date(Date.now() + 86_400_000).toISOString().replace(/T.*/, 'T02:00:00.000Z');

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES) });
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;

    tokens.consultant = await t.staffToken('gz.chen');
    tokens.admin = await t.staffToken('admin');
    // The buyer of the first demo orders: owns deliveries and a pending survey.
    tokens.customer = await t.customerToken('sweep-buyer', '13800138001');
    const bearer = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });

    const me = (await t.http.get('/api/auth/staff/me').set(bearer('consultant')).expect(200)).body as {
      id: number;
      storeId: number;
    };
    storeId = me.storeId;
    consultantId = me.id;
    const models = (await t.http.get('/api/vehicle-models').expect(200)).body as Array<{ id: number }>;
    modelId = models[0].id;
    const q = (sql: string) => t.dataSource.query<Array<Record<string, unknown>>>(sql, [storeId]);
    const [car] = await q('SELECT id FROM test_drive_cars WHERE store_id = ? ORDER BY id');
    carId = Number(car.id);

    // A booking of the store, preferably one still requested, and its owner's development login.
    const [booking] = await q(
      `SELECT b.id, c.openid FROM test_drive_bookings b JOIN customers c ON c.id = b.customer_id
       WHERE b.store_id = ? ORDER BY CASE WHEN b.status = 'requested' THEN 0 ELSE 1 END, b.id`,
    );
    if (booking) {
      ids['/api/test-drive/bookings'] = String(booking.id);
      ids['/api/staff/test-drives'] = String(booking.id);
      const openid = String(booking.openid);
      if (openid.startsWith('dev:')) bookingOwnerToken = await t.customerToken(openid.slice(4));
    }
    // The buyer's oldest order: the demo seed leaves the first one still open (dates offered).
    const deliveries = (await t.http.get('/api/deliveries').set(bearer('customer')).expect(200))
      .body as Array<{ id: number }>;
    ids['/api/deliveries'] = String(Math.min(...deliveries.map((d) => d.id), 1_000_000));
    ids['/api/staff/sales-orders'] = ids['/api/deliveries'];
    const surveys = (await t.http.get('/api/surveys').set(bearer('customer')).expect(200)).body as Array<{
      token: string;
    }>;
    ids['/api/surveys'] = encodeURIComponent(surveys[0]?.token ?? '1.1.x');

    const firstId = async (path: string): Promise<string> => {
      const res = await t.http.get(path).set(bearer('consultant')).expect(200);
      const body = res.body as { items?: Array<{ id: number }> } | Array<{ id: number }>;
      const list = Array.isArray(body) ? body : (body.items ?? []);
      return String(list[0]?.id ?? 1);
    };
    ids['/api/staff/prospects'] = await firstId('/api/staff/prospects?status=active');
    ids['/api/staff/follow-ups'] = await firstId('/api/staff/follow-ups');
    ids['/api/staff/satisfaction/cases'] = await firstId('/api/staff/satisfaction/cases');
    ids['/api/staff/notifications'] = await firstId('/api/staff/notifications');
    ids['/api/staff/satisfaction/responses'] = await firstId(
      '/api/staff/satisfaction/responses?kind=sales_csi',
    );
    ids['/api/stores'] = String(storeId);
    ids['/api/staff/stores'] = String(storeId);
  });

  afterAll(async () => {
    await t?.close();
  });

  const resolve = (schema: Schema | undefined): Schema => {
    let s = schema ?? {};
    while (s.$ref) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
    return s;
  };

  /** A valid-looking value for a field or parameter, from its schema, example and name. */
  function sample(name: string, raw: Schema | undefined, depth = 0): unknown {
    const schema = resolve(raw);
    if (schema.enum?.length) return schema.enum[0];
    const type = schema.type ?? (schema.properties ? 'object' : undefined);
    if (type === 'number' || type === 'integer') {
      if (/^store/i.test(name)) return storeId;
      if (/^model/i.test(name)) return modelId;
      if (/^car/i.test(name)) return carId;
      if (/(consultant|staff|owner|assignee)Id$/i.test(name)) return consultantId;
      if (typeof schema.example === 'number') return schema.example;
      return schema.minimum ?? 1;
    }
    if (type === 'boolean') return true;
    if (type === 'string') {
      if (/^(startsAt|callBackAt|at)$/.test(name)) return tomorrowAt;
      if (name === 'since') return new Date(Date.now() - 3_600_000).toISOString();
      if (/^(date|from|to|promisedFrom)$/.test(name)) return today;
      if (schema.example !== undefined) return schema.example;
      return 'valid-value';
    }
    if (type === 'array') {
      if (depth > 4) return [];
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sample(name, schema.items, depth + 1),
      );
    }
    if (type === 'object' || schema.properties) {
      if (schema.example !== undefined) return schema.example;
      if (depth > 4 || !schema.properties) return {};
      return Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, sample(key, value, depth + 1)]),
      );
    }
    return schema.example ?? 'valid-value';
  }

  /** Every declared field of a body schema, nested ones included, with its schema and whether required. */
  function fieldsOf(
    raw: Schema | undefined,
    prefix: FieldPath = [],
    depth = 0,
  ): Array<{ path: FieldPath; schema: Schema; required: boolean }> {
    const schema = resolve(raw);
    const out: Array<{ path: FieldPath; schema: Schema; required: boolean }> = [];
    if (depth > 3 || !schema.properties) return out;
    for (const [key, value] of Object.entries(schema.properties)) {
      const field = resolve(value);
      const path = [...prefix, key];
      out.push({ path, schema: field, required: schema.required?.includes(key) ?? false });
      if (field.properties) out.push(...fieldsOf(field, path, depth + 1));
      if (field.type === 'array' && resolve(field.items).properties)
        out.push(...fieldsOf(field.items, [...path, 0], depth + 1));
    }
    return out;
  }

  function rolesFor(path: string, op: Operation): Role[] {
    const schemes = new Set((op.security ?? []).flatMap((s) => Object.keys(s)));
    if (schemes.has('staff') || path.startsWith('/api/staff/')) return ['consultant', 'admin'];
    if (schemes.has('customer')) return ['customer'];
    return ['public'];
  }

  function tokenFor(role: Role, path: string): string | undefined {
    if (role === 'public') return undefined;
    if (role === 'customer' && path.startsWith('/api/test-drive/bookings/') && bookingOwnerToken)
      return bookingOwnerToken;
    return tokens[role];
  }

  /** The path with every placeholder filled by a real id, or by `override` for one of them. */
  function fillPath(template: string, override?: { name: string; value: string }): string {
    return template.replace(/\{([^}]+)\}/g, (_match, name: string, offset: number) => {
      if (override?.name === name) return override.value;
      if (name === 'kind') return 'test_drive_feedback';
      if (name === 'storeId') return String(storeId);
      if (name === 'modelId') return String(modelId);
      return ids[template.slice(0, offset - 1)] ?? '1';
    });
  }

  function queryString(params: Record<string, string | undefined>, extra = ''): string {
    const parts = Object.entries(params)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${v}`);
    if (extra) parts.push(extra);
    return parts.length ? `?${parts.join('&')}` : '';
  }

  function plan(template: string, method: Method, op: Operation): Planned[] {
    const params = op.parameters ?? [];
    const pathNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const queryParams = params.filter((p) => p.in === 'query');
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const takesKey = params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');

    const validQuery: Record<string, string | undefined> = {};
    for (const p of queryParams) {
      if (p.required) validQuery[p.name] = encodeURIComponent(String(sample(p.name, p.schema)));
    }
    const baseBody = bodySchema ? sample('body', bodySchema) : undefined;
    const validPath = fillPath(template);
    const out: Planned[] = [];
    const add = (label: string, parts: Partial<Planned> = {}) =>
      out.push({
        label,
        path: validPath,
        query: queryString(validQuery),
        ...(bodySchema ? { body: { json: baseBody } } : {}),
        ...parts,
      });

    add('valid-looking');
    // Optional query parameters, all set at once with valid-looking values.
    if (queryParams.some((p) => !p.required)) {
      const all = Object.fromEntries(
        queryParams.map((p) => [p.name, encodeURIComponent(String(sample(p.name, p.schema)))]),
      );
      add('every query parameter', { query: queryString(all) });
    }

    // Hostile path values, one placeholder at a time.
    for (const name of pathNames) {
      for (const value of [...BAD_IDS, ...URL_STRINGS, 'a'.repeat(5_000)]) {
        add(`path ${name}=${value.slice(0, 24)}`, { path: fillPath(template, { name, value }) });
      }
    }

    // Query parameters: missing, wrong types, repeated, object syntax, hostile and huge values.
    for (const p of queryParams) {
      if (p.required) {
        add(`query ${p.name} missing`, { query: queryString({ ...validQuery, [p.name]: undefined }) });
      }
      const schema = resolve(p.schema);
      const wrong =
        schema.type === 'number' || schema.type === 'integer'
          ? ['abc', '1.5', '-1', '0', '']
          : schema.type === 'boolean'
            ? ['maybe', '2', '']
            : schema.enum
              ? ['nope', '', 'H%00']
              : ['', '0000-00-00', '2026-02-30'];
      const values = [...wrong, ...QUERY_HOSTILE.take(4), 'a'.repeat(5_000)];
      for (const value of values) {
        add(`query ${p.name}=${value.slice(0, 24)}`, {
          query: queryString({ ...validQuery, [p.name]: value }),
        });
      }
      const valid = encodeURIComponent(String(sample(p.name, p.schema)));
      add(`query ${p.name} repeated`, {
        query: queryString({ ...validQuery, [p.name]: undefined }, `${p.name}=${valid}&${p.name}=${valid}`),
      });
      add(`query ${p.name}[$gt]`, {
        query: queryString({ ...validQuery, [p.name]: undefined }, `${p.name}%5B%24gt%5D=1`),
      });
    }
    add('query unknown parameter', { query: queryString(validQuery, 'isAdmin=true') });

    if (takesKey) {
      for (const key of ['short', 'k'.repeat(200), "' OR 1=1 --", '../../etc/passwd']) {
        add(`Idempotency-Key=${key.slice(0, 24)}`, { idempotencyKey: key });
      }
    }

    if (bodySchema) {
      // Whole-body junk, empty, malformed, wrong media types, prototype pollution, oversize, deep.
      for (const body of WHOLE_BODIES) add(`body ${JSON.stringify(body)}`, { body: { json: body } });
      add('body {}', { body: { json: {} } });
      add('body extra field', {
        body: { json: { ...(baseBody as object), isAdmin: true } },
      });
      const raw = (label: string, data: string, type = 'application/json') =>
        add(label, { body: { raw: data, type } });
      raw('malformed JSON', '{"code": "abc",');
      raw('empty JSON', '');
      raw('JSON with a BOM', `\ufeff${JSON.stringify(baseBody)}`);
      raw('duplicate keys', '{"a":1,"a":2}');
      raw('__proto__', '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}');
      raw('text/plain', 'code=abc', 'text/plain');
      raw('form', 'code=abc', 'application/x-www-form-urlencoded');
      raw('oversize', JSON.stringify({ ...(baseBody as object), pad: 'x'.repeat(BODY_LIMIT_BYTES + 10) }));
      raw('deep', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`);

      for (const field of fieldsOf(bodySchema)) {
        const name = field.path.join('.');
        const declared = declaredJsonType(field.schema);
        const mutate = (label: string, value: unknown, remove = false) =>
          add(`${name} ${label}`, { body: { json: setAt(baseBody, field.path, value, remove) } });
        mutate('missing', undefined, true);
        for (const value of WRONG_TYPES.filter((v) => jsonType(v) !== declared)) {
          mutate(`=${JSON.stringify(value)}`, value);
        }
        mutate('huge', HUGE);
        for (const value of [...INJECTION.take(2), ...UNICODE.take(2), ...BLANK.take(1)]) {
          mutate(`=${JSON.stringify(value).slice(0, 24)}`, value);
        }
        if (declared === 'number') {
          for (const value of [1e308, -0, 2 ** 53, 2_147_483_648]) mutate(`=${value}`, value);
        }
        if (declared === 'string') mutate('="1e3"', '1e3');
        if (declared === 'object' || declared === 'array') mutate('={"__proto__"}', { __proto__: { a: 1 } });
      }
    }
    return out;
  }

  async function send(method: Method, role: Role, template: string, p: Planned): Promise<void> {
    let req = t.http[method](`${p.path}${p.query}`);
    const token = tokenFor(role, template);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    if (p.idempotencyKey !== undefined) req = req.set('idempotency-key', p.idempotencyKey);
    else req = req.set('idempotency-key', `sweep-${process.pid}-${(keySeq += 1)}`);
    let res: Response;
    try {
      if (!p.body) res = await req;
      else if ('raw' in p.body) res = await req.set('content-type', p.body.type).send(p.body.raw);
      else res = await req.set('content-type', 'application/json').send(JSON.stringify(p.body.json));
    } catch (error) {
      failures.push(`${method.toUpperCase()} ${template} [${role}] ${p.label} -> ${String(error)}`);
      return;
    }
    sent += 1;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const where = `${method.toUpperCase()} ${template} [${role}] ${p.label}`;
    if (res.status >= 200 && res.status < 300) return;
    if (res.status < 400 || res.status >= 500) {
      failures.push(`${where} -> ${res.status} ${res.text.slice(0, 200)}`);
      return;
    }
    const type = String(res.headers['content-type'] ?? '');
    let body: { title?: unknown; detail?: unknown } = {};
    try {
      body = JSON.parse(res.text) as typeof body;
    } catch {
      // reported below
    }
    const readable = [body.title, body.detail].some((s) => typeof s === 'string' && CJK.test(s));
    if (!/^application\/problem\+json/.test(type) || !readable) {
      failures.push(`${where} -> ${res.status} ${type} ${res.text.slice(0, 200)}`);
    }
  }

  it('documents every path placeholder as a path parameter', () => {
    const missing: string[] = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = ops[method];
        if (!op) continue;
        const declared = new Set((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
        for (const [, name] of template.matchAll(/\{([^}]+)\}/g)) {
          if (!declared.has(name)) missing.push(`${method.toUpperCase()} ${template}: {${name}}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers every documented operation with no 5xx and Chinese problem+json 4xx', async () => {
    const started = Date.now();
    const operations = Object.entries(doc.paths)
      .flatMap(([template, ops]) =>
        METHODS.filter((m) => ops[m]).map((method) => ({ template, method, op: ops[method]! })),
      )
      .sort((a, b) => Number(runsLast(a.template)) - Number(runsLast(b.template)));
    expect(operations.length).toBeGreaterThan(80);

    let covered = 0;
    for (const { template, method, op } of operations) {
      const key = `${method.toUpperCase()} ${template}`;
      if (SKIPPED[key]) continue;
      covered += 1;
      const planned = plan(template, method, op);
      for (const role of rolesFor(template, op)) {
        for (const p of planned) await send(method, role, template, p);
      }
    }
    await t.http.delete('/api/dev/clock');

    // The figures the closing note quotes.
    console.log(
      `OpenAPI sweep (${process.env.TEST_DATABASE ?? 'sqlite'}): ${covered}/${operations.length} operations, ` +
        `${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(
          Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
        )}; skipped ${JSON.stringify(SKIPPED)}`,
    );
    expect(failures).toEqual([]);
  }, 300_000);

  it('still works after the sweep', async () => {
    await t.http.get('/api/health').expect(200);
    await t.http.get('/api/stores').expect(200);
    await t.http.get('/api/deliveries').set('authorization', `Bearer ${tokens.customer}`).expect(200);
    await t.http.get('/api/staff/follow-ups').set('authorization', `Bearer ${tokens.admin}`).expect(200);
    await t.staffToken('gz.chen');
  });
});
