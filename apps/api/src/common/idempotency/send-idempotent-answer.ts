import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@dealer-care/domain';
import type { IdempotentAnswer } from './idempotency.service.js';

/** Answers with the stored status and body; a replayed client error keeps its problem+json type. */
export function sendIdempotentAnswer(reply: FastifyReply, answer: IdempotentAnswer): unknown {
  void reply.status(answer.status);
  if (answer.status >= 400) void reply.header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  if (answer.replayed) void reply.header('idempotent-replayed', 'true');
  return answer.body;
}
