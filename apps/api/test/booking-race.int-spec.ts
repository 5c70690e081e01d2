import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DayAvailability, TestDriveConsent } from '@dealer-care/domain';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/test-database.js';

const ROUNDS = 10;
const SURNAMES = '张王李赵刘陈杨黄周吴';
const GIVEN = '伟芳娜敏静强磊洋艳杰';
const chineseName = (i: number) => `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`;
const CONTENDERS = 50;

/**
 * Two customers racing for the last car must end with exactly one booking. On MariaDB the racers
 * are spread over two API processes sharing the database; the embedded SQLite path is one process.
 */
describe(`last-car race (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      ...database.env,
      AUTH_DEV_LOGIN: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      BOOKING_RATE_LIMIT_PER_MINUTE: '10000',
    };
    // The first process migrates and seeds; the second finds the schema ready.
    apis.push(await startApiProcess(env));
    if (database.kind === 'mariadb') apis.push(await startApiProcess(env));
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop('SIGKILL')));
    await database.drop();
  });

  const json = async <T>(
    api: ApiProcess,
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${api.baseUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  async function customerToken(api: ApiProcess, devUser: string): Promise<string> {
    const { status, body } = await json<{ accessToken: string }>(api, '/api/auth/dev/login', {
      method: 'POST',
      body: JSON.stringify({ devUser }),
    });
    expect(status).toBe(200);
    return body.accessToken;
  }

  it(`gives the last car to exactly one of ${CONTENDERS} customers, ${ROUNDS} times in a row`, async () => {
    const api = apis[0]!;
    const consent = (await json<TestDriveConsent>(api, '/api/test-drive/consent')).body;
    const days = (await json<DayAvailability[]>(api, '/api/stores/1/models/1/availability')).body;
    const slots = days.flatMap((day) => day.slots).filter((slot) => slot.remaining === 2);
    expect(slots.length).toBeGreaterThanOrEqual(ROUNDS);
    const book = (target: ApiProcess, token: string, startsAt: string, name: string) =>
      fetch(`${target.baseUrl}/api/test-drive/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          storeId: 1,
          modelId: 1,
          startsAt,
          customerName: name,
          mobile: '13800138000',
          licenceNumber: '11010519491231002X',
          consentVersion: consent.version,
          licenceConsent: true,
        }),
      });

    for (let round = 0; round < ROUNDS; round++) {
      const slot = slots[round]!;
      // One of the two S5 cars is taken first, so exactly one is left to race for.
      const first = await book(api, await customerToken(api, `race-${round}-first`), slot.startsAt, '先到');
      expect(first.status).toBe(201);

      const tokens = await Promise.all(
        Array.from({ length: CONTENDERS }, (_, i) =>
          customerToken(apis[i % apis.length]!, `race-${round}-${i}`),
        ),
      );
      const answers = await Promise.all(
        tokens.map(async (token, i) => {
          const res = await book(apis[i % apis.length]!, token, slot.startsAt, chineseName(i));
          return {
            status: res.status,
            body: (await res.json()) as { code?: string; suggestedSlots?: unknown[] },
          };
        }),
      );
      const statuses = answers.map((a) => a.status);
      expect([round, statuses.filter((s) => s === 201).length]).toEqual([round, 1]);
      expect([round, statuses.filter((s) => s === 409).length]).toEqual([round, CONTENDERS - 1]);
      for (const answer of answers.filter((a) => a.status === 409)) {
        expect(answer.body.code).toBe('conflict');
        expect(Array.isArray(answer.body.suggestedSlots)).toBe(true);
      }
      const after = (await json<DayAvailability[]>(api, '/api/stores/1/models/1/availability')).body
        .flatMap((day) => day.slots)
        .find((s) => s.startsAt === slot.startsAt);
      expect(after).toMatchObject({ held: 2, remaining: 0 });
    }
  });
});
