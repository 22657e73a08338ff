/** The one place where errors become HTTP answers: `{ code, message, hint }`, never a stack trace. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiError } from '../../src/shared/api';
import { DialpaneError } from '../errors';

export const notFound: RequestHandler = (req, _res, next) => {
  next(new DialpaneError('NOT_FOUND', `There is no API route ${req.method} ${req.path}.`, 'Check the path against the API list in the README.'));
};

/** Errors raised by Express's own body and query parsers (http-errors), mapped to stable codes. */
function fromHttpError(error: { status?: unknown; type?: unknown }): DialpaneError | undefined {
  if (error.type === 'entity.too.large') return new DialpaneError('PAYLOAD_TOO_LARGE', 'The request body is too large.', 'Send a smaller request.');
  if (error.status === 414) return new DialpaneError('URI_TOO_LONG', 'The request URL is too long.', 'Send a shorter request.');
  // The router's own 400 (a path segment like %E0%A4%A that is not valid percent-encoding) carries no type; body-parser's always do.
  if (error.status === 400 && error.type === undefined) {
    return new DialpaneError('BAD_REQUEST', 'The request URL could not be read: it holds a % that does not start valid percent-encoding.', 'Encode ids and search text with encodeURIComponent.');
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return new DialpaneError('BAD_REQUEST', 'The request could not be read.', 'Send valid JSON with Content-Type: application/json.');
  }
  return undefined;
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // An answer already went out (a request timeout answered first): there is nobody left to tell.
    if (res.headersSent) {
      if (!(error instanceof DialpaneError)) logger.debug({ method: req.method, path: req.path, err: describeCause(error) }, 'error after the answer was sent');
      return;
    }
    let known = error instanceof DialpaneError ? error : undefined;
    if (!known && error !== null && typeof error === 'object') known = fromHttpError(error);
    if (!known) {
      logger.error({ err: error, method: req.method, path: req.path }, 'unexpected error');
      known = new DialpaneError('INTERNAL', 'Something went wrong inside Dialpane.', 'Try again; if it keeps happening, the service log has the details.');
    } else if (known.status >= 500) {
      logger.warn({ code: known.code, method: req.method, path: req.path, cause: describeCause(known.cause) }, known.message);
    }
    if (known.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(known.retryAfterSeconds));
    // RFC 6750: a 401 names the scheme the client must use.
    if (known.status === 401) res.setHeader('WWW-Authenticate', known.code === 'UNAUTHENTICATED' && req.headers.authorization !== undefined ? 'Bearer realm="Dialpane", error="invalid_token"' : 'Bearer realm="Dialpane"');
    const body: ApiError = { code: known.code, message: known.message, hint: known.hint };
    res.status(known.status).json(body);
  };
}

function describeCause(cause: unknown): string | undefined {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : cause === undefined ? undefined : String(cause);
}
