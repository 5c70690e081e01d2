import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@dealer-care/domain';
import { ProblemDetailsDto } from './problem-details.dto.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing, invalid or expired token',
  403: 'Not allowed for this caller or store',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Body too large',
  422: 'Idempotency key reused with another body',
  429: 'Rate limited',
  502: 'WeChat unavailable',
};

/** Documents the problem+json answers an operation may give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}
