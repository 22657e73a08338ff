/**
 * CORS for /api with an allowlist: the service's own origin (where it serves the pane) and
 * security.corsOrigins. A request from any other origin is refused outright (403), not merely left
 * without CORS headers: without sign-in a cross-site page could otherwise still make the service
 * act, even if it cannot read the answer. Preflights get exactly the methods and headers the API
 * takes, and every answer varies by Origin so caches never mix them up.
 * Tokens travel in the Authorization header, never in cookies: no Allow-Credentials.
 */
import type { RequestHandler } from 'express';
import { DialpaneError } from '../errors';

export const CORS_METHODS = ['GET', 'POST', 'DELETE'] as const;
export const CORS_HEADERS = ['authorization', 'content-type'] as const;
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

const refused = (what: string): DialpaneError =>
  new DialpaneError('ORIGIN_NOT_ALLOWED', `${what} is not allowed to call this Dialpane service.`, 'Open the pane from the Dialpane service itself, or add the page\'s origin to security.corsOrigins.');

export function cors(extraOrigins: readonly string[]): RequestHandler {
  const extra = new Set(extraOrigins.map((o) => o.toLowerCase()));
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    if (origin === undefined) {
      next();
      return;
    }
    const own = `${req.protocol}://${req.headers.host ?? ''}`.toLowerCase();
    if (origin.toLowerCase() !== own && !extra.has(origin.toLowerCase())) throw refused(`The page at ${origin.slice(0, 200)}`);
    const method = req.headers['access-control-request-method'];
    if (req.method === 'OPTIONS' && method !== undefined) {
      if (!(CORS_METHODS as readonly string[]).includes(method)) throw refused(`The method ${method.slice(0, 20)}`);
      const asked = (req.headers['access-control-request-headers'] ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
      const stray = asked.find((h) => !(CORS_HEADERS as readonly string[]).includes(h));
      if (stray !== undefined) throw refused(`The header ${stray.slice(0, 60)}`);
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', CORS_METHODS.join(', '));
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      res.status(204).end();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, WWW-Authenticate');
    next();
  };
}
