import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ErrorCode } from '@dealer-care/domain';
import { DomainException } from '../problem/domain.exception.js';
import { summariseFieldErrors, toFieldErrors } from './validation-messages.js';

/**
 * Global validation of bodies and queries: unknown fields are refused, types are converted,
 * errors are Chinese field rows. Route params are left to their own pipes (IdParamPipe), because
 * the built-in primitive conversion would turn "1e3" into 1000 before they could refuse it.
 */
/** The body of an action that takes no input: `{}` or nothing at all. */
export class EmptyBody {}

class BodyAndQueryValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') return Promise.resolve(value);
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      // No body at all is an empty object: the DTO's own rules then say what is missing.
      if (value === undefined) value = {};
      assertPlainBody(value);
      if (metadata.metatype === EmptyBody) return Promise.resolve(assertEmpty(value as object));
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

function assertEmpty(body: object): EmptyBody {
  const fields = Object.keys(body);
  if (fields.length > 0) {
    const rows = fields.map((field) => ({ field, message: '不支持此字段' }));
    throw new DomainException(ErrorCode.ValidationFailed, summariseFieldErrors(rows), rows);
  }
  return new EmptyBody();
}

/** Deeper than any DTO of ours; stops hostile nesting before class-transformer recurses into it. */
const MAX_BODY_DEPTH = 16;

/** Bodies of DTO routes must be JSON objects of sane depth (checked without recursion). */
function assertPlainBody(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainException(ErrorCode.MalformedBody, '请求内容必须是 JSON 对象');
  }
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_BODY_DEPTH) throw new DomainException(ErrorCode.MalformedBody, '请求内容嵌套层级过深');
    for (const child of Object.values(node as object)) {
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: depth + 1 });
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new BodyAndQueryValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const rows = toFieldErrors(errors);
      return new DomainException(ErrorCode.ValidationFailed, summariseFieldErrors(rows), rows);
    },
  });
}
