/**
 * Configuration of the dialers (`dialers`), one schema per kind. Secrets follow the directories'
 * rule: only `passwordEnv` or `passwordFile`, never inline.
 */
import { z } from 'zod';

/** Same shape as directory ids: they appear in API paths and answers. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const secretFields = {
  passwordEnv: z.string().regex(ENV_NAME, 'must be an environment variable name').optional().describe('Environment variable holding the password.'),
  passwordFile: z.string().min(1).optional().describe('File holding the password (trailing newline ignored).'),
};

const exactlyOneSecret = {
  check: (d: { passwordEnv?: string | undefined; passwordFile?: string | undefined }): boolean => (d.passwordEnv === undefined) !== (d.passwordFile === undefined),
  message: 'needs exactly one of passwordEnv or passwordFile: set passwordEnv: NAME and export NAME, or passwordFile: /path/to/file',
};

const tls = z
  .object({
    caFile: z.string().optional().describe('PEM file of the CA that signed the server certificate.'),
    rejectUnauthorized: z.boolean().default(true).describe('Verify the certificate. false is insecure.'),
  })
  .strict()
  .default({ rejectUnauthorized: true });

const common = {
  id: z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and dashes, e.g. "softphone"').describe('Short id used in the API (dialerId).'),
  displayName: z.string().trim().min(1, 'must not be empty').describe('Name shown in the pane, e.g. "Desk phone".'),
  internationalPrefix: z
    .string()
    .regex(/^(\+|[0-9]{2,4})$/, 'must be "+" or an access code such as "00" or "011"')
    .default('+')
    .describe('What this dialer takes in front of an international number: "+" or the access code its phone system needs ("00", "011").'),
  postDialSeparator: z
    .string()
    .regex(/^[,;pPwW]{1,8}$/, 'must be pause characters such as "," or "ww"')
    .optional()
    .describe('Pause characters between a number and its extension, e.g. ","; unset = the user keys the extension in after the call connects.'),
  applyDialRules: z.boolean().default(true).describe('Rewrite numbers with dialRules; false = dial the number in international form.'),
  allowUserDevice: z.boolean().default(true).describe('Let a dial request name the user\'s own device and line ("my phone"). With sign-in, only where the phone system checks the device is theirs (WebDialer with profile.user {user.account}).'),
};

/** A device name, or a template naming the signed-in person's attributes (server/dial/own-device.ts). */
const USER_ATTRIBUTE = '\\{user\\.(?:account|mail|ipPhone|telephoneNumber|mobile)\\}';
const device = z
  .string()
  .regex(new RegExp(`^(?:[A-Za-z0-9 ._@:;/+#*-]|${USER_ATTRIBUTE}){1,64}$`), 'must be up to 64 letters, digits and . _ @ : ; / + # * -, or {user.ipPhone}, {user.account}, {user.mail}, {user.telephoneNumber}, {user.mobile}')
  .optional();

const template = (what: string) =>
  z
    .string()
    .min(1, 'must not be empty')
    // Only word-like braces are placeholders: a JSON body's own braces ({"n":"{number}"}) are text.
    .refine((v) => [...v.matchAll(/\{([A-Za-z_]+)\}/g)].every((m) => ['number', 'device', 'line'].includes(m[1] ?? '')), {
      message: 'may only use the placeholders {number}, {device} and {line}',
    })
    .describe(what);

export const uriDialerSchema = z
  .object({
    kind: z.literal('uri').describe('uri = the pane opens a tel:, sip:, callto: or ciscotel: link; the service only builds it.'),
    ...common,
    // Links go to whatever app the computer has (Teams, Jabber, a softphone), which expects the global +
    // form and applies its own dial plan; dial rules are for links that reach your PBX as is.
    applyDialRules: z.boolean().default(false).describe('Rewrite numbers with dialRules (true for links that go straight to your PBX); false = the international + form.'),
    scheme: z.enum(['tel', 'sip', 'sips', 'callto', 'ciscotel']).default('tel').describe('Link scheme: tel (any phone app), sip/sips, callto, ciscotel (Cisco Jabber).'),
    sipDomain: z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be a host name, e.g. pbx.example.com').optional().describe('Host part of sip:/sips: links, e.g. pbx.example.com.'),
    phoneContext: z.string().min(1).optional().describe('phone-context of tel: links for numbers without + (extensions, outside-line digits), e.g. your domain.'),
  })
  .strict()
  .describe('A link the pane opens: the operating system\'s phone app, Jabber, or a SIP client.')
  .refine((d) => !['sip', 'sips'].includes(d.scheme) || d.sipDomain !== undefined, {
    message: 'is required for sip and sips links: set sipDomain: pbx.example.com',
    path: ['sipDomain'],
  });

