/**
 * Reads, merges and validates the configuration. Every problem becomes one line naming the key,
 * what is wrong and how to fix it; the entry point prints them and exits.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './schema';
import { DEMO_LDIF_PATH } from '../directory/demo';
import { readSigningSecret } from '../auth/signing-key';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: Config;
  /** Bind passwords by directory id, read from the environment or files. Never logged. */
  passwords: ReadonlyMap<string, string>;
  /** Dialer passwords (HTTP auth, WebDialer, AMI) by dialer id, read the same way. Never logged. */
  dialerPasswords: ReadonlyMap<string, string>;
  /** Where the configuration came from, for the start-up line. */
  source: string;
  /** The configured token signing key (auth.secretFile or auth.secretEnv); unset = generated into server.dataDir. Never logged. */
  signingSecret?: Uint8Array;
}

export function demoConfigInput(): Record<string, unknown> {
  return {
    phone: { defaultCountry: 'US', extensionContext: 'monkey.com' },
    directories: [{ id: 'demo', displayName: 'Demo directory', kind: 'ldif', file: DEMO_LDIF_PATH }],
    // Nobody can sign in against an LDIF file; the schema allows "none" only on loopback.
    auth: { mode: 'none' },
  };
}

/** Why a file that exists cannot be read (a folder, no permission), in words; never its content. */
export function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read by this service (permission denied)';
  return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** A file's text, or undefined with a problem line when it exists but cannot be read. */
function readText(file: string, key: string, fix: string, problems: string[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`${key}${file} ${unreadable(error)}: ${fix}`);
    return undefined;
  }
}

