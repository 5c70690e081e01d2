import { ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@dealer-care/domain';
import { DomainException } from '../problem/domain.exception.js';
import { summariseFieldErrors, toFieldErrors } from './validation-messages.js';

/** Global validation: unknown fields are refused, types are converted, errors are Chinese field rows. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
