/**
 * The errors of dialing, built in one place so every dialer words them alike. The message names the
 * dialer and the cause (with the phone system's own code when it gave one); the hint says what to do.
 */
import { DialpaneError } from '../errors';

export interface DialerName {
  id: string;
  displayName: string;
}

export const notDialable = (reason: string): DialpaneError =>
  new DialpaneError('NOT_DIALABLE', `This number cannot be dialed: ${reason}.`, 'Pick another number, or type it with its +country code.');

/** The dialer could not be reached at all: nothing was dialed. */
export const dialerUnreachable = (dialer: DialerName, cause: string, error?: unknown): DialpaneError =>
  new DialpaneError(
    'DIALER_UNREACHABLE',
    `${dialer.displayName} (${dialer.id}) cannot be reached: ${cause}.`,
    'Check that the phone, softphone or phone system is running and reachable from the Dialpane service, then call again.',
    { cause: error },
  );

/** The dialer answered and refused: `code` is its own code (a WebDialer responseCode, an HTTP status, an AMI Reason). */
export const dialerRejected = (dialer: DialerName, code: string, text: string, hint = 'Check the dialer settings (user, device, line) with your phone administrator.'): DialpaneError =>
  new DialpaneError('DIALER_REJECTED', `${dialer.displayName} (${dialer.id}) refused the call (${code}): ${text}`, hint);

/** No answer in time: the call may or may not have been placed, so it is never retried automatically. */
export const dialerTimeout = (dialer: DialerName, waitedFor: string, ms: number): DialpaneError =>
  new DialpaneError(
    'DIALER_TIMEOUT',
    `${dialer.displayName} (${dialer.id}) did not answer within ${ms} ms (${waitedFor}).`,
    'The call may still have been placed: look at your phone before calling again.',
  );

/** Describes a socket-level failure in plain words, naming the address tried. */
export function describeNetworkError(error: unknown, address: string): string {
  const code = error !== null && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing listens on ${address} (connection refused)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of ${address} is not known (DNS)`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `no route to ${address}`;
    case 'ECONNRESET':
      return `${address} closed the connection`;
    default:
      if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return `the TLS certificate of ${address} is not trusted (${code}): set tls.caFile`;
      return `${address}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