function readConfigFile(file: string): Record<string, unknown> {
  if (!existsSync(file)) throw new ConfigError([`configuration file ${file} does not exist: check the path given in --config or DIALPANE_CONFIG`]);
  const unread: string[] = [];
  const text = readText(file, 'configuration file ', 'give the path of the JSON or YAML file in --config or DIALPANE_CONFIG', unread);
  if (text === undefined) throw new ConfigError(unread);
  let parsed: unknown;
  try {
    // Windows editors (Notepad, PowerShell's Out-File) start UTF-8 files with a byte order mark; JSON.parse refuses it, YAML skips it.
    parsed = /\.json$/i.test(file) ? JSON.parse(text.replace(/^\uFEFF/, '')) : YAML.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError([`${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${detail}`]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError([`${file} must hold an object with a "directories" list at the top`]);
  }
  return parsed as Record<string, unknown>;
}

/** A copy of a section to merge the environment into; a section that is not an object stays as written, for the schema to name. */
function section(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

function applyEnvironment(input: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const server = section(input['server']);
  const phone = section(input['phone']);
  const auth = section(input['auth']);
  if (env['DIALPANE_HOST']) server['host'] = env['DIALPANE_HOST'];
  if (env['DIALPANE_PORT']) server['port'] = /^\d+$/.test(env['DIALPANE_PORT']) ? Number(env['DIALPANE_PORT']) : env['DIALPANE_PORT'];
  if (env['DIALPANE_DATA_DIR']) server['dataDir'] = env['DIALPANE_DATA_DIR'];
  if (env['DIALPANE_OFFICE_JS']) server['officeJs'] = env['DIALPANE_OFFICE_JS'];
  if (env['DIALPANE_DEFAULT_COUNTRY']) phone['defaultCountry'] = env['DIALPANE_DEFAULT_COUNTRY'];
  if (env['DIALPANE_AUTH_MODE']) auth['mode'] = env['DIALPANE_AUTH_MODE'];
  if (env['DIALPANE_AUTH_SECRET_FILE']) auth['secretFile'] = env['DIALPANE_AUTH_SECRET_FILE'];
  // Spreading `server: 5` or `server: [..]` would silently drop it: only absent, empty (YAML `server:` with
  // every key commented out) or object sections are replaced.
  const merged: Record<string, unknown> = { ...input };
  for (const [key, value] of Object.entries({ server, phone, auth })) {
    const written = input[key];
    if (written === undefined || written === null || (typeof written === 'object' && !Array.isArray(written))) merged[key] = value;
  }
  return merged;
}

export function formatIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const key = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return `${key}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling against the configuration reference in the README`;
  }
  const present = issue.path.reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p as string] : undefined), input);
  // Zod's own wording of a bound names neither the value nor the fix (the schema's own messages are kept).
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number' && issue.message.startsWith('Too ')) {
    const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    const [side, limit] = issue.code === 'too_small' ? ['small', issue.inclusive ? `${bound} or more` : `more than ${bound}`] : ['big', issue.inclusive ? `${bound} or less` : `less than ${bound}`];
    return `${key}: ${JSON.stringify(present)} is too ${side}: use ${limit}`;
  }
  if (issue.code === 'invalid_type') {
    if (present === undefined) return `${key}: is missing: add it (see the configuration reference in the README)`;
    return `${key}: must be ${issue.expected}, not ${present === null ? 'empty' : Array.isArray(present) ? 'a list' : typeof present}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${key}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'kind') {
    // Zod lists the discriminator's values on the issue: directories, dial rules and dialers alike.
    const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map((o) => JSON.stringify(o)) : [];
    if (options.length > 1 && present === undefined) return `${key}: is missing: add kind: ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
    if (options.length > 1) return `${key}: must be ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // A value of the right shape for one alternative only (index: {…} rather than on/off): that alternative's problems.
    const inside = issue.errors.filter((list) => list.length > 0 && list.every((i) => i.path.length > 0));
    if (inside.length === 1) return (inside[0] as z.core.$ZodIssue[]).map((i) => formatIssue({ ...i, path: [...issue.path, ...i.path] }, input)).join('; ');
  }
  return `${key}: ${issue.message}`;
}

interface SecretSource {
  passwordEnv?: string | undefined;
  passwordFile?: string | undefined;
}

/** One password from an environment variable or a file; a problem line naming `key` and the fix when it cannot be read. */
function readSecret(source: SecretSource, key: string, what: string, env: NodeJS.ProcessEnv, baseDir: string, problems: string[]): string | undefined {
  if (source.passwordEnv !== undefined) {
    const value = env[source.passwordEnv];
    if (!value) problems.push(`${key}.passwordEnv: environment variable ${source.passwordEnv} is not set or empty: export ${source.passwordEnv}=<${what}> before starting`);
    return value || undefined;
  }
  if (source.passwordFile === undefined) return undefined;
  const file = path.resolve(baseDir, source.passwordFile);
  if (!existsSync(file)) {
    problems.push(`${key}.passwordFile: ${file} does not exist: create it with the ${what}, readable only by this service`);
    return undefined;
  }
  const text = readText(file, `${key}.passwordFile: `, `make it a file holding the ${what}, readable by this service`, problems);
  if (text === undefined) return undefined;
  const value = text.replace(/\r?\n$/, '');
  if (!value) problems.push(`${key}.passwordFile: ${file} is empty: write the ${what} into it`);
  return value || undefined;
}

function readPasswords(config: Config, env: NodeJS.ProcessEnv, baseDir: string): { passwords: Map<string, string>; dialerPasswords: Map<string, string>; problems: string[] } {
  const passwords = new Map<string, string>();
  const dialerPasswords = new Map<string, string>();
  const problems: string[] = [];
  config.directories.forEach((d, i) => {
    if (d.kind === 'ldif') return;
    const value = readSecret(d, `directories[${i}]`, 'bind password', env, baseDir, problems);
    if (value !== undefined) passwords.set(d.id, value);
  });
  config.dialers.forEach((d, i) => {
    const [source, key] = d.kind === 'http' ? [d.auth, `dialers[${i}].auth`] : d.kind === 'webdialer' || d.kind === 'ami' ? [d, `dialers[${i}]`] : [undefined, ''];
    if (source === undefined) return;
    const value = readSecret(source, key, 'password', env, baseDir, problems);
    if (value !== undefined) dialerPasswords.set(d.id, value);
  });
  return { passwords, dialerPasswords, problems };
}

/** Validates an already-parsed configuration object (a file's content or the demo). */
/**
 * Nobody can sign in against LDIF files: a configuration with nothing but LDIF directories (the
 * demo, a try-out) runs without sign-in unless it says otherwise — and the schema still allows
 * that only on loopback.
 */
function defaultAuthMode(input: Record<string, unknown>): Record<string, unknown> {
  const auth = (input['auth'] as Record<string, unknown> | undefined) ?? {};
  const directories = input['directories'];
  const onlyLdif = Array.isArray(directories) && directories.every((d) => d !== null && typeof d === 'object' && (d as Record<string, unknown>)['kind'] === 'ldif');
  return auth['mode'] === undefined && onlyLdif ? { ...input, auth: { ...auth, mode: 'none' } } : input;
}

export function parseConfig(input: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env, baseDir = process.cwd(), source = 'inline'): LoadedConfig {
  const merged = defaultAuthMode(applyEnvironment(input, env));
  const result = configSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => formatIssue(issue, merged)));
  const config = result.data;
  for (const d of config.directories) if (d.kind === 'ldif') d.file = path.resolve(baseDir, d.file);
  const { passwords, dialerPasswords, problems } = readPasswords(config, env, baseDir);
  // A CA file is relative to the configuration file like every other file, and checked now rather
  // than on the first search or call (an error for everyone, with the service looking healthy).
  const resolveCaFile = (tls: { caFile?: string | undefined }, key: string, certificate: string): void => {
    if (tls.caFile === undefined) return;
    tls.caFile = path.resolve(baseDir, tls.caFile);
    if (!existsSync(tls.caFile)) problems.push(`${key}.tls.caFile: ${tls.caFile} does not exist: give the PEM file of the CA that ${certificate}`);
  };
  config.directories.forEach((d, i) => {
    if (d.kind === 'ldif' && !existsSync(d.file)) problems.push(`directories[${i}].file: ${d.file} does not exist`);
    if (d.kind !== 'ldif') resolveCaFile(d.tls, `directories[${i}]`, "issued the directory server's certificate");
  });
  for (const key of ['tlsCertFile', 'tlsKeyFile'] as const) {
    const file = config.server[key];
    if (file === undefined) continue;
    config.server[key] = path.resolve(baseDir, file);
    if (!existsSync(config.server[key])) problems.push(`server.${key}: ${config.server[key]} does not exist: give the PEM ${key === 'tlsCertFile' ? 'certificate' : 'private key'} to serve, or remove tlsCertFile and tlsKeyFile to use the generated localhost certificate`);
  }
  config.dialers.forEach((d, i) => {
    if (d.kind === 'http' || d.kind === 'webdialer') resolveCaFile(d.tls, `dialers[${i}]`, 'signed the server certificate');
  });
  const signing = readSigningSecret(config.auth, env, baseDir);
  problems.push(...signing.problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return { config, passwords, dialerPasswords, source, ...(signing.secret === undefined ? {} : { signingSecret: signing.secret }) };
}

/** The configuration named by --config or DIALPANE_CONFIG, or the embedded demo when neither is given. */
export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const chosen = file ?? env['DIALPANE_CONFIG'];
  if (!chosen) return parseConfig(demoConfigInput(), env, process.cwd(), 'embedded demo directory');
  const absolute = path.resolve(chosen);
  return parseConfig(readConfigFile(absolute), env, path.dirname(absolute), absolute);
}
