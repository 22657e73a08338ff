/**
 * The key that signs sign-in tokens (HS256). From auth.secretFile or auth.secretEnv when the
 * administrator gives one (needed when several instances serve one address), otherwise generated
 * once into server.dataDir and reused, so tokens survive a restart of a single instance.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuthConfig } from '../config/auth-schema';

/** HS256 wants a key at least as long as its 256-bit hash. */
export const MIN_SECRET_LENGTH = 32;

export interface SigningSecret {
  /** The configured key, or undefined when it is generated into server.dataDir. */
  secret?: Uint8Array;
  problems: string[];
}

const tooShort = (where: string): string =>
  `${where} holds fewer than ${MIN_SECRET_LENGTH} characters: write a long random key into it, e.g. the output of \`openssl rand -base64 48\``;

/** Reads the configured key (resolving secretFile against baseDir); one problem line per mistake. */
export function readSigningSecret(auth: AuthConfig, env: NodeJS.ProcessEnv, baseDir: string): SigningSecret {
  if (auth.mode === 'none') return { problems: [] };
  if (auth.secretEnv !== undefined) {
    const value = env[auth.secretEnv]?.trim() ?? '';
    if (value === '') return { problems: [`auth.secretEnv: environment variable ${auth.secretEnv} is not set or empty: export ${auth.secretEnv}=<a long random key> before starting`] };
    if (value.length < MIN_SECRET_LENGTH) return { problems: [`auth.secretEnv: ${tooShort(`environment variable ${auth.secretEnv}`)}`] };
    return { secret: Buffer.from(value, 'utf8'), problems: [] };
  }
  if (auth.secretFile === undefined) return { problems: [] };
  const file = path.resolve(baseDir, auth.secretFile);
  auth.secretFile = file;
  if (!existsSync(file)) return { problems: [`auth.secretFile: ${file} does not exist: create it with a long random key, readable only by this service`] };
  const value = readFileSync(file, 'utf8').trim();
  if (value.length < MIN_SECRET_LENGTH) return { problems: [`auth.secretFile: ${tooShort(file)}`] };
  return { secret: Buffer.from(value, 'utf8'), problems: [] };
}

/** The key generated on first start into `<dataDir>/auth/token-signing.key` (mode 0600), or the one already there. */
export function generatedSigningKey(dataDir: string): Uint8Array {
  const dir = path.resolve(dataDir, 'auth');
  const file = path.join(dir, 'token-signing.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // wx: two instances starting at once must not overwrite each other's key.
    try {
      writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}
