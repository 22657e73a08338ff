/**
 * What went wrong talking to a directory, as a DialpaneError a person can act on: a stable `code`
 * (the HTTP status), a finer `problem` (what the directory check reports), the cause in plain words
 * and the fix. ldapts errors are told apart by class (one per LDAP result code), socket and TLS
 * errors by Node's `code`; only AD's `data XXX` sub-code of a failed bind is read from the message
 * (bind-reasons.ts). Messages name the server, the bind identity and the search base, never the password.
 */
import {
  BusyError,
  ConfidentialityRequiredError,
  InvalidCredentialsError,
  InvalidDNSyntaxError,
  NoSuchObjectError,
  OperationsError,
  ResultCodeError,
  StrongAuthRequiredError,
  TimeLimitExceededError,
  UnavailableError,
} from 'ldapts';
import type { DirectoryProblem } from '../../../src/shared/api';
import { DialpaneError, type ErrorCode } from '../../errors';
import { bindRefusal } from './bind-reasons';
import { defaultPort, type Endpoint } from './endpoint';

export interface ErrorContext extends Endpoint {
  bindUser: string;
  searchBase: string;
  /** Removed from every message, should any server or library ever echo it. */
  password: string;
}

/** Which step failed: binding is told apart because code 34 means a bad bind name there. */
export type Step = 'connect' | 'starttls' | 'bind' | 'search';

const STEP_WORDS: Record<Step, string> = { connect: 'connection', starttls: 'StartTLS request', bind: 'bind', search: 'search' };

/** Our own time limit on one step ran out (ldapts's timeouts are recognised by message below). */
export class StepTimeout extends Error {
  constructor(readonly step: Step) {
    super(`the ${STEP_WORDS[step]} did not finish in time`);
    this.name = 'StepTimeout';
  }
}

/** A TCP connection attempt gave up (the directory check's own probe). */
export class ConnectTimeout extends Error {
  constructor() {
    super('Connection timeout');
    this.name = 'ConnectTimeout';
  }
}

interface Mapped {
  code: ErrorCode;
  problem: DirectoryProblem;
  message: string;
  hint: string;
}

const UNTRUSTED = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE']);
const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|CERT_)/;

