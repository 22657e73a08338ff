/**
 * The one configuration schema. Every key carries a description (shown by `dialpane config-docs`
 * and copied to the README), a default where it has one, and, for the keys that can come from the
 * environment, the variable named in ENVIRONMENT below.
 */
import { FilterParser } from 'ldapts';
import { z } from 'zod';
import { authSchema, checkAuth, securitySchema } from './auth-schema';
import { checkDialing, dialRuleSchema, dialerSchema } from './dial-schema';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const ldapUrl = z
  .string()
  // A host name, an IPv4 address or a bracketed IPv6 address (ldap://[fd00::10]:389).
  .refine((value) => /^ldaps?:\/\/([^/\s:[\]]+|\[[0-9a-f:.]+\])(:\d{1,5})?\/?$/i.test(value), {
    message: 'must look like ldap://dc1.example.com:389, ldaps://dc1.example.com:636 or ldap://[fd00::10]:389 (scheme, host, optional port)',
    abort: true,
  })
  // The shape allows five digits; port 0 would never connect and 70000 makes new URL() throw at start.
  .refine(
    (value) => {
      const port = /:(\d{1,5})\/?$/.exec(value)?.[1];
      return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
    },
    { message: 'has a port outside 1 to 65535: write the port the directory listens on, e.g. :389, :636 or :3268, or leave it out' },
  )
  .describe('Directory server URL. The port defaults to 389 for ldap:// and 636 for ldaps://, and may be any port.');