export const baresipDialerSchema = z
  .object({
    kind: z.literal('baresip').describe('baresip = the baresip softphone, told to dial over its ctrl_tcp module.'),
    ...common,
    host: z.string().default('127.0.0.1').describe('Host of baresip\'s ctrl_tcp (ctrl_tcp_listen).'),
    port: z.number().int().min(1).max(65535).default(4444).describe('Port of baresip\'s ctrl_tcp.'),
    dialString: template('What baresip dials for a number: {number} is the dialed digits, e.g. sip:{number}@pbx.example.com; plain {number} uses the account\'s domain.').default('{number}'),
    timeouts: z
      .object({
        connectMs: z.number().int().min(100).max(60_000).default(2_000).describe('TCP connect timeout.'),
        replyMs: z.number().int().min(100).max(60_000).default(5_000).describe('Time to wait for baresip\'s answer to the dial command.'),
      })
      .strict()
      .default({ connectMs: 2_000, replyMs: 5_000 }),
  })
  .strict()
  .describe('The baresip softphone, over its ctrl_tcp module (netstring-framed JSON).');

const httpAuth = z
  .object({
    scheme: z.enum(['basic', 'digest']).describe('basic, or digest (RFC 7616: MD5 or SHA-256, qop=auth).'),
    user: z.string().min(1, 'must not be empty').describe('User name on the phone or PBX.'),
    ...secretFields,
  })
  .strict()
  .optional()
  .describe('Credentials of the phone or PBX web interface; unset = none.')
  .refine((a) => a === undefined || exactlyOneSecret.check(a), { message: exactlyOneSecret.message, path: ['passwordEnv'] });

export const httpDialerSchema = z
  .object({
    kind: z.literal('http').describe('http = a desk phone or PBX action URL (Yealink, Snom, Grandstream style).'),
    ...common,
    url: template('Action URL; placeholders are URL-encoded (+ becomes %2B), e.g. https://phone/servlet?key=number={number}.').refine((v) => /^https?:\/\/[^/\s]+/i.test(v), {
      message: 'must be an http:// or https:// URL',
    }),
    method: z.enum(['GET', 'POST']).default('GET').describe('HTTP method.'),
    body: template('Request body for POST; placeholders are encoded for contentType (form, JSON or XML).').optional(),
    contentType: z.string().default('application/x-www-form-urlencoded').describe('Content-Type of body.'),
    device: device.describe('Default {device} when a request names none.'),
    auth: httpAuth,
    tls,
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000).describe('Time budget of the request.'),
  })
  .strict()
  .describe('A desk phone or PBX that dials when an action URL is requested.')
  .refine((d) => d.url.includes('{number}') || (d.body ?? '').includes('{number}'), {
    message: 'must contain {number} (or body must)',
    path: ['url'],
  });

