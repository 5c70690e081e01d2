import { errorCodeStatus, type ErrorCode, type FieldError } from '@dealer-care/domain';

/**
 * The one exception use cases throw for expected failures. The problem filter turns it into
 * problem+json with the code's HTTP status; `detail` is Chinese and safe to show a customer.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? code);
    this.name = 'DomainException';
  }

  get status(): number {
    return errorCodeStatus[this.code];
  }
}
