import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE_UTF8, toProblem } from './problem.js';

/** Every error leaves the API as application/problem+json; unexpected ones are logged with their stack. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(exception, request, reply, this.logger);
  }
}

export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'>,
): void {
  const path = request.url.split('?')[0];
  const { status, body, unexpected } = toProblem(exception, path, String(request.id));
  if (unexpected)
    logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  if (reply.sent) return;
  void reply.status(status).header('content-type', PROBLEM_CONTENT_TYPE_UTF8).send(JSON.stringify(body));
}
