/**
 * The LDAP filters of signing in, as ldapts filter objects (never string concatenation): what
 * the person typed only ever becomes an equality assertion value, sent as raw bytes.
 *
 * Who may sign in: the directory's people (objectCategory person + objectClass user on AD,
 * inetOrgPerson elsewhere, plus the configured filter) WITHOUT the disabled-account clause the
 * people search has — a disabled account must reach the bind, so the person hears "account
 * disabled" from the directory instead of "wrong user name or password".
 */
import { AndFilter, EqualityFilter, type Filter, OrFilter } from 'ldapts';
import type { AttributeMap } from '../directory/attributes';
import { type LdapKind, parseConfiguredFilter } from '../directory/ldap/filters';
import { dnsDomainOf, type Identity } from './identity';

export function signInPopulation(kind: LdapKind, configured?: string): Filter {
  const base: Filter[] =
    kind === 'ad'
      ? [new EqualityFilter({ attribute: 'objectCategory', value: 'person' }), new EqualityFilter({ attribute: 'objectClass', value: 'user' })]
      : [new EqualityFilter({ attribute: 'objectClass', value: 'inetOrgPerson' })];
  if (configured !== undefined) base.push(parseConfiguredFilter(configured));
  return new AndFilter({ filters: base });
}

const equals = (attribute: string, value: string): Filter => new EqualityFilter({ attribute, value });

/**
 * The filter finding the account of a typed name (all but the DN form, which is a base search):
 * - AD: UPN → userPrincipalName, or the account name when the domain is the search base's own
 *   (an account without a userPrincipalName still signs in as name@its-domain, as in Windows);
 *   DOMAIN\user and bare names → sAMAccountName.
 * - Other LDAP servers: user@domain → mail; DOMAIN\user and bare names → the account attribute (uid).
 */
export function identityFilter(identity: Exclude<Identity, { form: 'dn' }>, kind: LdapKind, map: AttributeMap, searchBase: string): Filter {
  if (identity.form === 'upn') {
    if (kind !== 'ad') return equals(map.mail, identity.upn);
    const upn = equals('userPrincipalName', identity.upn);
    return identity.domain.toLowerCase() === dnsDomainOf(searchBase) ? new OrFilter({ filters: [upn, equals(map.accountName, identity.local)] }) : upn;
  }
  return equals(map.accountName, identity.account);
}