export const webdialerDialerSchema = z
  .object({
    kind: z.literal('webdialer').describe('webdialer = Cisco Unified CM WebDialer SOAP (urn:WD70 makeCallSoap).'),
    ...common,
    url: z.string().regex(/^https?:\/\/[^/\s]+\/?$/i, 'must be scheme, host and port only, e.g. https://cucm.example.com:8443').describe('Unified CM node running WebDialer, e.g. https://cucm.example.com:8443.'),
    path: z.string().regex(/^\/\S*$/, 'must start with /').default('/webdialer/services/WebdialerSoapService70').describe('SOAP endpoint path.'),
    user: z.string().min(1, 'must not be empty').describe('Credential userID: the end user, or an application user with proxy rights.'),
    ...secretFields,
    profile: z
      .object({
        user: z
          .string()
          .min(1)
          .refine((v) => [...v.matchAll(/\{([^}]*)\}/g)].every((m) => new RegExp(`^${USER_ATTRIBUTE}$`).test(m[0])), { message: 'may only use the placeholders {user.account}, {user.mail}, {user.ipPhone}, {user.telephoneNumber}, {user.mobile}' })
          .optional()
          .describe('UserProfile user whose phone places the call, e.g. {user.account} for the signed-in person (Unified CM then checks the device is theirs). Default: user.'),
        deviceName: device.describe('Default deviceName, e.g. SEP001122334455, when a request names none.'),
        lineNumber: z.string().max(128).optional().describe('Default lineNumber as getProfileDetailSoap lists it, e.g. "1000 ; no partition".'),
        supportEM: z.boolean().default(false).describe('UserProfile supportEM (Extension Mobility).'),
        locale: z.string().default('English').describe('UserProfile locale.'),
        dontAutoClose: z.boolean().default(true).describe('UserProfile dontAutoClose.'),
        dontShowCallConf: z.boolean().default(true).describe('UserProfile dontShowCallConf.'),
      })
      .strict()
      .default({ supportEM: false, locale: 'English', dontAutoClose: true, dontShowCallConf: true }),
    tls,
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000).describe('Time budget of one SOAP request.'),
  })
  .strict()
  .describe('Cisco Unified CM WebDialer: the user\'s Cisco phone dials.')
  .refine(exactlyOneSecret.check, { message: exactlyOneSecret.message, path: ['passwordEnv'] });

export const amiDialerSchema = z
  .object({
    kind: z.literal('ami').describe('ami = Asterisk Manager Interface Originate.'),
    ...common,
    host: z.string().min(1).describe('Asterisk host.'),
    port: z.number().int().min(1).max(65535).default(5038).describe('AMI port.'),
    username: z.string().min(1, 'must not be empty').describe('AMI user (manager.conf) with originate write and call read rights.'),
    ...secretFields,
    channel: template('Channel that rings first (the user\'s phone), e.g. PJSIP/{device}.').default('PJSIP/{device}'),
    device: device.describe('Default {device} when a request names none, e.g. 1001.'),
    context: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a dialplan context name').default('from-internal').describe('Dialplan context of the call to the number.'),
    exten: template('Extension dialed in context, e.g. {number}.').default('{number}'),
    priority: z.union([z.number().int().min(1), z.string().regex(/^[A-Za-z0-9_-]+$/)]).default(1).describe('Dialplan priority (number or label).'),
    callerId: template('CallerID shown on the user\'s phone while it rings, e.g. "Dialpane" <{number}>.').optional(),
    originateTimeoutMs: z.number().int().min(1_000).max(300_000).default(30_000).describe('How long the user\'s phone rings before Asterisk gives up (Originate Timeout).'),
    timeouts: z
      .object({
        connectMs: z.number().int().min(100).max(60_000).default(3_000).describe('TCP connect timeout.'),
        replyMs: z.number().int().min(100).max(60_000).default(5_000).describe('Time to wait for each AMI response.'),
      })
      .strict()
      .default({ connectMs: 3_000, replyMs: 5_000 }),
  })
  .strict()
  .describe('Asterisk: Originate rings the user\'s phone, then dials the number.')
  .refine(exactlyOneSecret.check, { message: exactlyOneSecret.message, path: ['passwordEnv'] });

export const dialerSchema = z.discriminatedUnion('kind', [uriDialerSchema, baresipDialerSchema, httpDialerSchema, webdialerDialerSchema, amiDialerSchema]);

export type DialerConfig = z.infer<typeof dialerSchema>;
export type UriDialerConfig = z.infer<typeof uriDialerSchema>;
export type BaresipDialerConfig = z.infer<typeof baresipDialerSchema>;
export type HttpDialerConfig = z.infer<typeof httpDialerSchema>;
export type WebdialerDialerConfig = z.infer<typeof webdialerDialerSchema>;
export type AmiDialerConfig = z.infer<typeof amiDialerSchema>;
