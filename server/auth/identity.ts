/**
 * What a person types as their user name, in the four forms Active Directory people know:
 * a DN, user@domain (UPN), DOMAIN\user (down-level logon name) or the bare account name.
 * The form only decides how the account is looked up; the bind always uses the DN found.
 */
import { USERNAME_MAX_LENGTH } from '../../src/shared/api';

export type Identity =
  | { form: 'dn'; dn: string }
  | { form: 'upn'; upn: string; local: string; domain: string }
  | { form: 'downlevel'; domain: string; account: string }
  | { form: 'account'; account: string };

/** `CN=…,` / `uid=…,`: an attribute type, "=", and at least one RDN separator. */
const DN = /^[A-Za-z][A-Za-z0-9-]*\s*=.*[^\\],\s*[A-Za-z][A-Za-z0-9-]*\s*=/s;

/** The typed name as an Identity, or undefined when it cannot be any (empty, too long, control characters). */
export function parseIdentity(typed: string): Identity | undefined {
  const text = typed.trim();
  if (text === '' || text.length > USERNAME_MAX_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) return undefined;
  if (DN.test(text)) return { form: 'dn', dn: text };
  const slash = text.indexOf('\\');
  if (slash >= 0) {
    const domain = text.slice(0, slash);
    const account = text.slice(slash + 1);
    if (domain === '' || account === '' || account.includes('\\')) return undefined;
    return { form: 'downlevel', domain, account };
  }
  const at = text.lastIndexOf('@');
  if (at >= 0) {
    const local = text.slice(0, at);
    const domain = text.slice(at + 1);
    if (local === '' || domain === '') return undefined;
    return { form: 'upn', upn: text, local, domain };
  }
  return { form: 'account', account: text };
}

/** The DNS domain a search base names through its DC= parts: `CN=Users,DC=monkey,DC=com` → monkey.com. */
export function dnsDomainOf(dn: string): string | undefined {
  const parts = [...dn.matchAll(/(?:^|,)\s*DC\s*=\s*([^,]+)/gi)].map((m) => (m[1] ?? '').trim().toLowerCase());
  return parts.length > 0 ? parts.join('.') : undefined;
}

/** A DN compared as text: lower case, no spaces around separators (enough for DNs one server returned). */
export function normalizeDn(dn: string): string {
  return dn.replace(/\s*([,=+])\s*/g, '$1').trim().toLowerCase();
}

/** True when `dn` is `base` or lies beneath it. */
export function isUnder(dn: string, base: string): boolean {
  const d = normalizeDn(dn);
  const b = normalizeDn(base);
  return d === b || d.endsWith(`,${b}`);
}
