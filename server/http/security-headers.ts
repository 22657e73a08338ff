/**
 * Security headers (helmet) for everything the service sends, tuned for a pane Outlook shows in a
 * frame of its own pages:
 * - CSP frame-ancestors lists the Outlook hosts (security.frameAncestors) — and X-Frame-Options is
 *   off, since it cannot name them and would block the pane;
 * - scripts only from this service (the pane bundle and the local Office.js), plus Microsoft's
 *   Office.js CDN when server.officeJs is "cdn"; no inline script, no eval;
 * - styles may be inline: Fluent UI (Griffel) inserts <style> elements at run time;
 * - Cross-Origin-Resource-Policy cross-origin: Outlook shows the add-in's icons from its own pages;
 * - HSTS only with sign-in: the loopback demo must not pin HTTPS on "localhost" for other programs.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Config } from '../config/schema';
import { OFFICE_JS_CDN } from './office-js';

export function securityHeaders(config: Pick<Config, 'auth' | 'security' | 'server'>): RequestHandler {
  const cdn = config.server.officeJs === 'cdn' ? [new URL(OFFICE_JS_CDN).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...cdn],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: photos fetched with the sign-in token (an <img> cannot send it).
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: config.security.frameAncestors,
      },
    },
    frameguard: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: config.auth.mode === 'directory' ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
