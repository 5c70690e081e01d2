import { ApiError } from '@dealer-care/api-client';
import { ErrorCode } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, problemOf, problemText, shouldRetry } from './errors';

describe('problemOf', () => {
  it('returns the server problem of an ApiError', () => {
    const error = ApiError.fromResponse(401, {
      type: 'https://dealer-care.cn/problems/invalid-credentials',
      title: '账号或密码错误',
      status: 401,
      code: ErrorCode.InvalidCredentials,
    });
    expect(problemOf(error).title).toBe('账号或密码错误');
    expect(problemOf(error).code).toBe(ErrorCode.InvalidCredentials);
  });

  it('gives a generic Chinese problem for anything else', () => {
    expect(problemOf(new TypeError('boom'))).toMatchObject({
      code: ErrorCode.Internal,
      title: '系统繁忙，请稍后再试',
    });
    expect(problemOf(undefined).code).toBe(ErrorCode.Internal);
  });
});

describe('shouldRetry', () => {
  it('retries network failures and server errors, at most twice', () => {
    expect(shouldRetry(0, ApiError.network(new Error('offline')))).toBe(true);
    expect(shouldRetry(1, ApiError.fromStatus(503))).toBe(true);
    expect(shouldRetry(2, ApiError.fromStatus(503))).toBe(false);
  });

  it('never retries client errors', () => {
    for (const status of [400, 401, 403, 404, 429])
      expect(shouldRetry(0, ApiError.fromStatus(status))).toBe(false);
  });
});

describe('problemText', () => {
  it('prefers the detail and falls back to the title', () => {
    const withDetail = ApiError.fromResponse(409, {
      type: 'https://dealer-care.cn/problems/conflict',
      title: '操作冲突，请刷新后重试',
      detail: '该预约已被客户取消',
      status: 409,
      code: ErrorCode.Conflict,
    });
    expect(problemText(withDetail)).toBe('该预约已被客户取消');
    expect(problemText(ApiError.fromStatus(404))).toBe('没有找到相应的记录');
    expect(problemText(new Error('boom'))).toBe('系统繁忙，请稍后再试');
  });
});

describe('fieldErrorsOf', () => {
  it('groups the messages of the form fields it knows and ignores the rest', () => {
    const error = ApiError.fromResponse(400, {
      type: 'https://dealer-care.cn/problems/validation-failed',
      title: '提交的信息有误，请检查后重试',
      status: 400,
      code: ErrorCode.ValidationFailed,
      errors: [
        { field: 'reason', message: '请填写原因' },
        { field: 'reason', message: '至少 2 个字' },
        { field: 'other', message: '不相关' },
      ],
    });
    expect(fieldErrorsOf(error, ['reason', 'note'])).toEqual([
      { name: 'reason', errors: ['请填写原因', '至少 2 个字'] },
    ]);
    expect(fieldErrorsOf(ApiError.fromStatus(500), ['reason'])).toEqual([]);
  });
});
