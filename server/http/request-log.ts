/**
 * One structured log line per request: method, path, status, duration. Never the query string
 * (search text, cursors) nor headers or bodies, which may carry tokens and passwords; the logger's
 * redact paths (app.ts) catch those should anything else ever log them.
 * API requests log at info, the pane's static files at debug.
 */
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

const MAX_PATH = 256;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // originalUrl before any router rewrites it; the query string is cut off here.
    const path = (req.originalUrl.split('?')[0] ?? '').slice(0, MAX_PATH);
    let logged = false;
    const done = (): void => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const line = { method: req.method, path, status: res.writableFinished ? res.statusCode : 'aborted', durationMs };
      if (path.startsWith('/api/')) logger.info(line, 'request');
      else logger.debug(line, 'request');
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
