/**
 * Reading LDAP filters (ldapts objects, built by the service or decoded from the wire) the way the
 * hostile-input tests need: the assertion values a filter carries, and its shape with those values
 * blanked out — so a test can show that what a person typed only ever fills values, never adds
 * or changes operators, attributes or components.
 */
import { AndFilter, EqualityFilter, ExtensibleFilter, type Filter, NotFilter, OrFilter, PresenceFilter, SubstringFilter } from 'ldapts';

export interface Leaf {
  attribute: string;
  /** UTF-8 text of the value (bytes as latin1 hex when not text). */
  value: string;
}

const text = (value: string | Buffer): string => (Buffer.isBuffer(value) ? value.toString('utf8') : value);

/** Every assertion value with its attribute, depth first. */
export function leaves(filter: Filter): Leaf[] {
  if (filter instanceof AndFilter || filter instanceof OrFilter) return filter.filters.flatMap(leaves);
  if (filter instanceof NotFilter) return leaves(filter.filter);
  if (filter instanceof EqualityFilter) return [{ attribute: filter.attribute, value: text(filter.value) }];
  if (filter instanceof SubstringFilter) {
    return [filter.initial, ...filter.any, filter.final].filter((v) => v !== undefined && v !== '').map((value) => ({ attribute: filter.attribute, value }));
  }
  if (filter instanceof ExtensibleFilter) return [{ attribute: filter.matchType, value: filter.value }];
  return [];
}

/** The filter with every value replaced by "_": `(|(displayName=_*)(&(|(givenName=_*)…)))`. */
export function shape(filter: Filter): string {
  if (filter instanceof AndFilter) return `(&${filter.filters.map(shape).join('')})`;
  if (filter instanceof OrFilter) return `(|${filter.filters.map(shape).join('')})`;
  if (filter instanceof NotFilter) return `(!${shape(filter.filter)})`;
  if (filter instanceof EqualityFilter) return `(${filter.attribute.toLowerCase()}=_)`;
  if (filter instanceof PresenceFilter) return `(${filter.attribute.toLowerCase()}=*)`;
  if (filter instanceof ExtensibleFilter) return `(${filter.matchType.toLowerCase()}:${filter.rule}:=_)`;
  if (filter instanceof SubstringFilter) {
    const parts = [filter.initial ? '_' : '', ...filter.any.map(() => '_'), filter.final ? '_' : ''];
    return `(${filter.attribute.toLowerCase()}=${parts.join('*')})`;
  }
  return `(?${filter.constructor.name})`;
}
