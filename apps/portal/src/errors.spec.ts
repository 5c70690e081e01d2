import { ApiError } from '@dealer-care/api-client';
import { ErrorCode } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { problemOf, shouldRetry } from './errors';

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