function systemCode(error: unknown): string | undefined {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const isConnectTimeout = (error: unknown): boolean => error instanceof ConnectTimeout || (error instanceof Error && /^Connection timeout$/i.test(error.message));
/** ldapts gave up waiting for the answer to a request (its `timeout`): the connection may be hung. */
export const isOperationTimeout = (error: unknown): boolean => error instanceof Error && /Operation timed out$/i.test(error.message);

/** The connection went away under a request: a reused connection can be reopened once. */
export function isDroppedConnection(error: unknown): boolean {
  const code = systemCode(error);
  if (code === 'ECONNRESET' || code === 'EPIPE') return true;
  return error instanceof Error && /^(Connection closed before message response|Socket connection not established|Socket error\.)/.test(error.message);
}

/** Failures of one server that another server of the same directory may not have: try the next. */
export function isServerSpecific(error: DialpaneError): boolean {
  return error.code === 'DIRECTORY_UNREACHABLE' || error.code === 'DIRECTORY_TIMEOUT' || error.problem === 'SERVER_ERROR';
}

export function toDirectoryError(error: unknown, step: Step, context: ErrorContext): DialpaneError {
  if (error instanceof DialpaneError) return error;
  const mapped = classify(error, step, context);
  const clean = (text: string): string => redact(text, context.password);
  return new DialpaneError(mapped.code, clean(mapped.message), clean(mapped.hint), { cause: redactedCause(error, context.password), problem: mapped.problem });
}

/**
 * The original error as the cause (the log shows its name and message), with the password taken
 * out of the message and stack too: the error middleware logs causes, and a server might echo a
 * password. The copy keeps the error's class and fields (an InvalidCredentialsError's code): a
 * short password can occur in an ordinary message — "090" in AD's "80090308: … data 52e" — and
 * the sign-in still has to read that refusal as a refusal.
 */
function redactedCause(error: unknown, password: string): unknown {
  if (!(error instanceof Error) || !error.message.includes(password) || password.length < 3) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as Error;
  copy.message = redact(error.message, password);
  if (error.stack !== undefined) copy.stack = redact(error.stack, password);
  return copy;
}

/** Replaces the password in `text`, should a server or library ever echo it. */
export function redact(text: string, password: string): string {
  return password.length >= 3 ? text.split(password).join('********') : text;
}

/**
 * Every server of a directory failed: one error naming each. The code is DIRECTORY_TIMEOUT only
 * when all of them timed out, so an answer is 503 when at least one server is plainly down.
 */
export function noServerAnswered(failures: readonly DialpaneError[]): DialpaneError {
  const [first] = failures;
  if (first === undefined) throw new Error('noServerAnswered needs at least one failure');
  if (failures.length === 1) return first;
  const code: ErrorCode = failures.every((f) => f.code === 'DIRECTORY_TIMEOUT') ? 'DIRECTORY_TIMEOUT' : 'DIRECTORY_UNREACHABLE';
  return new DialpaneError(code, `None of the ${failures.length} directory servers answered. ${failures.map((f) => f.message).join(' ')}`, first.hint, {
    cause: first,
    problem: 'NO_SERVER_ANSWERED',
  });
}

function classifyResult(error: ResultCodeError, step: Step, c: ErrorContext): Mapped {
  if (step === 'starttls') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: 'STARTTLS_REFUSED',
      message: `${c.server} refused StartTLS (LDAP code ${error.code}).`,
      hint: 'The server does not offer StartTLS on this port: use an ldaps:// url (port 636), or turn on TLS on the directory server.',
    };
  }
  if (error instanceof InvalidCredentialsError) {
    const refusal = bindRefusal(error.message);
    return { code: 'DIRECTORY_BIND_FAILED', problem: refusal.problem, message: `${c.server} refused the bind as "${c.bindUser}": ${refusal.reason}.`, hint: refusal.fix };
  }
  if (error instanceof StrongAuthRequiredError || error instanceof ConfidentialityRequiredError) {
    return {
      code: 'DIRECTORY_BIND_FAILED',
      problem: 'BIND_STRONG_AUTH_REQUIRED',
      message: `${c.server} refuses simple binds over an unencrypted connection (LDAP code ${error.code}, strong authentication required).`,
      hint: 'Use an ldaps:// url (port 636) or set startTls: true, with tls.caFile naming the CA of the directory certificate.',
    };
  }
  if (error instanceof InvalidDNSyntaxError && step === 'bind') {
    return {
      code: 'DIRECTORY_BIND_FAILED',
      problem: 'BIND_NAME_SYNTAX',
      message: `${c.server} does not accept "${c.bindUser}" as a bind name (LDAP code 34, invalid DN syntax).`,
      hint: 'This server takes only a full DN as bindUser, e.g. cn=dialpane,ou=services,dc=example,dc=com.',
    };
  }
  if (error instanceof NoSuchObjectError && step === 'search') {
    return {
      code: 'DIRECTORY_SEARCH_BASE',
      problem: 'BASE_NOT_FOUND',
      message: `The search base "${c.searchBase}" does not exist on ${c.server}.`,
      hint: 'Check searchBase: the DN of the container of the people, e.g. CN=Users,DC=monkey,DC=com. The directory check (dialpane doctor) names the closest existing parent.',
    };
  }
  if (error instanceof InvalidDNSyntaxError && step === 'search') {
    return {
      code: 'DIRECTORY_SEARCH_BASE',
      problem: 'BASE_MALFORMED',
      message: `The search base "${c.searchBase}" is not a valid DN (LDAP code 34).`,
      hint: 'Write searchBase as a full DN, e.g. CN=Users,DC=monkey,DC=com.',
    };
  }
  if (error instanceof TimeLimitExceededError) {
    return { code: 'DIRECTORY_TIMEOUT', problem: 'TIMEOUT', message: `${c.server} stopped the search at its time limit.`, hint: 'Type more of the name, or raise timeouts.requestMs if the directory is slow.' };
  }
  if (error instanceof OperationsError && /without authentication|successful bind must be completed/i.test(error.message)) {
    return {
      code: 'DIRECTORY_BIND_FAILED',
      problem: 'BIND_NOT_BOUND',
      message: `${c.server} answered as if the connection were not bound (LDAP code 1).`,
      hint: 'Check bindUser and the password; an empty password is an anonymous bind.',
    };
  }
  if (error instanceof BusyError || error instanceof UnavailableError) {
    return {
      code: 'DIRECTORY_ERROR',
      problem: 'SERVER_ERROR',
      message: `${c.server} is ${error instanceof BusyError ? 'busy' : 'unavailable'} (LDAP code ${error.code}).`,
      hint: 'Try again later, or list another domain controller in urls.',
    };
  }
  return {
    code: 'DIRECTORY_ERROR',
    problem: 'SERVER_ERROR',
    message: `${c.server} answered the ${STEP_WORDS[step]} with an error: ${error.name} (LDAP code ${error.code}).`,
    hint: 'The service log has the server message; check the filter and searchBase in the configuration.',
  };
}

