/**
 * Configuration of sign-in (`auth`) and of the HTTP hardening (`security`); schema.ts adds both at
 * the top level and calls checkAuth for the rules that span keys.
 */
import { z } from 'zod';

export const AUTH_MODES = ['directory', 'none'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const limits = z
  .object({
    accountFailures: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(3)
      .describe('Failed sign-ins per account within windowMinutes before the service answers 429 without asking the directory. Keep it below the domain\'s lockout threshold (often 5 or 10).'),
    addressFailures: z.number().int().min(1).max(1000).default(10).describe('Failed sign-ins per client address within windowMinutes before 429.'),
    windowMinutes: z.number().int().min(1).max(1440).default(15).describe('Window of both sign-in limits (AD\'s lockout observation window is 15 to 30 minutes).'),
    dialsPerMinute: z.number().int().min(1).max(600).default(10).describe('Calls one user (or, without sign-in, one address) may place per minute through POST /api/dial.'),
  })
  .strict()
  .default({ accountFailures: 3, addressFailures: 10, windowMinutes: 15, dialsPerMinute: 10 });

export const authSchema = z
  .object({
    mode: z
      .enum(AUTH_MODES)
      .default('directory')
      .describe('directory = people sign in with their directory account; none = no sign-in, allowed only when server.host is a loopback address. A configuration with only LDIF directories (the embedded demo) defaults to none.'),
    directories: z
      .array(z.string().regex(ID_PATTERN, 'must be a directory id'))
      .min(1)
      .optional()
      .describe('Ids of the ad/ldap directories people sign in against. Default: every ad and ldap directory.'),
    secretFile: z
      .string()
      .min(1)
      .optional()
      .describe('File holding the key that signs sign-in tokens (at least 32 characters). Unset: a random key is generated into server.dataDir on first start. Give every instance behind one address the same file.'),
    secretEnv: z.string().regex(ENV_NAME, 'must be an environment variable name').optional().describe('Environment variable holding the token signing key, instead of secretFile.'),
    tokenMinutes: z.number().int().min(1).max(60).default(15).describe('Lifetime of a sign-in token; the pane refreshes it while it is open.'),
    sessionHours: z.number().int().min(1).max(168).default(12).describe('Longest a sign-in lasts through refreshes; then the person signs in again.'),
    limits,
  })
  .strict()
  .default({ mode: 'directory', tokenMinutes: 15, sessionHours: 12, limits: { accountFailures: 3, addressFailures: 10, windowMinutes: 15, dialsPerMinute: 10 } })
  .refine((a) => a.secretFile === undefined || a.secretEnv === undefined, {
    message: 'secretFile and secretEnv exclude each other: keep one',
    path: ['secretFile'],
  });

/** Origins are written as the browser sends them: scheme, host, optional port; no path. */
const origin = z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be an origin such as https://pane.example.com (scheme, host, optional port, no path)');
/** CSP source expressions; no spaces, commas or semicolons, which would inject other directives. */
const frameAncestor = z.string().regex(/^('self'|'none'|https:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?)$/, "must be 'self', 'none' or https://host (a leading *. allowed), e.g. https://outlook.office.com");

/** Where Outlook frames add-in panes (Outlook on the web, new Outlook for Windows, Outlook.com). */
export const OUTLOOK_FRAME_ANCESTORS = [
  "'self'",
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
];

export const securitySchema = z
  .object({
    corsOrigins: z.array(origin).default([]).describe('Origins besides the service\'s own whose pages may call the API (a pane hosted elsewhere). Requests from other origins are refused.'),
    frameAncestors: z.array(frameAncestor).min(1).default(OUTLOOK_FRAME_ANCESTORS).describe('Content-Security-Policy frame-ancestors: the pages that may show the pane in a frame (the Outlook hosts).'),
    requestTimeoutMs: z.number().int().min(1_000).max(300_000).default(30_000).describe('Longest an API request may take; then 503 REQUEST_TIMEOUT (directory timeouts answer first when shorter).'),
    maxUrlLength: z.number().int().min(256).max(16_384).default(2_048).describe('Longest request URL (path and query) accepted; longer is 414.'),
  })
  .strict()
  .default({ corsOrigins: [], frameAncestors: OUTLOOK_FRAME_ANCESTORS, requestTimeoutMs: 30_000, maxUrlLength: 2_048 });

export type AuthConfig = z.infer<typeof authSchema>;
export type SecurityConfig = z.infer<typeof securitySchema>;

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || /^::ffff:127\./.test(bare);
}

interface AuthInput {
  server: { host: string };
  auth: AuthConfig;
  directories: { id: string; kind: string }[];
}

/** The ad/ldap directories people sign in against. */
export function signInDirectoryIds(config: Pick<AuthInput, 'auth' | 'directories'>): string[] {
  const ldap = config.directories.filter((d) => d.kind !== 'ldif').map((d) => d.id);
  return config.auth.directories ?? ldap;
}

/** Rules across keys: "none" only on loopback; "directory" needs a directory to sign in against. */
export function checkAuth(config: AuthInput, ctx: z.core.$RefinementCtx): void {
  const { auth, server } = config;
  if (auth.mode === 'none') {
    if (!isLoopbackHost(server.host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['auth', 'mode'],
        message: `"none" (no sign-in) is allowed only on a loopback address, but server.host is ${server.host}: set auth.mode: directory so people sign in, or listen on 127.0.0.1 (DIALPANE_HOST)`,
      });
    }
    return;
  }
  const kinds = new Map(config.directories.map((d) => [d.id, d.kind]));
  auth.directories?.forEach((id, i) => {
    const kind = kinds.get(id);
    if (kind === undefined) ctx.addIssue({ code: 'custom', path: ['auth', 'directories', i], message: `"${id}" is not a configured directory id; use one of ${[...kinds.keys()].join(', ')}` });
    else if (kind === 'ldif') ctx.addIssue({ code: 'custom', path: ['auth', 'directories', i], message: `"${id}" is an LDIF file: nobody can sign in against it; name an ad or ldap directory` });
  });
  if (auth.directories === undefined && signInDirectoryIds(config).length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['auth', 'mode'],
      message: '"directory" needs an ad or ldap directory to sign in against, and only LDIF directories are configured: add one, or set auth.mode: none and listen on 127.0.0.1',
    });
  }
}
