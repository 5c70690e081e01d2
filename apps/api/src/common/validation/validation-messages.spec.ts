import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from 'class-validator';
import { summariseFieldErrors, toFieldErrors } from './validation-messages.js';

describe('toFieldErrors', () => {
  it('translates constraint names, keeps Chinese messages and flattens nested paths', () => {
    const errors = [
      { property: 'extra', constraints: { whitelistValidation: 'property extra should not exist' } },
      { property: 'code', constraints: { matches: '微信登录凭证格式不正确' } },
      {
        property: 'openingHours',
        children: [
          {
            property: '0',
            children: [{ property: 'opens', constraints: { isString: 'opens must be a string' } }],
          },
        ],
      },
      { property: 'odd', constraints: { someCustomRule: 'odd is odd' } },
    ] as ValidationError[];
    const rows = toFieldErrors(errors);
    expect(rows).toEqual([
      { field: 'extra', message: '不支持此字段' },
      { field: 'code', message: '微信登录凭证格式不正确' },
      { field: 'openingHours.0.opens', message: '必须是文本' },
      { field: 'odd', message: '格式不正确' },
    ]);
    expect(summariseFieldErrors(rows.slice(0, 2))).toBe(
      '以下信息有误：extra 不支持此字段；code 微信登录凭证格式不正确',
    );
  });
});
