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
  /** Where the configuration came from, for the start-up line. */
  source: string;
}

export function demoConfigInput(): Record<string, unknown> {
  return {
    phone: { defaultCountry: 'US', extensionContext: 'monkey.com' },
    directories: [{ id: 'demo', displayName: 'Demo directory', kind: 'ldif', file: DEMO_LDIF_PATH }],
  };
}

function readConfigFile(file: string): Record<string, unknown> {
  if (!existsSync(file)) throw new ConfigError([`configuration file ${file} does not exist: check the path given in --config or DIALPANE_CONFIG`]);
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = /\.json$/i.test(file) ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError([`${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${detail}`]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError([`${file} must hold an object with a "directories" list at the top`]);
  }
  return parsed as Record<string, unknown>;
}

function applyEnvironment(input: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const server = { ...((input['server'] as Record<string, unknown> | undefined) ?? {}) };
  const phone = { ...((input['phone'] as Record<string, unknown> | undefined) ?? {}) };
  if (env['DIALPANE_HOST']) server['host'] = env['DIALPANE_HOST'];
  if (env['DIALPANE_PORT']) server['port'] = /^\d+$/.test(env['DIALPANE_PORT']) ? Number(env['DIALPANE_PORT']) : env['DIALPANE_PORT'];
  if (env['DIALPANE_DATA_DIR']) server['dataDir'] = env['DIALPANE_DATA_DIR'];
  if (env['DIALPANE_OFFICE_JS']) server['officeJs'] = env['DIALPANE_OFFICE_JS'];
  if (env['DIALPANE_DEFAULT_COUNTRY']) phone['defaultCountry'] = env['DIALPANE_DEFAULT_COUNTRY'];
  return { ...input, server, phone };
}

export function formatIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const key = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return `${key}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling against the configuration reference in the README`;
  }
  if (issue.code === 'invalid_type') {
    const present = issue.path.reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p as string] : undefined), input);
    if (present === undefined) return `${key}: is missing: add it (see the configuration reference in the README)`;
    return `${key}: must be ${issue.expected}, not ${Array.isArray(present) ? 'a list' : typeof present}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${key}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'kind') {
    return `${key}: must be "ad", "ldap" or "ldif"`;
  }
  return `${key}: ${issue.message}`;
}

function readPasswords(config: Config, env: NodeJS.ProcessEnv, baseDir: string): { passwords: Map<string, string>; problems: string[] } {
  const passwords = new Map<string, string>();
  const problems: string[] = [];
  config.directories.forEach((d, i) => {
    if (d.kind === 'ldif') return;
    if (d.passwordEnv !== undefined) {
      const value = env[d.passwordEnv];
      if (!value) problems.push(`directories[${i}].passwordEnv: environment variable ${d.passwordEnv} is not set or empty: export ${d.passwordEnv}=<bind password> before starting`);
      else passwords.set(d.id, value);
    } else if (d.passwordFile !== undefined) {
      const file = path.resolve(baseDir, d.passwordFile);
      if (!existsSync(file)) problems.push(`directories[${i}].passwordFile: ${file} does not exist: create it with the bind password, readable only by this service`);
      else {
        const value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
        if (!value) problems.push(`directories[${i}].passwordFile: ${file} is empty: write the bind password into it`);
        else passwords.set(d.id, value);
      }
    }
  });
  return { passwords, problems };
}

/** Validates an already-parsed configuration object (a file's content or the demo). */
export function parseConfig(input: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env, baseDir = process.cwd(), source = 'inline'): LoadedConfig {
  const merged = applyEnvironment(input, env);
  const result = configSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => formatIssue(issue, merged)));
  const config = result.data;
  for (const d of config.directories) if (d.kind === 'ldif') d.file = path.resolve(baseDir, d.file);
  const { passwords, problems } = readPasswords(config, env, baseDir);
  config.directories.forEach((d, i) => {
    if (d.kind === 'ldif' && !existsSync(d.file)) problems.push(`directories[${i}].file: ${d.file} does not exist`);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return { config, passwords, source };
}

/** The configuration named by --config or DIALPANE_CONFIG, or the embedded demo when neither is given. */
export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const chosen = file ?? env['DIALPANE_CONFIG'];
  if (!chosen) return parseConfig(demoConfigInput(), env, process.cwd(), 'embedded demo directory');
  const absolute = path.resolve(chosen);
  return parseConfig(readConfigFile(absolute), env, path.dirname(absolute), absolute);
}
