/**
 * Limits every request meets before any route: a URL no longer than security.maxUrlLength (414),
 * an answer within security.requestTimeoutMs whatever a directory or dialer does (503
 * REQUEST_TIMEOUT; the work's own late answer is dropped), and API answers never cached.
 * Bodies are capped where they are parsed (express.json, 413), and must be JSON.
 */
import type { RequestHandler } from 'express';
import { DialpaneError } from '../errors';

export function maxUrlLength(max: number): RequestHandler {
  return (req, _res, next) => {
    if (req.originalUrl.length > max) {
      throw new DialpaneError('URI_TOO_LONG', `The request URL is longer than ${max} characters.`, 'Search with shorter text; ids and cursors are never this long.');
    }
    next();
  };
}

export function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (!res.headersSent) next(new DialpaneError('REQUEST_TIMEOUT', `Dialpane could not answer within ${Math.round(ms / 100) / 10} s.`, 'A directory or phone system is slow to answer; try again in a moment.', { retryAfterSeconds: 5 }));
    }, ms);
    timer.unref();
    const clear = (): void => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * express.json leaves a body of another type unread, so `{"dialerId": …}` sent as text/plain
 * (fetch's default for a string) was answered "dialerId: expected string, received undefined".
 * Say what is actually wrong instead.
 */
export const jsonBodiesOnly: RequestHandler = (req, _res, next) => {
  if (req.body === undefined && req.is('application/json') === false && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0)) {
    throw new DialpaneError('BAD_REQUEST', `The request body is ${req.headers['content-type'] ?? 'sent without a Content-Type'}, not JSON.`, 'Send valid JSON with Content-Type: application/json.');
  }
  next();
};
