/**
 * What one bind as the person said, in the terms the person can act on. Active Directory puts the
 * reason of a failed bind (LDAP code 49) in the `data XXX` part of the message; an unknown user and
 * a wrong password are the same answer on purpose (52e, or 525 on Windows), and stay one here.
 */
import { InvalidCredentialsError } from 'ldapts';
import { DialpaneError, type ErrorCode } from '../errors';

export type BindRefusal = 'credentials' | 'locked' | 'disabled' | 'accountExpired' | 'passwordExpired' | 'mustChange' | 'restricted';

/** AD sub-codes of AcceptSecurityContext errors. */
const AD_REASONS: Record<string, BindRefusal> = {
  '525': 'credentials',
  '52e': 'credentials',
  '530': 'restricted',
  '531': 'restricted',
  '532': 'passwordExpired',
  '533': 'disabled',
  '701': 'accountExpired',
  '773': 'mustChange',
  '775': 'locked',
};

/** The refusal an ldapts error stands for, or undefined when it is not about the credentials. */
export function bindRefusal(error: unknown): BindRefusal | undefined {
  if (!(error instanceof InvalidCredentialsError)) return undefined;
  const sub = /\bdata ([0-9a-f]{3,4})\b/i.exec(error.message)?.[1]?.toLowerCase();
  return (sub === undefined ? undefined : AD_REASONS[sub]) ?? 'credentials';
}

const ANSWERS: Record<BindRefusal, { code: ErrorCode; message: string; hint: string }> = {
  credentials: { code: 'SIGN_IN_FAILED', message: 'Wrong user name or password.', hint: 'Type your user name and password again; you can also use user@domain or DOMAIN\\user.' },
  locked: { code: 'ACCOUNT_LOCKED', message: 'Your account is locked.', hint: 'Wait until it unlocks, or ask your IT help desk to unlock it.' },
  disabled: { code: 'ACCOUNT_DISABLED', message: 'Your account is disabled.', hint: 'Ask your IT help desk.' },
  accountExpired: { code: 'ACCOUNT_EXPIRED', message: 'Your account has expired.', hint: 'Ask your IT help desk to extend it.' },
  passwordExpired: { code: 'PASSWORD_EXPIRED', message: 'Your password has expired.', hint: 'Change it (for example by signing in to Windows), then sign in here with the new one.' },
  mustChange: { code: 'PASSWORD_MUST_CHANGE', message: 'You must change your password before you can sign in.', hint: 'Change it (for example by signing in to Windows), then sign in here with the new one.' },
  restricted: { code: 'SIGN_IN_RESTRICTED', message: 'Your account may not sign in at this time or from here.', hint: 'Ask your IT help desk about your logon hours and workstations.' },
};

export function refusalError(refusal: BindRefusal): DialpaneError {
  const answer = ANSWERS[refusal];
  return new DialpaneError(answer.code, answer.message, answer.hint);
}
