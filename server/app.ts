/**
 * The companion service as an Express app, apart from the process entry point (main.ts), so tests
 * drive it with supertest against real directories.
 */
import express, { type Express } from 'express';
import pino, { type Logger } from 'pino';
import type { Config } from './config/schema';
import { DialService, type DialServiceDeps } from './dial/dial-service';
import type { Dialer } from './dial/dialer';
import type { Directory } from './directory/directory';
import { dialRouter } from './http/dial-router';
import { directoriesRouter } from './http/directories-router';
import { errorMiddleware, notFound } from './http/error-middleware';
import { healthHandler } from './http/health';
import { indexedPeople } from './http/indexed-people';
import { lookupRouter } from './http/lookup-router';
import { numberLookupRouter } from './http/number-lookup-router';
import { officeJsRouter } from './http/office-js';
import { peopleRouter } from './http/people-router';
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
}

export function createApp(config: Config, deps: AppDeps): Express {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const api = express.Router();
  api.use(express.json({ limit: '64kb' }));
  api.get('/health', healthHandler(deps.directories));
  // Indexed directories answer people lists here; the rest (and an index still loading) fall through.
  api.get('/directories/:id/people', indexedPeople(deps.directories));
  api.use('/directories', directoriesRouter(deps.directories));
  const dialing = new DialService({ config, directories: deps.directories, dialers: deps.dialers ?? [], logger, ...(deps.idempotency ? { idempotency: deps.idempotency } : {}) });
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
