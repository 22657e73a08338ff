/**
 * Signing in and out:
 *   GET    /session/options   (public)  what the sign-in form offers
 *   POST   /session           (public)  { directoryId, username, password } → { token, expiresAt, user }
 *   POST   /session/refresh   (signed in) a fresh token, while the account may still sign in
 *   DELETE /session           (signed in) the token stops working
 * The body is checked here: an empty or blank password is a 400 before the directory is asked.
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH, type SignInOptions } from '../../src/shared/api';
import type { SignInService } from '../auth/sign-in-service';
import { DialpaneError } from '../errors';
import { sessionOf } from './request-session';

const signInBody = z
  .object({
    directoryId: z.string().min(1).max(64),
    username: z.string().max(USERNAME_MAX_LENGTH, `must be at most ${USERNAME_MAX_LENGTH} characters`).refine((v) => v.trim() !== '', 'is empty'),
    // Active Directory counts an empty password as a failed attempt: it never reaches a bind.
    password: z.string().max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`).refine((v) => v.trim() !== '', 'is empty'),
  })
  .strict();

const USAGE = 'Send {"directoryId", "username", "password"} as JSON; the directories are listed by GET /api/session/options.';

function parseSignIn(body: unknown): z.infer<typeof signInBody> {
  const result = signInBody.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path.join('.') || 'body';
    const message = issue?.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}` : issue?.code === 'invalid_type' ? 'is missing or not text' : (issue?.message ?? 'is not valid');
    throw new DialpaneError('BAD_REQUEST', `${key}: ${message}.`, USAGE);
  }
  return result.data;
}

const signInOff = (): DialpaneError =>
  new DialpaneError('SIGN_IN_UNAVAILABLE', 'This Dialpane service runs without sign-in.', 'Use the API directly from this machine; the administrator turns sign-in on with auth.mode: directory.');

/** The routes before the gate; `addressLimit` guards POST /session. */
export function publicSessionRouter(service: SignInService | undefined, addressLimit: RequestHandler): Router {
  const router = Router();
  router.get('/session/options', (_req, res) => {
    const options: SignInOptions = service?.options() ?? { mode: 'none', directories: [] };
    res.json(options);
  });
  router.post('/session', addressLimit, async (req, res) => {
    if (service === undefined) throw signInOff();
    const body = parseSignIn(req.body);
    res.json(await service.signIn(body, req.socket.remoteAddress ?? 'unknown'));
  });
  return router;
}

/** The routes behind the gate. */
export function sessionRouter(service: SignInService | undefined): Router {
  const router = Router();
  router.post('/session/refresh', async (req, res) => {
    const session = sessionOf(req);
    if (service === undefined || session === undefined) throw signInOff();
    res.json(await service.refresh(session.user));
  });
  router.delete('/session', (req, res) => {
    const session = sessionOf(req);
    if (service === undefined || session === undefined) throw signInOff();
    service.signOut(session.tokenId, session.expiresAt);
    res.status(204).end();
  });
  return router;
}
