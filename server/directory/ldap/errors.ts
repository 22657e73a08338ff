/**
 * What went wrong talking to a directory, as a DialpaneError a person can act on. ldapts errors
 * are told apart by class (one per LDAP result code); socket errors by Node's `code`; only AD's
 * `data XXX` sub-code of a failed bind has to be read from the message.
 * Messages name the server, the bind identity and the search base, never the password.
 */
import {
  ConfidentialityRequiredError,
  InvalidCredentialsError,
  InvalidDNSyntaxError,
  NoSuchObjectError,
  OperationsError,
  ResultCodeError,
  StrongAuthRequiredError,
  TimeLimitExceededError,
} from 'ldapts';
import { DialpaneError } from '../../errors';

export interface ErrorContext {
  /** host:port as the configuration names it. */
  server: string;
  host: string;
  port: number;
  scheme: 'ldap' | 'ldaps';
  bindUser: string;
  searchBase: string;
  /** Removed from every message, should any server or library ever echo it. */
  password: string;
}

/** Which step failed: binding is told apart because code 34 means a bad bind name there. */
export type Step = 'connect' | 'bind' | 'search';

/** Sub-codes of AD's `AcceptSecurityContext error, data XXX` on a failed bind (code 49). */
const AD_BIND_REASONS: Record<string, string> = {
  '525': 'the user does not exist',
  '52e': 'the password is wrong (or, on Samba, the user does not exist)',
  '530': 'the account may not log on at this time',
  '531': 'the account may not log on from this computer',
  '532': 'the password has expired',
  '533': 'the account is disabled',
  '701': 'the account has expired',
  '773': 'the password must be changed before the account can be used',
  '775': 'the account is locked out',
};

const TLS_CODES = /^(ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|CERT_|ERR_SSL_)/;

