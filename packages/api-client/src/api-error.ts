import {
  ErrorCode,
  errorCodeStatus,
  errorCodeTitle,
  isProblemDetails,
  problemType,
  type ProblemDetails,
} from '@dealer-care/domain';

/** Every failed call rejects with this; `problem` is the server's problem+json (or an equivalent). */
export class ApiError extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): ProblemDetails['code'] {
    return this.problem.code;
  }

  /** Builds the error for an answer that is not a problem+json body (a proxy's HTML page, say). */
  static fromStatus(status: number): ApiError {
    const code =
      status === 401
        ? ErrorCode.Unauthenticated
        : status === 403
          ? ErrorCode.Forbidden
          : status === 404
            ? ErrorCode.NotFound
            : status === 429
              ? ErrorCode.TooManyRequests
              : status >= 500
                ? ErrorCode.ServiceUnavailable
                : ErrorCode.ValidationFailed;
    return new ApiError({ type: problemType(code), title: errorCodeTitle[code], status, code });
  }

  static network(cause: unknown): ApiError {
    const code = ErrorCode.NetworkError;
    const error = new ApiError({
      type: problemType(code),
      title: errorCodeTitle[code],
      status: errorCodeStatus[code],
      code,
    });
    (error as { cause?: unknown }).cause = cause;
    return error;
  }

  static fromResponse(status: number, body: unknown): ApiError {
    return isProblemDetails(body) ? new ApiError(body) : ApiError.fromStatus(status);
  }
}
