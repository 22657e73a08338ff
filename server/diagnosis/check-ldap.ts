/**
 * The directory check of an LDAP directory or AD domain: five steps in order, each ok or failed
 * with the cause in plain words and the fix, stopping at the first failure (the later steps are
 * reported as skipped). It uses a connection of its own, never the service's shared one, and the
 * same connector, TLS options and error wording as the service, so its verdict is the service's.
 *
 * With several servers (`urls`), every one is probed for reach; the first that answers is checked
 * further, and the others are named in the reach step's detail (the service fails over past them).
 */
import type { Client } from 'ldapts';
import { CHECK_STEPS, type CheckStep, type DirectoryCheck } from '../../src/shared/api';
import type { LdapDirectoryConfig } from '../config/schema';
import type { LdapConnector } from '../directory/ldap/connection';
import { redact } from '../directory/ldap/errors';
import { peopleFilter } from '../directory/ldap/filters';
import { DialpaneError } from '../errors';
import { checkCertificate } from './certificate';
import { checkPeople } from './people';
import { probeReach, reachDetail, type Reach } from './reach';
import { checkSearchBase } from './search-base';
import { failedWith, NOT_RUN, ok, skipped } from './steps';

function reachStep(results: readonly Reach[]): { step: CheckStep; usable?: Extract<Reach, { ok: true }> } {
  const usable = results.find((r): r is Extract<Reach, { ok: true }> => r.ok);
  const down = results.filter((r): r is Extract<Reach, { ok: false }> => !r.ok);
  if (usable === undefined) {
    const [first] = down;
    if (first === undefined) throw new Error('no server to check');
    if (down.length === 1) return { step: failedWith('reach', first.error) };
    const step = failedWith('reach', first.error);
    step.cause = `None of the ${down.length} servers answered. ${down.map((d) => d.error.message).join(' ')}`;
    return { step };
  }
  const others = down.map((d) => `${d.endpoint.server} (${d.error.message.replace(/\.$/, '')})`);
  const note = others.length === 0 ? '' : ` Not answering, skipped by failover: ${others.join('; ')}.`;
  return { step: ok('reach', `${reachDetail(usable)}${note}`), usable };
}

function result(config: LdapDirectoryConfig, steps: CheckStep[], password: string, people?: number): DirectoryCheck {
  const done = new Set(steps.map((s) => s.id));
  const all = [...steps, ...CHECK_STEPS.filter((id) => !done.has(id)).map((id) => skipped(id, NOT_RUN))];
  const check: DirectoryCheck = {
    directoryId: config.id,
    displayName: config.displayName,
    servers: config.urls ?? (config.url === undefined ? [] : [config.url]),
    ok: all.every((s) => s.status !== 'failed'),
    steps: all,
  };
  if (people !== undefined) check.people = people;
  // The password never reaches an answer, a log or a terminal, whatever a server echoed.
  return JSON.parse(redact(JSON.stringify(check), password)) as DirectoryCheck;
}

export async function checkLdapDirectory(config: LdapDirectoryConfig, password: string, connector: LdapConnector): Promise<DirectoryCheck> {
  const steps: CheckStep[] = [];
  const reach = reachStep(await Promise.all(connector.endpoints.map((e) => probeReach(connector.contextOf(e), config.timeouts.connectMs))));
  steps.push(reach.step);
  if (!reach.usable) return result(config, steps, password);
  const endpoint = reach.usable.endpoint;
  const context = connector.contextOf(endpoint);

  if (endpoint.scheme === 'ldaps' || config.startTls) {
    const tls = await checkCertificate(config, context, config.timeouts.connectMs + config.timeouts.requestMs);
    steps.push(tls);
    if (tls.status === 'failed') return result(config, steps, password);
  } else {
    steps.push(skipped('tls', 'Not used: ldap:// without startTls. The password travels unencrypted unless the network is trusted; use ldaps:// or startTls: true.'));
  }

  let client: Client;
  try {
    client = await connector.openAt(endpoint, config.timeouts.requestMs);
  } catch (error) {
    if (!(error instanceof DialpaneError)) throw error;
    steps.push(failedWith('bind', error));
    return result(config, steps, password);
  }
  try {
    steps.push(ok('bind', `Signed in as "${config.bindUser}" on ${endpoint.server}.`));
    const base = await checkSearchBase(client, config, context);
    steps.push(base);
    if (base.status === 'failed') return result(config, steps, password);
    const people = await checkPeople(client, config, peopleFilter(config.kind, config.filter), context);
    steps.push(people.step);
    return result(config, steps, password, people.count);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
