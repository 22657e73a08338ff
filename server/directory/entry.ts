/**
 * A directory entry as every backend sees it (attribute names case-insensitive, values as lists),
 * and its mapping to the API's Person.
 */
import { PHONE_KINDS, type Person, type PhoneKind } from '../../src/shared/api';
import type { PhoneNormalizer } from '../phone/normalize';
import { DETAIL_FIELDS, type AttributeMap } from './attributes';
import { firstRdnValue } from './ldap/dn';
import { sipAddresses } from './sip';

export type AttributeValue = string | Buffer;

export class AttributeBag {
  private readonly values = new Map<string, AttributeValue[]>();

  constructor(readonly dn: string) {}

  /** Accepts ldapts's entry shape: `{ dn, attr: value | value[] }`. */
  static fromEntry(entry: { dn: string } & Record<string, unknown>): AttributeBag {
    const bag = new AttributeBag(entry.dn);
    for (const [name, value] of Object.entries(entry)) {
      if (name === 'dn' || value === undefined || value === null) continue;
      const list = Array.isArray(value) ? value : [value];
      for (const item of list) if (typeof item === 'string' || Buffer.isBuffer(item)) bag.add(name, item);
    }
    return bag;
  }

  add(name: string, value: AttributeValue): void {
    const key = name.toLowerCase();
    const list = this.values.get(key);
    if (list) list.push(value);
    else this.values.set(key, [value]);
  }

  all(name: string): AttributeValue[] {
    return this.values.get(name.toLowerCase()) ?? [];
  }

  strings(name: string): string[] {
    return this.all(name).map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
  }

  first(name: string): string | undefined {
    const value = this.strings(name)[0]?.trim();
    return value === '' ? undefined : value;
  }
}

/** objectGUID arrives as 16 bytes: base64url keeps it short and URL-safe. entryUUID is already text. */
export function personIdFrom(value: AttributeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Buffer.isBuffer(value)) return value.length > 0 ? value.toString('base64url') : undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** Inverse of personIdFrom for objectGUID; undefined when the id cannot be a GUID. */
export function guidBytesFromId(id: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return undefined;
  const bytes = Buffer.from(id, 'base64url');
  return bytes.length === 16 ? bytes : undefined;
}


/** A phone as the directory holds it, before normalization. */
export interface RawPhone {
  kind: PhoneKind;
  raw: string;
}

/**
 * A person read from an entry with the phones still raw: everything matching (personMatches) and
 * ordering (byDisplayName) look at. Normalizing the phones is most of the cost of a Person
 * (libphonenumber parses and validates each, ~20 µs), so a search whose filter is wider than its
 * answer sketches every candidate and finishes only the people it answers.
 */
export type PersonSketch = Omit<Person, 'phones'> & { phones: RawPhone[] };

export function sketchPerson(bag: AttributeBag, map: AttributeMap): PersonSketch | undefined {
  const id = personIdFrom(bag.all(map.id)[0]);
  if (id === undefined) return undefined;
  const list: RawPhone[] = [];
  for (const kind of PHONE_KINDS) {
    for (const raw of bag.strings(map[kind])) {
      if (raw.trim() !== '') list.push({ kind, raw: raw.trim() });
    }
  }
  const person: PersonSketch = {
    id,
    displayName: bag.first(map.displayName) ?? bag.first('cn') ?? firstRdnValue(bag.dn),
    phones: list,
  };
  const optional = ['givenName', 'surname', 'title', 'department', 'company', 'office', 'mail', 'accountName'] as const;
  for (const field of optional) {
    const value = bag.first(map[field]);
    if (value !== undefined) person[field] = value;
  }
  const sip = sipAddresses(bag.strings(map.sipAddress), bag.strings(map.proxyAddresses));
  if (sip.length > 0) person.sip = sip;
  return person;
}

/** The Person of a sketch: its phones normalized (dialable or the reason why not). Keys keep their order. */
export function finishPerson(sketch: PersonSketch, phones: PhoneNormalizer): Person {
  return { ...sketch, phones: sketch.phones.map((p) => phones.phone(p.kind, p.raw)) };
}

export function toPerson(bag: AttributeBag, map: AttributeMap, phones: PhoneNormalizer): Person | undefined {
  const sketch = sketchPerson(bag, map);
  return sketch && finishPerson(sketch, phones);
}

/**
 * One collator per comparison kind, made once: `a.localeCompare(b, undefined, options)` builds a
 * collator on every call (about 5 µs each), which dominated sorting a page of results and takes
 * seconds for 100,000 people. Same order: localeCompare is defined as this collator's compare.
 */
const NAME_ORDER = new Intl.Collator(undefined, { sensitivity: 'base' });
const ID_ORDER = new Intl.Collator();

/** Display name (ignoring case and accents), then id: the order of every list the API answers. */
export const byDisplayName = (a: Pick<Person, 'displayName' | 'id'>, b: Pick<Person, 'displayName' | 'id'>): number =>
  NAME_ORDER.compare(a.displayName, b.displayName) || ID_ORDER.compare(a.id, b.id);

/**
 * Every attribute a search must ask for to build a Person; with `details`, also the photo and the
 * manager (asked for only when one person is opened).
 */
export function requestedAttributes(map: AttributeMap, details = false): string[] {
  const fields = (Object.keys(map) as Array<keyof AttributeMap>).filter((field) => details || !(DETAIL_FIELDS as readonly string[]).includes(field));
  return [...new Set([...fields.map((field) => map[field]), 'cn'])];
}