function classifyTls(error: unknown, code: string | undefined, c: ErrorContext): Mapped {
  const base = `The TLS connection to ${c.server} failed: ${messageOf(error)}.`;
  if (code !== undefined && UNTRUSTED.has(code)) {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: 'TLS_UNTRUSTED',
      message: base,
      hint: 'Set tls.caFile to the PEM file of the CA that issued the directory certificate (the directory check, dialpane doctor, names the issuer).',
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: 'TLS_NAME_MISMATCH',
      message: base,
      hint: 'Set tls.servername to a host name the certificate carries (needed when url uses an IP address or another name), or use that name in url.',
    };
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: code === 'CERT_HAS_EXPIRED' ? 'TLS_EXPIRED' : 'TLS_NOT_YET_VALID',
      message: base,
      hint: code === 'CERT_HAS_EXPIRED' ? 'Renew the certificate of the directory server.' : "Check the clocks of this machine and the directory server, or the certificate's start date.",
    };
  }
  return {
    code: 'DIRECTORY_UNREACHABLE',
    problem: 'TLS_FAILED',
    message: base,
    hint: 'Set tls.caFile to the CA that signed the directory certificate, and tls.servername to the host name in the certificate when url uses an IP address or another name.',
  };
}

function classify(error: unknown, step: Step, c: ErrorContext): Mapped {
  if (error instanceof ResultCodeError) return classifyResult(error, step, c);
  const code = systemCode(error);
  if (error instanceof StepTimeout) {
    return { code: 'DIRECTORY_TIMEOUT', problem: 'TIMEOUT', message: `${c.server} did not answer the ${STEP_WORDS[error.step]} in time.`, hint: 'The directory is slow or overloaded; try again, or raise timeouts.requestMs.' };
  }
  if (code === 'ECONNREFUSED') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: 'CONNECTION_REFUSED',
      message: `The connection was refused by ${c.server}.`,
      hint: `Is the directory server running and listening on port ${c.port}? ${defaultPort(c.scheme)} is only the default port for ${c.scheme}://; write the port in url when it differs.`,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: 'HOST_UNKNOWN',
      message: `The host name ${c.host} could not be resolved${code === 'EAI_AGAIN' ? ' (the DNS server did not answer)' : ''}.`,
      hint: 'Check the host in url and that this machine can resolve it (try the full name, e.g. dc1.corp.example.com).',
    };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: 'NO_ROUTE',
      message: `There is no network route to ${c.server}.`,
      hint: 'Check the host in url, the network, VPN and firewall between this service and the directory.',
    };
  }
  if (isConnectTimeout(error) || code === 'ETIMEDOUT') {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: 'CONNECT_TIMEOUT',
      message: `${c.server} did not accept a connection in time.`,
      hint: 'A firewall may be dropping the connection, or the host is down; check url, or raise timeouts.connectMs.',
    };
  }
  if (isOperationTimeout(error)) {
    return { code: 'DIRECTORY_TIMEOUT', problem: 'TIMEOUT', message: `${c.server} did not answer the ${STEP_WORDS[step]} in time.`, hint: 'The directory is slow or overloaded; try again, or raise timeouts.requestMs.' };
  }
  if ((code !== undefined && TLS_CODES.test(code)) || /certificate|TLS|SSL/i.test(messageOf(error))) return classifyTls(error, code, c);
  if (isDroppedConnection(error)) {
    return {
      code: 'DIRECTORY_UNREACHABLE',
      problem: 'CONNECTION_CLOSED',
      message: `${c.server} closed the connection${step === 'connect' || step === 'starttls' ? ' during connection set-up' : ''}.`,
      hint: c.scheme === 'ldap' ? 'If the server expects TLS on this port, use ldaps:// (636) or startTls: true.' : 'Check that the port speaks LDAPS (636), not plain LDAP (389).',
    };
  }
  return {
    code: 'DIRECTORY_ERROR',
    problem: 'SERVER_ERROR',
    message: `Talking to ${c.server} failed during the ${STEP_WORDS[step]}: ${messageOf(error)}.`,
    hint: 'The service log has the details.',
  };
}
