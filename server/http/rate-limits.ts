/**
 * Request-count limits (express-rate-limit, in memory, per instance): failed sign-ins per client
 * address, and calls per signed-in person (per address without sign-in). The per-account limit of
 * sign-ins lives in auth/account-limiter.ts: it must count binds still in flight.
 * Both answer 429 RATE_LIMITED with Retry-After through the one error middleware.
 *
 * The client address is the socket's: the service trusts no X-Forwarded-For (behind a reverse
 * proxy every client would share the proxy's address — see the README).
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AuthConfig } from '../config/auth-schema';
import { DialpaneError } from '../errors';
import { userOf } from './request-session';

const MINUTE_MS = 60_000;

function retryAfter(req: Request, windowMs: number): number {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const ms = reset === undefined ? windowMs : reset.getTime() - Date.now();
  return Math.max(1, Math.ceil(ms / 1000));
}

const addressKey = (req: Request): string => ipKeyGenerator(req.socket.remoteAddress ?? 'unknown');

/** Failed sign-ins (4xx answers) per address; successes and directory outages do not count. */
export function signInAddressLimit(limits: AuthConfig['limits']): RequestHandler {
  const windowMs = limits.windowMinutes * MINUTE_MS;
  return rateLimit({
    windowMs,
    limit: limits.addressFailures,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: addressKey,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode < 400 || res.statusCode >= 500,
    validate: { xForwardedForHeader: false, forwardedHeader: false },
    handler: (req, _res, next) =>
      next(new DialpaneError('RATE_LIMITED', 'Too many failed sign-ins from your address.', 'Wait a while before trying again.', { retryAfterSeconds: retryAfter(req, windowMs) })),
  });
}

/** Calls per signed-in person (or per address without sign-in) per minute. */
export function dialLimit(limits: AuthConfig['limits']): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit: limits.dialsPerMinute,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => {
      const user = userOf(req);
      return user === undefined ? addressKey(req) : `${user.directoryId}/${user.id}`;
    },
    validate: { xForwardedForHeader: false, forwardedHeader: false },
    handler: (req, _res, next) =>
      next(new DialpaneError('RATE_LIMITED', 'Too many calls in a short time.', 'Wait a minute before calling again.', { retryAfterSeconds: retryAfter(req, MINUTE_MS) })),
  });
}
