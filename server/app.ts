/**
 * The companion service as an Express app, apart from the process entry point (main.ts), so tests
 * drive it with supertest against real directories.
 *
 * Request path: request log → security headers → URL length → (/api: CORS, no-store, request
 * timeout, JSON body ≤ 64 KB) → health and sign-in (public) → the sign-in gate → the API →
 * the one error middleware. See server/http/* for each piece.
 */
import express, { type Express } from 'express';
import pino, { type Logger } from 'pino';
import { AccountLimiter } from './auth/account-limiter';
import type { AuthDeps } from './auth/create-auth';
import { SignInService } from './auth/sign-in-service';
import { TokenService } from './auth/tokens';
import type { Config } from './config/schema';
import { DialService, type DialServiceDeps } from './dial/dial-service';
import type { Dialer } from './dial/dialer';
import type { Directory } from './directory/directory';
import { cors } from './http/cors';
import { dialRouter } from './http/dial-router';
import { directoriesRouter } from './http/directories-router';
import { errorMiddleware, notFound } from './http/error-middleware';
import { directoriesHealth } from './http/health';
import { indexedPeople } from './http/indexed-people';
import { lookupRouter } from './http/lookup-router';
import { numberLookupRouter } from './http/number-lookup-router';
import { officeJsRouter } from './http/office-js';
import { dialLimit, signInAddressLimit } from './http/rate-limits';
import { jsonBodiesOnly, maxUrlLength, noStore, requestTimeout } from './http/request-limits';
import { peopleRouter } from './http/people-router';
import { publicSessionRouter, sessionRouter } from './http/session-router';
import { requestLog } from './http/request-log';
import { requireAuth } from './http/require-auth';
import { securityHeaders } from './http/security-headers';
import { PANE_DIR } from './paths';
import { NumberKeys } from './phone/number-key';

export interface AppDeps {
  directories: readonly Directory[];
  /** Configured dialers (create-dialers.ts); none = the pane falls back to its tel: link. */
  dialers?: readonly Dialer[];
  /** Idempotency settings of POST /api/dial; tests pass a clock. */
  idempotency?: DialServiceDeps['idempotency'];
  logger?: Logger;
  /** Folder of the built task pane; defaults to dist/pane. */
  paneDir?: string;
  /** Sign-in (auth/create-auth.ts): required when auth.mode is "directory", unused with "none". */
  auth?: AuthDeps;
}

/**
 * Whatever logs, these never reach the output: passwords (sign-in bodies, a parser error's raw
 * body), tokens and Authorization/Cookie headers, at the top level and two levels down.
 */
export const LOG_REDACT_PATHS = ['password', 'token', 'authorization', 'cookie', 'body', 'headers.authorization', 'headers.cookie'].flatMap((p) => [p, `*.${p}`, `*.*.${p}`]);

export function createApp(config: Config, deps: AppDeps): Express {
  const logger = (deps.logger ?? pino({ level: 'silent' })).child({}, { redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } });
  if (config.auth.mode === 'directory' && deps.auth === undefined) {
    throw new Error('auth.mode is "directory": pass deps.auth = createAuth(loaded) to createApp (or run the configuration with auth.mode: none on loopback)');
  }
  const { auth } = deps;
  const { limits } = config.auth;
  const tokens = auth === undefined ? undefined : new TokenService({ key: auth.signingKey, tokenMinutes: config.auth.tokenMinutes, sessionHours: config.auth.sessionHours, ...(auth.now ? { now: auth.now } : {}) });
  const signIn =
    auth === undefined || tokens === undefined
      ? undefined
      : new SignInService({
          directories: auth.directories,
          tokens,
          limiter: new AccountLimiter({ limit: limits.accountFailures, windowMs: limits.windowMinutes * 60_000, ...(auth.now ? { now: auth.now } : {}) }),
          logger,
          ...(auth.now ? { now: auth.now } : {}),
        });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(logger));
  app.use(securityHeaders(config));
  app.use(maxUrlLength(config.security.maxUrlLength));

  const api = express.Router();
  api.use(noStore, cors(config.security.corsOrigins), requestTimeout(config.security.requestTimeoutMs));
  api.use(express.json({ limit: '64kb' }), jsonBodiesOnly);
  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  api.use(publicSessionRouter(signIn, signInAddressLimit(limits)));
  api.use(requireAuth(tokens));
  api.use(sessionRouter(signIn));
  // Each directory and its index: names and sizes, so behind the sign-in gate unlike /health.
  api.get('/health/directories', directoriesHealth(deps.directories));
  // Indexed directories answer people lists here; the rest (and an index still loading) fall through.
  api.get('/directories/:id/people', indexedPeople(deps.directories));
  api.use('/directories', directoriesRouter(deps.directories));
  const dialing = new DialService({ config, directories: deps.directories, dialers: deps.dialers ?? [], logger, ...(deps.idempotency ? { idempotency: deps.idempotency } : {}) });
  api.post('/dial', dialLimit(limits));
  api.use(dialRouter(dialing));
  api.use('/people', peopleRouter(deps.directories));
  api.use(lookupRouter(deps.directories));
  api.use(numberLookupRouter(deps.directories, new NumberKeys(config.phone)));
  api.use(notFound);
  app.use('/api', api);

  app.use('/office-js', officeJsRouter(config.server.officeJs));
  app.use(express.static(deps.paneDir ?? PANE_DIR, { index: 'taskpane.html' }));

  app.use(errorMiddleware(logger));
  return app;
}