function systemCode(error: unknown): string | undefined {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const isConnectTimeout = (error: unknown): boolean => error instanceof Error && /^Connection timeout$/i.test(error.message);
const isOperationTimeout = (error: unknown): boolean => error instanceof Error && /Operation timed out$/i.test(error.message);
/** The connection went away under a request: a reused connection can be reopened once. */
export function isDroppedConnection(error: unknown): boolean {
  const code = systemCode(error);
  if (code === 'ECONNRESET' || code === 'EPIPE') return true;
  return error instanceof Error && /^(Connection closed before message response|Socket connection not established|Socket error\.)/.test(error.message);
}

export function toDirectoryError(error: unknown, step: Step, context: ErrorContext): DialpaneError {
  if (error instanceof DialpaneError) return error;
  const mapped = classify(error, step, context);
  const clean = (text: string): string => (context.password.length >= 3 ? text.split(context.password).join('********') : text);
  return new DialpaneError(mapped.code, clean(mapped.message), clean(mapped.hint), { cause: error });
}

function classify(error: unknown, step: Step, c: ErrorContext): Pick<DialpaneError, 'code' | 'message' | 'hint'> {
  const defaultPort = c.scheme === 'ldaps' ? 636 : 389;
  const code = systemCode(error);

  if (error instanceof ResultCodeError) {
    if (error instanceof InvalidCredentialsError) {
      const sub = /\bdata ([0-9a-f]{3,4})\b/i.exec(error.message)?.[1]?.toLowerCase();
      const reason = sub === undefined ? 'invalid credentials' : (AD_BIND_REASONS[sub] ?? `Active Directory reason code ${sub}`);
      return {
        code: 'DIRECTORY_BIND_FAILED',
        message: `${c.server} refused the bind as "${c.bindUser}": ${reason}.`,
        hint: 'Check bindUser (a DN, user@domain or DOMAIN\\user; Active Directory rejects a bare user name) and the password in passwordEnv or passwordFile.',
      };
    }
    if (error instanceof StrongAuthRequiredError || error instanceof ConfidentialityRequiredError) {
      return {
        code: 'DIRECTORY_BIND_FAILED',
        message: `${c.server} refuses simple binds over an unencrypted connection (LDAP code ${error.code}).`,
        hint: 'Use an ldaps:// url (port 636) or set startTls: true, with tls.caFile naming the CA of the directory certificate.',
      };
    }
    if (error instanceof InvalidDNSyntaxError && step === 'bind') {
      return {
        code: 'DIRECTORY_BIND_FAILED',
        message: `${c.server} does not accept "${c.bindUser}" as a bind name (LDAP code 34, invalid DN syntax).`,
        hint: 'This server takes only a full DN as bindUser, e.g. cn=dialpane,ou=services,dc=example,dc=com.',
      };
    }
    if ((error instanceof NoSuchObjectError || error instanceof InvalidDNSyntaxError) && step === 'search') {
      return {
        code: 'DIRECTORY_SEARCH_BASE',
        message:
          error instanceof NoSuchObjectError
            ? `The search base "${c.searchBase}" does not exist on ${c.server}.`
            : `The search base "${c.searchBase}" is not a valid DN (LDAP code 34).`,
        hint: 'Check searchBase: the DN of the container of the people, e.g. CN=Users,DC=monkey,DC=com.',
      };
    }
    if (error instanceof TimeLimitExceededError) {
      return {
        code: 'DIRECTORY_TIMEOUT',
        message: `${c.server} stopped the search at its time limit.`,
        hint: 'Type more of the name, or raise timeouts.requestMs if the directory is slow.',
      };
    }
    if (error instanceof OperationsError && /without authentication|successful bind must be completed/i.test(error.message)) {
      return {
        code: 'DIRECTORY_BIND_FAILED',
        message: `${c.server} answered as if the connection were not bound (LDAP code 1).`,
        hint: 'Check bindUser and the password; an empty password is an anonymous bind.',
      };
    }
    return {
      code: 'DIRECTORY_ERROR',
      message: `${c.server} answered the ${step} with an error: ${error.name} (LDAP code ${error.code}).`,
      hint: 'The service log has the server message; check the filter and searchBase in the configuration.',
    };
  }

  if (code === 'ECONNREFUSED') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      message: `The connection was refused by ${c.server}.`,
      hint: `Is the directory server running and listening on port ${c.port}? ${defaultPort} is only the default port for ${c.scheme}://; write the port in url when it differs.`,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      message: `The host name ${c.host} could not be resolved${code === 'EAI_AGAIN' ? ' (the DNS server did not answer)' : ''}.`,
      hint: 'Check the host in url and that this machine can resolve it (try the full name, e.g. dc1.corp.example.com).',
    };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      message: `There is no network route to ${c.server}.`,
      hint: 'Check the host in url, the network, VPN and firewall between this service and the directory.',
    };
  }
  if (isConnectTimeout(error) || code === 'ETIMEDOUT') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      message: `${c.server} did not accept a connection in time.`,
      hint: 'A firewall may be dropping the connection, or the host is down; check url, or raise timeouts.connectMs.',
    };
  }
  if (isOperationTimeout(error)) {
    return {
      code: 'DIRECTORY_TIMEOUT',
      message: `${c.server} did not answer the ${step} in time.`,
      hint: 'The directory is slow or overloaded; try again, or raise timeouts.requestMs.',
    };
  }
  if ((code !== undefined && TLS_CODES.test(code)) || /certificate|TLS|SSL/i.test(messageOf(error))) {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      message: `The TLS connection to ${c.server} failed: ${messageOf(error)}.`,
      hint: 'Set tls.caFile to the CA that signed the directory certificate, and tls.servername to the host name in the certificate when url uses an IP address or another name.',
    };
  }
  if (isDroppedConnection(error)) {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      message: `${c.server} closed the connection${step === 'connect' ? ' during connection set-up' : ''}.`,
      hint: c.scheme === 'ldap' ? 'If the server expects TLS on this port, use ldaps:// (636) or startTls: true.' : 'Check that the port speaks LDAPS (636), not plain LDAP (389).',
    };
  }
  return {
    code: 'DIRECTORY_ERROR',
    message: `Talking to ${c.server} failed during the ${step}: ${messageOf(error)}.`,
    hint: 'The service log has the details.',
  };
}
