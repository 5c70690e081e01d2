import { describe, expect, it } from '@jest/globals';
import { classifySendFailure, describeSendError, sendBackoffMs } from './send-outcome.js';

describe('classifySendFailure', () => {
  it.each([
    [43101, 'refused'],
    [-1, 'retry'],
    [45011, 'retry'],
    [-2, 'retry'],
    [40001, 'retry'],
    [40003, 'failed'],
    [40037, 'failed'],
    [47003, 'failed'],
    [12345, 'failed'],
  ] as const)('%i → %s', (errcode, expected) => {
    expect(classifySendFailure(errcode)).toBe(expected);
  });
});

describe('sendBackoffMs', () => {
  it('doubles from one minute and stops at one hour', () => {
    expect([1, 2, 3, 7, 8, 20].map(sendBackoffMs)).toEqual([
      60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe('describeSendError', () => {
  it('says in Chinese what happened and keeps WeChat’s code', () => {
    expect(describeSendError(45011, 'minute-limit')).toBe('微信发送频率超限（errcode 45011: minute-limit）');
    expect(describeSendError(40003, '')).toBe('客户的微信身份无效（errcode 40003）');
    expect(describeSendError(1, 'x'.repeat(600))).toHaveLength(500);
  });
});
