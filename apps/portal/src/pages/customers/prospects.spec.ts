import type { StaffUser } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  PROSPECTS_PAGE_SIZE,
  buildContact,
  buildLost,
  buildProfileUpdate,
  buildRegister,
  consultantChoices,
  prospectsQueryFromParams,
} from './prospects';

describe('prospectsQueryFromParams', () => {
  const params = new URLSearchParams('q= 王 &status=active&intent=H&consultant=7&store=2&page=3');
  it('reads search, status, intent and page for everyone', () => {
    expect(prospectsQueryFromParams(params, 'consultant')).toEqual({
      q: '王',
      status: 'active',
      intentLevel: 'H',
      page: 3,
      pageSize: PROSPECTS_PAGE_SIZE,
    });
  });
  it('adds the consultant for managers and the store for admins', () => {
    expect(prospectsQueryFromParams(params, 'manager').consultantId).toBe(7);
    expect(prospectsQueryFromParams(params, 'manager').storeId).toBeUndefined();
    expect(prospectsQueryFromParams(params, 'admin').storeId).toBe(2);
  });
  it('drops unknown values', () => {
    expect(prospectsQueryFromParams(new URLSearchParams('status=maybe&intent=Z'), 'manager')).toEqual({
      page: 1,
      pageSize: PROSPECTS_PAGE_SIZE,
    });
  });
});

describe('buildRegister', () => {
  it('normalises the phone and uses the staff store', () => {
    expect(
      buildRegister(
        {
          name: ' 王先生 ',
          phone: '+86 138-0013-8000',
          channel: 'visit',
          note: '看星河，周末试驾',
          intentLevel: 'A',
        },
        1,
      ),
    ).toEqual({
      ok: true,
      body: {
        storeId: 1,
        name: '王先生',
        phone: '13800138000',
        channel: 'visit',
        note: '看星河，周末试驾',
        intentLevel: 'A',
      },
    });
  });

  it('lists every field to fix', () => {
    const built = buildRegister({ phone: '12345', note: '好' }, null);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.map((e) => e.name)).toEqual(['storeId', 'name', 'phone', 'channel', 'note']);
    expect(built.errors.find((e) => e.name === 'phone')?.errors).toEqual(['请输入正确的11位手机号']);
  });
});

describe('buildContact / buildLost', () => {
  it('logs a contact with an optional new intent', () => {
    expect(buildContact({ channel: 'outbound_call', note: ' 约了周六 ', intentLevel: 'H' })).toEqual({
      ok: true,
      body: { channel: 'outbound_call', note: '约了周六', intentLevel: 'H' },
    });
    expect(buildContact({ channel: 'wechat', note: '' })).toMatchObject({ ok: false });
  });

  it('needs a reason category, and words for 其他', () => {
    expect(buildLost({})).toMatchObject({ ok: false, errors: [{ name: 'category' }] });
    expect(buildLost({ category: 'other' })).toMatchObject({ ok: false, errors: [{ name: 'note' }] });
    expect(buildLost({ category: 'competitor', note: ' 买了竞品 ' })).toEqual({
      ok: true,
      body: { category: 'competitor', note: '买了竞品' },
    });
    expect(buildLost({ category: 'price' })).toEqual({ ok: true, body: { category: 'price' } });
  });
});

describe('buildProfileUpdate', () => {
  const current = { style: 'analytical' as const, styleNote: '看数据', consultantId: 7 };
  it('sends only what changed', () => {
    expect(
      buildProfileUpdate({ style: 'analytical', styleNote: '看数据', consultantId: 7 }, current, 'manager'),
    ).toBeNull();
    expect(buildProfileUpdate({ style: 'driver', styleNote: '看数据 ' }, current, 'consultant')).toEqual({
      style: 'driver',
    });
    expect(buildProfileUpdate({ style: null, styleNote: '' }, current, 'consultant')).toEqual({
      style: null,
      styleNote: null,
    });
  });
  it('hands the customer over only for managers', () => {
    const values = { style: 'analytical' as const, styleNote: '看数据', consultantId: 8 };
    expect(buildProfileUpdate(values, current, 'consultant')).toBeNull();
    expect(buildProfileUpdate(values, current, 'manager')).toEqual({ consultantId: 8 });
  });
});

describe('consultantChoices', () => {
  it('lists the active consultants of the store by name', () => {
    const users: StaffUser[] = [
      { id: 1, username: 'a', displayName: '赵敏', role: 'consultant', storeId: 1, active: true },
      { id: 2, username: 'b', displayName: '陈晓明', role: 'consultant', storeId: 1, active: true },
      { id: 3, username: 'c', displayName: '李经理', role: 'manager', storeId: 1, active: true },
      { id: 4, username: 'd', displayName: '孙离职', role: 'consultant', storeId: 1, active: false },
      { id: 5, username: 'e', displayName: '周', role: 'consultant', storeId: 2, active: true },
    ];
    expect(consultantChoices(users, 1).map((o) => o.value)).toEqual([2, 1]);
  });
});
