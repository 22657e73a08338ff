/**
 * A generated LDIF directory of thousands of people, for Show All in the browser without a
 * directory server: the same LdifDirectory the embedded demo uses, just bigger.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const GIVEN = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jordan', 'Kendall', 'Logan', 'Morgan', 'Parker', 'Quinn', 'Reese', 'Riley', 'Rowan', 'Sawyer', 'Skyler', 'Taylor', 'Tatum'];
const SURNAMES = ['Abbott', 'Barnes', 'Chen', 'Dalton', 'Ellis', 'Fischer', 'Graves', 'Hughes', 'Ibarra', 'Jensen', 'Keller', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Sato', 'Varga'];
const DEPARTMENTS = ['Sales', 'Engineering', 'Support', 'Finance', 'Marketing'];

const uuid = (seed: string): string => {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Writes `count` enabled people (and one disabled account, which must never show) to `file`. */
export function writeBigLdif(file: string, count: number): void {
  const blocks: string[] = ['version: 1'];
  const person = (i: number, disabled: boolean): string => {
    const given = GIVEN[i % GIVEN.length] as string;
    const surname = `${SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length] as string}${i >= GIVEN.length * SURNAMES.length ? ` ${Math.floor(i / (GIVEN.length * SURNAMES.length)) + 1}` : ''}`;
    const account = `big${String(i).padStart(5, '0')}`;
    return [
      `dn: CN=${given} ${surname} ${i},OU=Big,DC=monkey,DC=com`,
      'objectClass: top',
      'objectClass: person',
      'objectClass: organizationalPerson',
      'objectClass: user',
      `displayName: ${given} ${surname}`,
      `givenName: ${given}`,
      `sn: ${surname}`,
      `sAMAccountName: ${account}`,
      `mail: ${account}@monkey.com`,
      `title: ${disabled ? 'Former Employee' : 'Specialist'}`,
      `department: ${DEPARTMENTS[i % DEPARTMENTS.length] as string}`,
      'company: Monkey Inc.',
      `entryUUID: ${uuid(account)}`,
      `userAccountControl: ${disabled ? 514 : 512}`,
      `telephoneNumber: +1 408 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
    ].join('\n');
  };
  for (let i = 0; i < count; i++) blocks.push(person(i, false));
  blocks.push(person(count, true));
  writeFileSync(file, `${blocks.join('\n\n')}\n`);
}
