/**
 * Writes data/demo.ldif: about 200 fictional people of monkey.com with the messy phone formats
 * real directories hold. Deterministic (seeded), so the file only changes when this script does.
 * Run: npx tsx scripts/generate-demo-ldif.ts
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

let seed = 20261203;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const GIVEN = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia', 'Tim', 'Sophie', 'Hedy', 'Katherine', 'Donald', 'Niklaus', 'Shafi', 'Leslie', 'Anita', 'Vint', 'Karen', 'Bjarne', 'Lynn', 'Guido', 'Ivan', 'Joan', 'Yukihiro', 'Mary', 'Jean'];
const SURNAMES = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee', 'Wilson', 'Lamarr', 'Johnson', 'Knuth', 'Wirth', 'Goldwasser', 'Lamport', 'Borg', 'Cerf', 'Jones', 'Stroustrup', 'Conway', 'van Rossum', 'Sutherland', 'Clarke', 'Matsumoto', 'Kenyon', 'Bartik'];
const DEPARTMENTS: Record<string, string[]> = {
  Sales: ['Account Executive', 'Sales Manager', 'Sales Engineer'],
  Engineering: ['Software Engineer', 'Engineering Manager', 'Site Reliability Engineer', 'QA Engineer'],
  Support: ['Support Specialist', 'Support Lead'],
  Finance: ['Accountant', 'Controller'],
  'Human Resources': ['HR Partner', 'Recruiter'],
  Marketing: ['Marketing Manager', 'Content Writer'],
  Facilities: ['Receptionist', 'Facilities Coordinator'],
};
const OFFICES = ['San Jose HQ', 'London', 'Ljubljana', 'Remote'];

function messyUsNumber(line: number): string {
  const digits = String(line).padStart(4, '0');
  return pick([`+1 (408) 555-${digits}`, `408.555.${digits}`, `(408) 555-${digits}`, `+1 408 555 ${digits}`, `4085550${digits.slice(1)}`.slice(0, 10), `001 408 555 ${digits}`, `+1 (408) 555-${digits} x${100 + (line % 900)}`]);
}
function mobileFor(office: string, n: number): string {
  const tail = String(1000 + n).slice(-4);
  if (office === 'London') return pick([`+44 (0)7700 900${tail.slice(1)}`, `07700 900${tail.slice(1)}`.replace(/^0/, '+44 ')]);
  if (office === 'Ljubljana') return `+386 41 555 ${tail.slice(1)}`;
  return pick([`+1 (669) 555-${tail}`, `669-555-${tail}`]);
}

interface Person {
  cn: string;
  given: string;
  sn: string;
  account: string;
  attrs: Array<[string, string]>;
  disabled?: boolean;
}

const people: Person[] = [];
const used = new Set<string>();
function add(given: string, sn: string, extra: Array<[string, string]> = [], options: { cn?: string; disabled?: boolean } = {}): void {
  const base = `${given[0]}${sn}`.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  let account = base;
  for (let i = 2; used.has(account); i++) account = `${base}${i}`;
  used.add(account);
  people.push({ cn: options.cn ?? `${given} ${sn}`, given, sn, account, attrs: extra, disabled: options.disabled });
}

// Named people the tests and the README refer to.
add('Jane', 'Doe', [['title', 'Chief Executive Officer'], ['department', 'Executive'], ['telephoneNumber', '+1 (408) 555-0100'], ['mobile', '+1 (669) 555-0100'], ['ipPhone', '4100'], ['proxyAddresses', 'SMTP:jdoe@monkey.com'], ['proxyAddresses', 'smtp:jane.doe@monkey.com']], { cn: 'Doe, Jane' });
add('Jürgen', 'Müller', [['title', 'Sales Manager'], ['department', 'Sales'], ['telephoneNumber', '+49 (0) 30 1234567'], ['mobile', '0049 171 5550100']]);
add('José', 'García', [['title', 'Support Lead'], ['department', 'Support'], ['telephoneNumber', '+34 91 555 0100']]);
add('Chris', 'Jones', [['title', 'Account Executive'], ['department', 'Sales'], ['telephoneNumber', '+44 (0)20 7946 0000']], { cn: 'Chris (CJ) Jones' });
add('Mateja', 'Novak', [['title', 'Software Engineer'], ['department', 'Engineering'], ['telephoneNumber', '+386 1 555 0100'], ['homePhone', 'n/a']]);
add('Front', 'Desk', [['title', 'Receptionist'], ['department', 'Facilities'], ['telephoneNumber', 'see reception'], ['ipPhone', '4000']]);
add('Former', 'Employee', [['title', 'Left the company'], ['department', 'Sales'], ['telephoneNumber', '+1 408 555 0999']], { disabled: true });

let line = 101;
while (people.length < 204) {
  const department = pick(Object.keys(DEPARTMENTS));
  const office = pick(OFFICES);
  const attrs: Array<[string, string]> = [['title', pick(DEPARTMENTS[department] ?? ['Staff'])], ['department', department], ['physicalDeliveryOfficeName', office]];
  line += 1 + Math.floor(random() * 3);
  const r = random();
  if (r < 0.85) attrs.push(['telephoneNumber', office === 'London' ? `+44 (0)20 7946 ${String(line).padStart(4, '0')}` : office === 'Ljubljana' ? `+386 1 555 ${String(line).padStart(4, '0')}` : messyUsNumber(line)]);
  if (random() < 0.6) attrs.push(['mobile', mobileFor(office, line)]);
  if (random() < 0.5) attrs.push(['ipPhone', String(4000 + line)]);
  if (random() < 0.05) attrs.push(['otherTelephone', pick(['ask my assistant', '555-01', '+1 408 555 0100 ext. 7'])]);
  add(pick(GIVEN), pick(SURNAMES), attrs);
}

function value(name: string, text: string): string {
  // LDIF needs base64 for non-ASCII text and for values starting with a space, colon or "<".
  return /^[\x20-\x7e]*$/.test(text) && !/^[ :<]/.test(text) ? `${name}: ${text}` : `${name}:: ${Buffer.from(text, 'utf8').toString('base64')}`;
}
const escapeRdn = (text: string): string => text.replace(/([,+"\\<>;=])/g, '\\$1');
function uuid(account: string): string {
  const h = createHash('sha1').update(`dialpane-demo:${account}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const blocks = people.map((p) =>
  [
    value('dn', `CN=${escapeRdn(p.cn)},CN=Users,DC=monkey,DC=com`),
    'objectClass: top',
    'objectClass: person',
    'objectClass: organizationalPerson',
    'objectClass: user',
    value('cn', p.cn),
    value('displayName', p.cn.includes(',') ? `${p.given} ${p.sn}` : p.cn),
    value('givenName', p.given),
    value('sn', p.sn),
    `sAMAccountName: ${p.account}`,
    `userPrincipalName: ${p.account}@monkey.com`,
    `mail: ${p.account}@monkey.com`,
    'company: Monkey Inc.',
    `entryUUID: ${uuid(p.account)}`,
    `userAccountControl: ${p.disabled ? 514 : 512}`,
    ...p.attrs.map(([n, v]) => value(n, v)),
  ].join('\n'),
);
const out = path.join(__dirname, '..', 'data', 'demo.ldif');
writeFileSync(out, `# Fictional people of monkey.com for the Dialpane demo. Generated by scripts/generate-demo-ldif.ts.\nversion: 1\n\n${blocks.join('\n\n')}\n`);
console.log(`wrote ${people.length} entries to ${out}`);
