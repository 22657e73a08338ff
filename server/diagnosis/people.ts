/**
 * Step 5 of the directory check: how many people the service will show — the whole search base
 * counted page by page with the people filter, asking for no attributes. None is a failure: the
 * account cannot read the container, or the filter matches nobody; one look at the container's
 * children tells which is likelier.
 */
import type { Client, Filter } from 'ldapts';
import type { CheckStep } from '../../src/shared/api';
import type { LdapDirectoryConfig } from '../config/schema';
import { toDirectoryError, type ErrorContext } from '../directory/ldap/errors';
import { failed, failedWith, ok } from './steps';

export async function countPeople(client: Client, config: LdapDirectoryConfig, people: Filter): Promise<number> {
  let count = 0;
  const timeLimit = Math.ceil(config.timeouts.requestMs / 1000);
  for await (const page of client.searchPaginated(config.searchBase, { scope: 'sub', filter: people, attributes: ['1.1'], timeLimit, paged: { pageSize: config.pageSize } })) {
    count += page.searchEntries.length;
  }
  return count;
}

export async function checkPeople(client: Client, config: LdapDirectoryConfig, people: Filter, context: ErrorContext): Promise<{ step: CheckStep; count?: number }> {
  const base = config.searchBase;
  try {
    const count = await countPeople(client, config, people);
    if (count > 0) return { step: ok('people', `${count.toLocaleString('en-US')} ${count === 1 ? 'person' : 'people'} found under ${base}.`), count };
    const { searchEntries } = await client.search(base, { scope: 'one', filter: '(objectClass=*)', attributes: ['1.1'], sizeLimit: 1 });
    if (searchEntries.length > 0) {
      return {
        count,
        step: failed(
          'people',
          'FILTER_MATCHES_NOBODY',
          `The account can read ${base}, but no entry there matches the people filter ${people.toString()}: the filter matches nobody, or the account may not read the attributes it tests.`,
          config.filter === undefined
            ? `Check kind (${config.kind}): kind ad looks for enabled users with objectCategory person, kind ldap for inetOrgPerson entries.`
            : `Check filter (${config.filter}), which is ANDed with the people filter of kind ${config.kind}.`,
        ),
      };
    }
    return {
      count,
      step: failed(
        'people',
        'NO_ENTRIES_VISIBLE',
        `The account sees nothing under ${base}: the container is empty, or the account may not read it.`,
        'Set searchBase to the container that holds the people, and check that the bind account may read it (on Active Directory, Authenticated Users may by default).',
      ),
    };
  } catch (error) {
    return { step: failedWith('people', toDirectoryError(error, 'search', context)) };
  }
}
