/**
 * Office.js for the pane. `local` serves the copy shipped in @microsoft/office-js (offline, no CDN);
 * `cdn` redirects to Microsoft's CDN. Office.js loads its host files relative to its own URL,
 * so a redirect keeps every later request on the same side.
 */
import express, { Router } from 'express';
import path from 'node:path';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

export function officeJsRouter(mode: 'local' | 'cdn'): Router {
  const router = Router();
  if (mode === 'cdn') {
    router.get('/{*file}', (req, res) => res.redirect(302, `${OFFICE_JS_CDN}${req.path.replace(/^\//, '')}`));
    return router;
  }
  const dist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  router.use(express.static(dist, { maxAge: '1d', fallthrough: false }));
  return router;
}
