import type { StaffUser } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { parseSession, sessionFromLogin } from './session';

const staff: StaffUser = {
  id: 7,
  username: 'zhangwei',
  displayName: '张伟',
  role: 'consultant',
  storeId: 1,
  active: true,
};
const now = Date.UTC(2026, 10, 3, 2, 0, 0);

describe('sessionFromLogin', () => {
  it('turns expiresIn seconds into an absolute expiry', () => {
    const session = sessionFromLogin({ accessToken: 'tok', expiresIn: 3600, staff }, now);
    expect(session).toEqual({ accessToken: 'tok', expiresAt: now + 3_600_000, staff });
  });
});

describe('parseSession', () => {
  const valid = JSON.stringify({ accessToken: 'tok', expiresAt: now + 1000, staff });

  it('reads back what was stored', () => {
    expect(parseSession(valid, now)).toEqual({ accessToken: 'tok', expiresAt: now + 1000, staff });
  });

  it('drops an expired session', () => {
    expect(parseSession(valid, now + 1000)).toBeNull();
  });

  it('drops missing, malformed and tampered values', () => {
    for (const raw of [
      null,
      '',
      'not json',
      'null',
      '42',
      JSON.stringify({ expiresAt: now + 1000, staff }),
      JSON.stringify({ accessToken: '', expiresAt: now + 1000, staff }),
      JSON.stringify({ accessToken: 'tok', expiresAt: 'later', staff }),
      JSON.stringify({ accessToken: 'tok', expiresAt: now + 1000, staff: { ...staff, role: 'owner' } }),
      JSON.stringify({ accessToken: 'tok', expiresAt: now + 1000, staff: { ...staff, storeId: '1' } }),
      JSON.stringify({ accessToken: 'tok', expiresAt: now + 1000 }),
    ]) {
      expect(parseSession(raw, now)).toBeNull();
    }
  });
});
