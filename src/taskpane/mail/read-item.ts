/**
 * Reads the people of the open message from Outlook: in read mode `from` (and `sender` when it
 * differs: sent on behalf), `to` and `cc`; in compose mode `to`, `cc`, `bcc` through getAsync, and
 * `from` through getAsync where Mailbox 1.7 is available. Plain module: no React.
 */
import { LOOKUP_ADDRESS_PATTERN } from '../../shared/api';
import { fromAsync, isRecord, supportsMailbox, type AsyncCallback, type EmailAddressDetailsLike, type OfficeMailHost } from './office-mail';

export const ROLES = ['from', 'sender', 'to', 'cc', 'bcc'] as const;
export type Role = (typeof ROLES)[number];

export interface MessageAddress {
  /** As Outlook gives it. */
  address: string;
  /** Lowercased: the key the lookup answers by. */
  key: string;
  /** The display name the message carries, or the address when it has none. */
  name: string;
  /** Every role the address has in this message, in ROLES order (from, sender, to, cc, bcc). */
  roles: Role[];
  /** False for what cannot be an SMTP address (an X.500 path, an empty address): never looked up. */
  lookup: boolean;
}

export type ItemMode = 'read' | 'compose';

export type ItemKind = { kind: 'none' } | { kind: 'other' } | { kind: 'message'; mode: ItemMode };

const hasGetAsync = (value: unknown): value is { getAsync(callback: AsyncCallback<unknown>): void } => isRecord(value) && typeof value['getAsync'] === 'function';

/** What is open: nothing (a pinned pane without a selection), a message (read or compose), or another kind of item. */
export function itemKind(host: OfficeMailHost, item: unknown): ItemKind {
  if (!isRecord(item)) return { kind: 'none' };
  const message = host.MailboxEnums?.ItemType?.Message ?? 'message';
  if (item['itemType'] !== undefined && item['itemType'] !== message) return { kind: 'other' };
  return { kind: 'message', mode: hasGetAsync(item['to']) ? 'compose' : 'read' };
}

function details(value: unknown): EmailAddressDetailsLike[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter(isRecord).map((d) => ({
    ...(typeof d['displayName'] === 'string' ? { displayName: d['displayName'] } : {}),
    ...(typeof d['emailAddress'] === 'string' ? { emailAddress: d['emailAddress'] } : {}),
  }));
}

/** Merges the role lists into one entry per address (case-insensitively), keeping the first name that is more than the address. */
export function mergeAddresses(byRole: ReadonlyArray<readonly [Role, readonly EmailAddressDetailsLike[]]>): MessageAddress[] {
  const entries = new Map<string, MessageAddress>();
  for (const role of ROLES) {
    for (const [r, list] of byRole) {
      if (r !== role) continue;
      for (const d of list) {
        const address = (d.emailAddress ?? '').trim();
        const name = (d.displayName ?? '').trim();
        if (address === '' && name === '') continue;
        const key = address === '' ? `name:${name.toLowerCase()}` : address.toLowerCase();
        const known = entries.get(key);
        if (known) {
          if (!known.roles.includes(role)) known.roles.push(role);
          if (known.name === known.address && name !== '' && name.toLowerCase() !== key) known.name = name;
          continue;
        }
        entries.set(key, { address, key, name: name || address, roles: [role], lookup: LOOKUP_ADDRESS_PATTERN.test(address) });
      }
    }
  }
  return [...entries.values()];
}

/** The people of a message in read mode: plain properties. `sender` only when it is not `from`. */
export function readModePeople(item: Record<string, unknown>): MessageAddress[] {
  const from = details(item['from']);
  const sender = details(item['sender']).filter((s) => !from.some((f) => (f.emailAddress ?? '').toLowerCase() === (s.emailAddress ?? '').toLowerCase()));
  return mergeAddresses([
    ['from', from],
    ['sender', sender],
    ['to', details(item['to'])],
    ['cc', details(item['cc'])],
  ]);
}

/** The people of a message being written: every field through getAsync, in parallel. */
export async function composeModePeople(host: OfficeMailHost, item: Record<string, unknown>): Promise<MessageAddress[]> {
  const field = async (role: Role, name: string): Promise<readonly [Role, EmailAddressDetailsLike[]]> => {
    const source = item[name];
    if (!hasGetAsync(source)) return [role, []];
    return [role, details(await fromAsync<unknown>((callback) => source.getAsync(callback), host))];
  };
  const fields = [field('to', 'to'), field('cc', 'cc'), field('bcc', 'bcc')];
  // from.getAsync is Mailbox 1.7; older hosts have no way to read the sending account while composing.
  if (supportsMailbox(host, '1.7')) fields.unshift(field('from', 'from'));
  return mergeAddresses(await Promise.all(fields));
}

export function readPeople(host: OfficeMailHost, item: unknown, mode: ItemMode): Promise<MessageAddress[]> {
  if (!isRecord(item)) return Promise.resolve([]);
  return mode === 'compose' ? composeModePeople(host, item) : Promise.resolve(readModePeople(item));
}
