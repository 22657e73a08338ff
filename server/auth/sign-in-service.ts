/**
 * Signing in, refreshing and signing out. One attempt is: check the input (blank passwords never
 * reach the directory: Active Directory counts them as failed attempts), find the account as the
 * service account, take a slot of the account's failure budget, bind once as the account, issue a
 * token. The person learns "wrong user name or password" whether the name or the password was wrong.
 */
import type { Logger } from 'pino';
import type { DirectorySummary, SessionResponse, SignInOptions, SignInRequest } from '../../src/shared/api';
import { DialpaneError } from '../errors';
import type { AccountLimiter } from './account-limiter';
import { refusalError } from './bind-outcome';
import { parseIdentity, type Identity } from './identity';
import type { Account, BindResult } from './ldap-accounts';
import type { SignedInUser } from './signed-in-user';
import { type TokenService, unauthenticated } from './tokens';

/** One directory people sign in against (LdapAccounts in the service). */
export interface AccountDirectory {
  readonly directoryId: string;
  find(identity: Identity): Promise<Account | undefined>;
  byId(id: string): Promise<Account | undefined>;
  verify(account: Account, password: string): Promise<BindResult>;
  close(): Promise<void>;
}

export interface SignInDeps {
  directories: readonly { summary: DirectorySummary; accounts: AccountDirectory }[];
  tokens: TokenService;
  limiter: AccountLimiter;
  logger: Logger;
  now?: () => number;
}

const wrong = (): DialpaneError => refusalError('credentials');

export class SignInService {
  private readonly byId: Map<string, { summary: DirectorySummary; accounts: AccountDirectory }>;
  private readonly now: () => number;

  constructor(private readonly deps: SignInDeps) {
    this.byId = new Map(deps.directories.map((d) => [d.summary.id, d]));
    this.now = deps.now ?? Date.now;
  }

  options(): SignInOptions {
    return { mode: 'directory', directories: this.deps.directories.map((d) => d.summary) };
  }

  async signIn(request: SignInRequest, address: string): Promise<SessionResponse> {
    const directory = this.byId.get(request.directoryId);
    if (directory === undefined) {
      throw new DialpaneError('DIRECTORY_NOT_FOUND', `Nobody signs in against a directory "${request.directoryId}".`, `Use one of the ids from GET /api/session/options: ${[...this.byId.keys()].join(', ')}.`);
    }
    const log = (outcome: string, account: Account | undefined): void =>
      this.deps.logger.info({ event: 'sign-in', outcome, directory: directory.summary.id, account: account?.attributes.account ?? account?.id ?? null, address }, `sign-in ${outcome}`);

    const identity = parseIdentity(request.username);
    const account = identity === undefined ? undefined : await directory.accounts.find(identity);
    // Unknown names are counted too, by what was typed: guessing names costs the same as passwords.
    const key = `${directory.summary.id}\n${account?.id ?? `typed:${request.username.trim().toLowerCase()}`}`;
    const attempt = this.deps.limiter.begin(key);
    if (account === undefined) {
      attempt.failed();
      log('unknown-user', undefined);
      throw wrong();
    }
    let result: BindResult;
    try {
      result = await directory.accounts.verify(account, request.password);
    } catch (error) {
      // A bind that timed out may still have been counted by the DC: count it here too.
      if (error instanceof DialpaneError && error.code === 'DIRECTORY_TIMEOUT') attempt.failed();
      else attempt.released();
      log(error instanceof DialpaneError ? error.code : 'error', account);
      throw error;
    }
    if (!result.ok) {
      if (result.refusal === 'credentials') attempt.failed();
      else attempt.released();
      log(result.refusal, account);
      throw refusalError(result.refusal);
    }
    attempt.succeeded();
    log('ok', account);
    return this.session(directory.summary.id, account, Math.floor(this.now() / 1000));
  }

  /** A new token for a signed-in person whose account still may sign in. */
  async refresh(user: SignedInUser): Promise<SessionResponse> {
    if (!this.deps.tokens.sessionOpen(user)) throw unauthenticated('Your session has ended.');
    const directory = this.byId.get(user.directoryId);
    if (directory === undefined) throw unauthenticated('Your directory no longer takes sign-ins.');
    const account = await directory.accounts.byId(user.id);
    if (account === undefined || account.disabled) {
      this.deps.logger.info({ event: 'refresh', outcome: account === undefined ? 'gone' : 'disabled', directory: user.directoryId, account: user.attributes.account ?? user.id }, 'session ended: the account can no longer sign in');
      throw unauthenticated('Your account can no longer sign in.');
    }
    return this.session(user.directoryId, account, user.authTime);
  }

  signOut(tokenId: string, expiresAt: number): void {
    this.deps.tokens.revoke(tokenId, expiresAt);
  }

  private async session(directoryId: string, account: Account, authTime: number): Promise<SessionResponse> {
    const user: SignedInUser = { directoryId, id: account.id, displayName: account.displayName, attributes: account.attributes, authTime };
    const { token, expiresAt } = await this.deps.tokens.issue(user);
    return {
      token,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      user: {
        directoryId,
        displayName: account.displayName,
        ...(account.attributes.account === undefined ? {} : { account: account.attributes.account }),
        ...(account.attributes.mail === undefined ? {} : { mail: account.attributes.mail }),
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.deps.directories.map((d) => d.accounts.close()));
  }
}
