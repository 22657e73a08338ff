/**
 * Sign-in tokens: compact JWTs signed with HS256 (jose). Stateless to check — any instance holding
 * the key verifies them — except sign-out, which keeps the token's id on a deny list until the
 * token would have expired anyway (in memory: a restart forgets it, and the token then lives out
 * its few minutes).
 *
 * Claims: sub = person id, dir = directory id, name = display name, attrs = the user attributes a
 * dialer may need, auth_time = when the password was typed (refreshes keep it, so a session ends
 * sessionHours after sign-in however often the pane refreshes), jti = token id for sign-out.
 */
import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { DialpaneError } from '../errors';
import { USER_TEMPLATE_ATTRIBUTES, type SignedInUser } from './signed-in-user';

export const TOKEN_ISSUER = 'dialpane';
export const TOKEN_AUDIENCE = 'dialpane-api';
/** Far above a real token (~600 bytes); longer strings are refused before any crypto. */
export const MAX_TOKEN_LENGTH = 4096;

export interface TokenOptions {
  key: Uint8Array;
  tokenMinutes: number;
  sessionHours: number;
  now?: () => number;
}

export interface IssuedToken {
  token: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const attributes = z.object(Object.fromEntries(USER_TEMPLATE_ATTRIBUTES.map((name) => [name, z.string().max(256).optional()]))).strict();
const claims = z.object({
  sub: z.string().min(1).max(256),
  dir: z.string().min(1).max(64),
  name: z.string().max(512),
  attrs: attributes,
  auth_time: z.number().int(),
  jti: z.string().min(16).max(64),
  exp: z.number().int(),
});

export const unauthenticated = (message: string): DialpaneError => new DialpaneError('UNAUTHENTICATED', message, 'Sign in again in the Dialpane pane.');

export class TokenService {
  private readonly now: () => number;
  /** Signed-out token ids and when they expire (ms). */
  private readonly revoked = new Map<string, number>();

  constructor(private readonly options: TokenOptions) {
    this.now = options.now ?? Date.now;
  }

  async issue(user: SignedInUser): Promise<IssuedToken> {
    const iat = Math.floor(this.now() / 1000);
    const expiresAt = iat + this.options.tokenMinutes * 60;
    const token = await new SignJWT({ dir: user.directoryId, name: user.displayName, attrs: user.attributes, auth_time: user.authTime })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(user.id)
      .setJti(randomBytes(16).toString('base64url'))
      .setIssuedAt(iat)
      .setExpirationTime(expiresAt)
      .sign(this.options.key);
    return { token, expiresAt };
  }

  /** The user of a valid, unexpired, not signed-out token; UNAUTHENTICATED otherwise. */
  async verify(token: string): Promise<{ user: SignedInUser; tokenId: string; expiresAt: number }> {
    if (token.length > MAX_TOKEN_LENGTH) throw unauthenticated('The sign-in token is not valid.');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.options.key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub', 'jti'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Your session has expired.');
      throw unauthenticated('The sign-in token is not valid.');
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw unauthenticated('The sign-in token is not valid.');
    const c = parsed.data;
    if (this.isRevoked(c.jti)) throw unauthenticated('You have signed out.');
    const attrs = Object.fromEntries(Object.entries(c.attrs).filter(([, v]) => v !== undefined)) as SignedInUser['attributes'];
    return { user: { id: c.sub, directoryId: c.dir, displayName: c.name, attributes: attrs, authTime: c.auth_time }, tokenId: c.jti, expiresAt: c.exp };
  }

  /** True while a refresh may still extend the session (sessionHours after the password was typed). */
  sessionOpen(user: SignedInUser): boolean {
    return this.now() < (user.authTime + this.options.sessionHours * 3600) * 1000;
  }

  revoke(tokenId: string, expiresAt: number): void {
    this.revoked.set(tokenId, expiresAt * 1000);
    this.prune();
  }

  private isRevoked(tokenId: string): boolean {
    this.prune();
    return this.revoked.has(tokenId);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
  }
}
