import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import { isReason, reasonRules } from './reason';

describe('isReason', () => {
  it('wants two characters at least, spaces aside', () => {
    expect(isReason('保养')).toBe(true);
    expect(isReason(' 延误 ')).toBe(true);
    expect(isReason(' 修 ')).toBe(false);
    expect(isReason(undefined)).toBe(false);
  });
});

describe('reasonRules', () => {
  const [required, atLeastTwo] = reasonRules('请填写取消原因') as [
    Exclude<FormRule, (...args: never[]) => unknown>,
    Exclude<FormRule, (...args: never[]) => unknown>,
  ];
  const check = (value: string | undefined) => atLeastTwo.validator!(atLeastTwo, value, () => undefined);

  it('asks for the reason when it is empty', () => {
    expect(required).toEqual({ required: true, whitespace: true, message: '请填写取消原因' });
  });

  it('leaves an empty field to the required rule and turns down one character', async () => {
    await expect(check(undefined)).resolves.toBeUndefined();
    await expect(check('  ')).resolves.toBeUndefined();
    await expect(check('客户退订')).resolves.toBeUndefined();
    await expect(check(' 退 ')).rejects.toThrow('至少填写 2 个字');
  });
});
