/**
 * Changes to the test directories, made the way an administrator makes them (as slapd's rootdn,
 * as Samba's Administrator), for the tests of the index's sync. Each test works in an OU of its
 * own (`sandbox`), outside the search bases other test files count, and removes it at the end,
 * so test files running at the same time never see each other's people.
 */
import { Attribute, Change, Client, Control } from 'ldapts';
import { SAMBA_ADMIN_PASSWORD, SAMBA_BASE_DN, SAMBA_REALM } from '../fixtures/samba-fixture';
import { SLAPD_ROOT, SLAPD_SUFFIX } from '../fixtures/slapd-fixture';
import { testServers } from './env';

/** OpenLDAP's Relax Rules control: lets the rootdn write operational attributes such as modifyTimestamp. */
const RELAX_RULES = '1.3.6.1.4.1.4203.666.5.12';
/** userAccountControl: normal account without a password (enabled), and the same disabled. */
export const UAC_ENABLED = '544';
export const UAC_DISABLED = '546';

export interface SandboxPerson {
  /** Unique within the run: the RDN value and the account name. */
  account: string;
  givenName: string;
  surname: string;
  title?: string;
  telephoneNumber?: string;
}

export interface Sandbox {
  /** The OU to use as the search base. */
  dn: string;
  add(person: SandboxPerson): Promise<string>;
  /** Replaces one attribute's values. */
  modify(account: string, attribute: string, value: string): Promise<void>;
  remove(account: string): Promise<void>;
  /** Removes every entry added and the OU. */
  close(): Promise<void>;
}

interface Flavor {
  url: string;
  bind: [string, string];
  ouDn: (name: string) => string;
  ouEntry: (name: string) => Record<string, string | string[]>;
  personDn: (ou: string, p: SandboxPerson) => string;
  personEntry: (p: SandboxPerson) => Record<string, string | string[]>;
}

const fullName = (p: SandboxPerson): string => `${p.givenName} ${p.surname}`;
const optional = (p: SandboxPerson): Record<string, string> => ({ ...(p.title ? { title: p.title } : {}), ...(p.telephoneNumber ? { telephoneNumber: p.telephoneNumber } : {}) });

const SLAPD: () => Flavor = () => ({
  url: testServers().slapd.url,
  bind: [SLAPD_ROOT.dn, SLAPD_ROOT.password],
  ouDn: (name) => `ou=${name},${SLAPD_SUFFIX}`,
  ouEntry: (name) => ({ objectClass: 'organizationalUnit', ou: name }),
  personDn: (ou, p) => `uid=${p.account},${ou}`,
  personEntry: (p) => ({ objectClass: 'inetOrgPerson', uid: p.account, cn: fullName(p), displayName: fullName(p), givenName: p.givenName, sn: p.surname, mail: `${p.account}@monkey.com`, ...optional(p) }),
});

const SAMBA: () => Flavor = () => ({
  url: testServers().samba.url,
  bind: [`Administrator@${SAMBA_REALM.toLowerCase()}`, SAMBA_ADMIN_PASSWORD],
  ouDn: (name) => `OU=${name},${SAMBA_BASE_DN}`,
  ouEntry: () => ({ objectClass: 'organizationalUnit' }),
  personDn: (ou, p) => `CN=${fullName(p)},${ou}`,
  personEntry: (p) => ({
    objectClass: 'user',
    sAMAccountName: p.account,
    userPrincipalName: `${p.account}@monkey.com`,
    givenName: p.givenName,
    sn: p.surname,
    displayName: fullName(p),
    mail: `${p.account}@monkey.com`,
    userAccountControl: UAC_ENABLED,
    ...optional(p),
  }),
});

async function openSandbox(flavor: Flavor, name: string): Promise<Sandbox & { client: Client; track(account: string, dn: string): void }> {
  const client = new Client({ url: flavor.url, timeout: 30_000 });
  await client.bind(...flavor.bind);
  const ou = flavor.ouDn(name);
  await client.add(ou, flavor.ouEntry(name));
  const added = new Map<string, string>();
  const dnOf = (account: string): string => {
    const dn = added.get(account);
    if (dn === undefined) throw new Error(`sandbox: nobody added as ${account}`);
    return dn;
  };
  return {
    client,
    dn: ou,
    track: (account, dn) => added.set(account, dn),
    add: async (p) => {
      const dn = flavor.personDn(ou, p);
      await client.add(dn, flavor.personEntry(p));
      added.set(p.account, dn);
      return dn;
    },
    modify: async (account, attribute, value) => {
      await client.modify(dnOf(account), new Change({ operation: 'replace', modification: new Attribute({ type: attribute, values: [value] }) }));
    },
    remove: async (account) => {
      await client.del(dnOf(account));
      added.delete(account);
    },
    close: async () => {
      try {
        for (const dn of added.values()) await client.del(dn).catch(() => undefined);
        await client.del(ou);
      } finally {
        await client.unbind().catch(() => undefined);
      }
    },
  };
}

/** A sandbox OU on slapd; `addLate` adds a person whose change stamps lie in the past. */
export async function slapdSandbox(name: string): Promise<Sandbox & { addLate(person: SandboxPerson, stamp: string): Promise<void> }> {
  const flavor = SLAPD();
  const sandbox = await openSandbox(flavor, name);
  return {
    ...sandbox,
    // As a change made on another server and replicated here late: it keeps its old
    // modifyTimestamp (GeneralizedTime, e.g. 20000101000000Z), so no change search after it sees it.
    addLate: async (p, stamp) => {
      const dn = flavor.personDn(sandbox.dn, p);
      await sandbox.client.add(dn, { ...flavor.personEntry(p), modifyTimestamp: stamp, createTimestamp: stamp }, new Control(RELAX_RULES, { critical: true }));
      sandbox.track(p.account, dn);
    },
  };
}

/** A sandbox OU on Samba AD; its people are enabled user accounts without a password. */
export async function sambaSandbox(name: string): Promise<Sandbox> {
  return openSandbox(SAMBA(), name);
}