const ldapFilter = z
  .string()
  .refine(
    (value) => {
      if (!/^\(.*\)$/s.test(value.trim())) return false;
      try {
        FilterParser.parseString(value);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid LDAP filter; write it in parentheses, e.g. (department=Sales)' },
  )
  .describe('Extra LDAP filter ANDed with the default people filter, e.g. (company=Monkey Inc).');

const attributeMap = z
  .object({
    id: z.string().optional().describe('Stable identifier. Default: objectGUID (ad), entryUUID (ldap).'),
    displayName: z.string().optional().describe('Default: displayName (falls back to cn).'),
    givenName: z.string().optional().describe('Default: givenName.'),
    surname: z.string().optional().describe('Default: sn.'),
    title: z.string().optional().describe('Default: title.'),
    department: z.string().optional().describe('Default: department (ad), departmentNumber (ldap).'),
    company: z.string().optional().describe('Default: company (ad), o (ldap).'),
    office: z.string().optional().describe('Default: physicalDeliveryOfficeName (ad), roomNumber (ldap).'),
    mail: z.string().optional().describe('Default: mail.'),
    accountName: z.string().optional().describe('Default: sAMAccountName (ad), uid (ldap).'),
    telephoneNumber: z.string().optional().describe('Default: telephoneNumber.'),
    mobile: z.string().optional().describe('Default: mobile.'),
    ipPhone: z.string().optional().describe('Default: ipPhone.'),
    homePhone: z.string().optional().describe('Default: homePhone.'),
    otherTelephone: z.string().optional().describe('Default: otherTelephone.'),
    photo: z.string().optional().describe('JPEG photo. Default: thumbnailPhoto (ad), jpegPhoto (ldap).'),
    manager: z.string().optional().describe("DN of the person's manager. Default: manager."),
    sipAddress: z.string().optional().describe('Primary SIP address (sip:user@domain). Default: msRTCSIP-PrimaryUserAddress.'),
    proxyAddresses: z.string().optional().describe('Addresses whose SIP: entries are SIP addresses too. Default: proxyAddresses.'),
  })
  .strict()
  .default({})
  .describe('Overrides of the attribute that holds each field; only the ones you name change.');

const timeouts = z
  .object({
    connectMs: z.number().int().min(100).max(120_000).default(5_000).describe('TCP/TLS connect timeout.'),
    requestMs: z.number().int().min(100).max(300_000).default(10_000).describe('Time budget of one bind or search.'),
  })
  .strict()
  .default({ connectMs: 5_000, requestMs: 10_000 });

const tls = z
  .object({
    caFile: z.string().optional().describe('PEM file of the CA that signed the directory certificate.'),
    servername: z
      .string()
      .optional()
      .describe('Host name expected in the certificate when it differs from the URL host (needed for StartTLS).'),
    rejectUnauthorized: z
      .boolean()
      .default(true)
      .describe('Verify the certificate. Setting false is insecure and logs a warning at start.'),
  })
  .strict()
  .default({ rejectUnauthorized: true });

/**
 * The directory index (server/directory/index/): `index: on` (the default) or `off`, or the
 * settings below, which mean on. See the README's "Directory index" section for the design.
 */
const indexTuning = z
  .object({
    syncIntervalSeconds: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(60)
      .describe('Seconds between syncs: the changes since the last one (uSNChanged on ad, modifyTimestamp on ldap).'),
    deletionCheckEvery: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(10)
      .describe('Every this many syncs, also read the id of everyone to drop people deleted or moved out of the search base (changes cannot show them); 0 = never.'),
    fullReloadEvery: z.number().int().min(0).max(1_000_000).default(1440).describe('Every this many syncs, read everyone again (a safety net); 0 = only at start.'),
    maxPeople: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .default(500_000)
      .describe('Most people the index holds (about 1.5 KB of memory each); a bigger search base is searched live.'),
  })
  .strict();

export const INDEX_DEFAULTS = { syncIntervalSeconds: 60, deletionCheckEvery: 10, fullReloadEvery: 1440, maxPeople: 500_000 } as const satisfies z.input<typeof indexTuning>;

const indexSettings = z
  .union([z.enum(['on', 'off']), z.boolean(), indexTuning], { error: 'must be on, off, or the index settings (syncIntervalSeconds, deletionCheckEvery, fullReloadEvery, maxPeople)' })
  .default('on')
  .describe(
    'on = answer search as you type, Show All, the email lookup and reverse lookup by number from an in-memory index of the people under the search base, kept in sync; off = every search goes to the directory. Settings (the keys below) mean on.',
  )
  .transform((value) => {
    if (typeof value === 'object') return { enabled: true, ...value };
    return { enabled: value === true || value === 'on', ...INDEX_DEFAULTS };
  });

export const ldapDirectorySchema = z
  .object({
    id: z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and dashes, e.g. "corp"').describe('Short id used in API paths.'),
    displayName: z.string().trim().min(1, 'must not be empty').describe('Name shown in the pane, e.g. "Monkey HQ".'),
    kind: z.enum(['ad', 'ldap']).describe('ad = Active Directory (default filter drops disabled accounts, ANR search); ldap = OpenLDAP and others.'),
    url: ldapUrl.optional().describe('Directory server URL. The port defaults to 389 for ldap:// and 636 for ldaps://, and may be any port. Give url or urls.'),
    urls: z
      .array(ldapUrl)
      .min(1, 'must list at least one server')
      .optional()
      .describe(
        'Several servers of the same directory (domain controllers), tried in this order when one does not answer, instead of url. Each is ldap://host:port or ldaps://host:port.',
      ),
    bindUser: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .describe('Service account: a DN, user@domain or DOMAIN\\user.'),
    passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name').optional().describe('Environment variable holding the bind password.'),
    passwordFile: z.string().min(1).optional().describe('File holding the bind password (trailing newline ignored).'),
    searchBase: z.string().trim().min(1, 'must not be empty').describe('Where people live, e.g. CN=Users,DC=monkey,DC=com.'),
    filter: ldapFilter.optional(),
    attributes: attributeMap,
    pageSize: z.number().int().min(10).max(1000).default(500).describe('Entries per LDAP page (AD caps pages at 1000).'),
    startTls: z.boolean().default(false).describe('Upgrade ldap:// with StartTLS before binding.'),
    tls,
    timeouts,
    index: indexSettings,
  })
  .strict()
  .describe('An LDAP directory or Active Directory domain, searched with a service account.')
  .refine((d) => (d.passwordEnv === undefined) !== (d.passwordFile === undefined), {
    message: 'needs exactly one of passwordEnv or passwordFile: set passwordEnv: NAME and export NAME, or passwordFile: /path/to/file',
    path: ['passwordEnv'],
  })
  .refine((d) => (d.url === undefined) !== (d.urls === undefined), {
    message: 'needs exactly one of url (one server) or urls (several domain controllers, tried in order)',
    path: ['url'],
  });

export const ldifDirectorySchema = z
  .object({
    id: z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and dashes, e.g. "demo"').describe('Short id used in API paths.'),
    displayName: z.string().trim().min(1, 'must not be empty').describe('Name shown in the pane.'),
    kind: z.literal('ldif').describe('ldif = people read from an LDIF file (the embedded demo uses this).'),
    file: z.string().min(1).describe('LDIF file to read.'),
  })
  .strict()
  .describe('People read from an LDIF file and searched in memory: for trying Dialpane without a server.');

export const directorySchema = z.discriminatedUnion('kind', [ldapDirectorySchema, ldifDirectorySchema]);

export const configSchema = z
  .object({
    server: z
      .object({
        host: z.string().default('127.0.0.1').describe('Interface to listen on.'),
        port: z.number().int().min(0).max(65535).default(3000).describe('HTTPS port.'),
        dataDir: z.string().default('.dialpane').describe('Where the generated localhost certificate and token signing key are kept.'),
        tlsCertFile: z.string().optional().describe('PEM certificate to serve instead of the generated localhost one.'),
        tlsKeyFile: z.string().optional().describe('PEM key of tlsCertFile.'),
        officeJs: z.enum(['local', 'cdn']).default('local').describe('Serve Office.js from this service (local) or the Microsoft CDN.'),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 3000, dataDir: '.dialpane', officeJs: 'local' })
      .refine((s) => (s.tlsCertFile === undefined) === (s.tlsKeyFile === undefined), {
        message: 'tlsCertFile and tlsKeyFile go together: set both, or neither to use the generated localhost certificate',
        path: ['tlsCertFile'],
      }),
    phone: z
      .object({
        defaultCountry: z
          .string()
          .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code such as US, GB or SI')
          .default('US')
          .describe('Country assumed for numbers written without +country code.'),
        extensionPattern: z
          .string()
          .default('^[0-9]{3,6}$')
          .describe('Regular expression of internal extensions (compared after removing spaces and dashes).'),
        extensionContext: z
          .string()
          .optional()
          .describe('RFC 3966 phone-context for internal extensions, e.g. your domain; unset = extensions are shown but not dialable.'),
      })
      .strict()
      .default({ defaultCountry: 'US', extensionPattern: '^[0-9]{3,6}$' }),
    directories: z.array(directorySchema).min(1, 'must list at least one directory'),
    dialRules: z
      .array(dialRuleSchema)
      .default([])
      .describe('Ordered dial rules; the first whose match (and directories) fits a number decides how it is dialed. No match: international form with the dialer\'s internationalPrefix.'),
    dialers: z.array(dialerSchema).default([]).describe('Ways to place a call; the pane offers "Call with …" for each. None: the pane\'s tel: link.'),
    auth: authSchema,
    security: securitySchema,
  })
  .strict()
  .superRefine((config, ctx) => {
    checkDialing(config, ctx);
    checkAuth(config, ctx);
    const seen = new Set<string>();
    config.directories.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['directories', i, 'id'], message: `"${d.id}" is used twice; every directory needs its own id` });
      seen.add(d.id);
    });
    try {
      new RegExp(config.phone.extensionPattern);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['phone', 'extensionPattern'], message: 'is not a valid regular expression' });
    }
  });

export type Config = z.infer<typeof configSchema>;
export type DirectoryConfig = z.infer<typeof directorySchema>;
export type LdapDirectoryConfig = z.infer<typeof ldapDirectorySchema>;
export type LdifDirectoryConfig = z.infer<typeof ldifDirectorySchema>;
export type PhoneConfig = Config['phone'];

/** Keys that may come from the environment; the environment wins over the file. */
export const ENVIRONMENT = {
  DIALPANE_CONFIG: 'Path of the configuration file (JSON or YAML). Unset: the embedded demo directory.',
  DIALPANE_HOST: 'server.host',
  DIALPANE_PORT: 'server.port',
  DIALPANE_DATA_DIR: 'server.dataDir',
  DIALPANE_OFFICE_JS: 'server.officeJs',
  DIALPANE_DEFAULT_COUNTRY: 'phone.defaultCountry',
  DIALPANE_AUTH_MODE: 'auth.mode',
  DIALPANE_AUTH_SECRET_FILE: 'auth.secretFile',
} as const;
