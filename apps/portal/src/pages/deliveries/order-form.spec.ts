import type { StaffUser } from '@dealer-care/domain';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formFieldErrors } from './offer-form';
import {
  SubmissionKeys,
  consultantOptions,
  orderFieldPath,
  picksConsultant,
  randomKey,
  toCreateOrderRequest,
  type OrderFormValues,
} from './order-form';

const values: OrderFormValues = {
  customerName: '  王 小明 ',
  customerMobile: '+86 138-0013-8000',
  modelId: 3,
  trim: ' 长续航版 ',
  colour: '星河蓝 ',
  vin: ' lsvag2180e2100017 ',
  promised: [dayjs('2026-11-25'), dayjs('2026-12-05')],
};

describe('toCreateOrderRequest', () => {
  it('normalises what was typed', () => {
    expect(toCreateOrderRequest(values)).toEqual({
      customerName: '王 小明',
      customerMobile: '13800138000',
      modelId: 3,
      trim: '长续航版',
      colour: '星河蓝',
      vin: 'LSVAG2180E2100017',
      promisedFrom: '2026-11-25',
      promisedTo: '2026-12-05',
    });
  });

  it('leaves out an empty VIN and sends the consultant only when picked', () => {
    const body = toCreateOrderRequest({ ...values, vin: '  ', consultantId: undefined });
    expect(body).not.toHaveProperty('vin');
    expect(body).not.toHaveProperty('consultantId');
    expect(toCreateOrderRequest({ ...values, consultantId: 12 }).consultantId).toBe(12);
  });
});

describe('server field errors', () => {
  it('land on the form fields, the promised window on its range picker', () => {
    expect(
      formFieldErrors(
        [
          { field: 'customerMobile', message: '请输入正确的11位手机号' },
          { field: 'promisedTo', message: '承诺交车期不能已经过去' },
          { field: 'vin', message: '车架号（VIN）校验位不正确，请核对' },
          { field: 'storeId', message: 'x' },
        ],
        orderFieldPath,
      ),
    ).toEqual([
      { name: 'customerMobile', errors: ['请输入正确的11位手机号'] },
      { name: 'promised', errors: ['承诺交车期不能已经过去'] },
      { name: 'vin', errors: ['车架号（VIN）校验位不正确，请核对'] },
    ]);
  });
});

describe('consultants', () => {
  const user = (id: number, overrides: Partial<StaffUser>): StaffUser => ({
    id,
    username: `u${id}`,
    displayName: `顾问${id}`,
    role: 'consultant',
    storeId: 1,
    active: true,
    ...overrides,
  });

  it('are picked by managers and admins, not by consultants', () => {
    expect(picksConsultant('consultant')).toBe(false);
    expect(picksConsultant('manager')).toBe(true);
    expect(picksConsultant('admin')).toBe(true);
  });

  it('are the store’s active consultants', () => {
    const users = [
      user(1, { displayName: '王芳' }),
      user(2, { displayName: '陈晓明' }),
      user(3, { role: 'manager' }),
      user(4, { storeId: 2 }),
      user(5, { active: false }),
    ];
    expect(consultantOptions(users, 1).map((o) => o.value)).toEqual([2, 1]);
    expect(consultantOptions(users, 9)).toEqual([]);
  });
});

describe('SubmissionKeys', () => {
  it('reuses the key when the same order is sent again', () => {
    let n = 0;
    const keys = new SubmissionKeys(() => `k${++n}`);
    const body = toCreateOrderRequest(values);
    expect(keys.keyFor(body)).toBe('k1');
    expect(keys.keyFor({ ...body })).toBe('k1');
  });

  it('takes a new key when the form changed or after a success', () => {
    let n = 0;
    const keys = new SubmissionKeys(() => `k${++n}`);
    const body = toCreateOrderRequest(values);
    expect(keys.keyFor(body)).toBe('k1');
    expect(keys.keyFor({ ...body, colour: '珍珠白' })).toBe('k2');
    keys.settle();
    expect(keys.keyFor({ ...body, colour: '珍珠白' })).toBe('k3');
  });

  it('makes UUID-shaped random keys', () => {
    const key = randomKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomKey()).not.toBe(key);
  });
});
