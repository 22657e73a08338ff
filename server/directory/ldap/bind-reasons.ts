/**
 * Why a directory refused a simple bind (LDAP result 49, invalidCredentials), in plain words with
 * the fix. Active Directory (and Samba) tell the reasons apart only by the `data XXX` sub-code
 * inside the diagnostic message — `80090308: LdapErr: DSID-…, comment: AcceptSecurityContext
 * error, data 533, v1db1` — so this is the one place that reads a message instead of a class.
 * The API's 503 answers (errors.ts) and the directory check (server/diagnosis) both use this table.
 */

/** Stable names of the bind refusals; the directory check reports them as its `problem`. */
export type BindProblem =
  | 'BIND_USER_NOT_FOUND'
  | 'BIND_BAD_CREDENTIALS'
  | 'BIND_LOGON_HOURS'
  | 'BIND_WORKSTATION'
  | 'BIND_PASSWORD_EXPIRED'
  | 'BIND_ACCOUNT_DISABLED'
  | 'BIND_ACCOUNT_EXPIRED'
  | 'BIND_MUST_CHANGE_PASSWORD'
  | 'BIND_LOCKED_OUT'
  | 'BIND_REFUSED';

export interface BindRefusal {
  problem: BindProblem;
  /** The AD sub-code (lower case hex) when the server sent one. */
  subCode?: string;
  /** Completes "<server> refused the bind as "<user>": …". */
  reason: string;
  fix: string;
}

const CHECK_CREDENTIALS =
  'Check bindUser (a DN, user@domain or DOMAIN\\user; Active Directory rejects a bare user name) and the password in passwordEnv or passwordFile.';

/** AD's sub-codes of AcceptSecurityContext errors (MS-ADTS; the same on Samba except 525, see 52e). */
export const AD_BIND_REFUSALS: Readonly<Record<string, Omit<BindRefusal, 'subCode'>>> = {
  '525': { problem: 'BIND_USER_NOT_FOUND', reason: 'the user does not exist', fix: CHECK_CREDENTIALS },
  // Samba answers 52e for an unknown user as well, so 52e cannot say which of the two is wrong.
  '52e': { problem: 'BIND_BAD_CREDENTIALS', reason: 'the user name or password is wrong', fix: CHECK_CREDENTIALS },
  '530': {
    problem: 'BIND_LOGON_HOURS',
    reason: 'the account may not sign in at this time (logon hours)',
    fix: 'Allow the service account to sign in at all hours (Account → Logon Hours in Active Directory Users and Computers).',
  },
  '531': {
    problem: 'BIND_WORKSTATION',
    reason: 'the account may not sign in from this computer (logon workstations)',
    fix: 'Clear the account\'s "Log On To" workstation list, or add this server to it.',
  },
  '532': {
    problem: 'BIND_PASSWORD_EXPIRED',
    reason: 'the password has expired',
    fix: 'Set a new password for the account, update passwordEnv or passwordFile, and consider "Password never expires" for a service account.',
  },
  '533': { problem: 'BIND_ACCOUNT_DISABLED', reason: 'the account is disabled', fix: 'Enable the account in Active Directory, or bind as another service account.' },
  '701': {
    problem: 'BIND_ACCOUNT_EXPIRED',
    reason: 'the account has expired',
    fix: 'Extend the account\'s expiry date ("Account expires" → Never) in Active Directory.',
  },
  '773': {
    problem: 'BIND_MUST_CHANGE_PASSWORD',
    reason: 'the password must be changed before the account can be used',
    fix: 'Set a new password for the account and clear "User must change password at next logon", then update passwordEnv or passwordFile.',
  },
  '775': {
    problem: 'BIND_LOCKED_OUT',
    reason: 'the account is locked out after too many wrong passwords',
    fix: 'Unlock the account in Active Directory, then check that passwordEnv or passwordFile holds the current password (a wrong one locks it again).',
  },
};

/** The `data XXX` sub-code of an AD bind refusal, lower case, or undefined. */
export function adSubCode(message: string): string | undefined {
  return /\bdata ([0-9a-f]{3,4})\b/i.exec(message)?.[1]?.toLowerCase();
}

/** The refusal described by a code-49 diagnostic message (any server; AD and Samba add sub-codes). */
export function bindRefusal(message: string): BindRefusal {
  const subCode = adSubCode(message);
  if (subCode === undefined) return { problem: 'BIND_BAD_CREDENTIALS', reason: 'invalid credentials: the bind name or password is wrong', fix: CHECK_CREDENTIALS };
  const known = AD_BIND_REFUSALS[subCode];
  if (known !== undefined) return { ...known, subCode };
  return { problem: 'BIND_REFUSED', subCode, reason: `Active Directory reason code ${subCode}`, fix: CHECK_CREDENTIALS };
}
