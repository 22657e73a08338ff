/**
 * The gate in front of every /api route but the health check and signing in.
 * - directory mode: a valid `Authorization: Bearer <token>`, else 401 UNAUTHENTICATED (with
 *   WWW-Authenticate, set by the error middleware);
 * - none mode: no sign-in, so only this machine may ask — the socket's peer must be a loopback
 *   address (the configuration already insists on a loopback server.host; this holds even behind
 *   a misconfigured port forward).
 */
import type { RequestHandler } from 'express';
import { isLoopbackHost } from '../config/auth-schema';
import { type TokenService, unauthenticated } from '../auth/tokens';
import { DialpaneError } from '../errors';
import { setSession } from './request-session';

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i;

export function requireAuth(tokens: TokenService | undefined): RequestHandler {
  if (tokens === undefined) {
    return (req, _res, next) => {
      if (!isLoopbackHost(req.socket.remoteAddress ?? '')) {
        throw new DialpaneError('LOOPBACK_ONLY', 'This Dialpane service runs without sign-in and answers only its own machine.', 'Ask the administrator to turn sign-in on (auth.mode: directory).');
      }
      next();
    };
  }
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (header === undefined || header === '') throw unauthenticated('Sign in to use Dialpane.');
    const match = BEARER.exec(header);
    if (!match) throw unauthenticated('The sign-in token is not valid.');
    setSession(req, await tokens.verify(match[1] as string));
    next();
  };
}
