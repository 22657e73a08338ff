/**
 * Property-based (fast-check) against the real Samba AD DC, with a recorder between the service and
 * the DC that decodes every LDAP request the service sends. Hostile search text, person ids and
 * sign-in names never get a 500, and the filters ON THE WIRE carry them only as assertion values:
 * nothing typed adds a component, an operator or an attribute. A sign-in binds at most once, and
 * only as an account the service-account lookup found.
 */
import fc from 'fast-check';
import request from 'supertest';
import { parseIdentity } from '../../server/auth/identity';
import { parseQuery } from '../../server/directory/query';
import { AUTH_ACCOUNTS, authAccountDn } from '../fixtures/samba-auth-fixture';
import { SAMBA_SERVICE_ACCOUNT } from '../fixtures/samba-fixture';
import { testServers } from '../servers/env';
import { startLdapRecorder, type LdapRecorder, type Sent } from '../servers/ldap-recorder';
import { leaves, shape } from '../support/filter-shape';
import { hostileText } from '../support/hostile';
import { bearer, openSignInApp, sambaSignInConfig, signedIn, signInRequest, type SignedInApp } from './auth-helpers';

jest.setTimeout(180_000);

/** The values of the people filter itself: (objectCategory=person)(objectClass=user)(!(userAccountControl…=2)). */
const PEOPLE_FILTER_VALUES = ['person', 'user', '2'];
const PEOPLE = '(&(objectcategory=_)(objectclass=_)(!(useraccountcontrol:1.2.840.113556.1.4.803:=_)))';
const SIGN_IN_POPULATION = '(&(objectcategory=_)(objectclass=_))';

let recorder: LdapRecorder;
let t: SignedInApp;
let token: string;

beforeAll(async () => {
  recorder = await startLdapRecorder(testServers().samba.host, 389);
  t = openSignInApp(sambaSignInConfig({ directory: { url: `ldap://127.0.0.1:${recorder.port}` }, auth: { limits: { accountFailures: 50, addressFailures: 1000 } } }));
  token = (await signedIn(t.app, AUTH_ACCOUNTS.fuzz.account)).token;
});
afterAll(async () => {
  await t?.close();
  await recorder?.close();
});

const searches = (sent: Sent[]) => sent.filter((s): s is Extract<Sent, { op: 'search' }> => s.op === 'search');
const userBinds = (sent: Sent[]) => sent.filter((s) => s.op === 'bind' && s.name !== SAMBA_SERVICE_ACCOUNT.upn);

describe('hostile input against Samba AD, as the DC receives it', () => {
  it('search text: never a 500; on the wire it is only ever the values of the search filter', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (q) => {
        recorder.take();
        const res = await request(t.app).get(`/api/directories/samba/people?q=${encodeURIComponent(q)}`).set(bearer(token));
        expect([200, 400]).toContain(res.status);
        const sent = searches(recorder.take());
        if (res.status === 400) {
          expect(sent).toEqual([]);
          return;
        }
        const query = parseQuery(q);
        const allowed = new Set([query.text, ...query.words, ...query.words.map((w) => ` ${w}`), ...[...(query.digits ?? '')], ...PEOPLE_FILTER_VALUES]);
        expect(sent).toHaveLength(1);
        for (const s of sent) {
          expect(shape(s.filter).startsWith(`(&${PEOPLE}(|`)).toBe(true);
          expect(leaves(s.filter).map((l) => l.value).filter((v) => !allowed.has(v))).toEqual([]);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('person ids: never a 500; the lookup is an equality on objectGUID, whatever the id', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (id) => {
        recorder.take();
        const res = await request(t.app).get(`/api/directories/samba/people/${encodeURIComponent(id)}`).set(bearer(token));
        expect([200, 404]).toContain(res.status);
        // "", "." and ".." resolve to the list itself (Show All) or no route: the people filter alone, or nothing.
        for (const s of searches(recorder.take())) expect([`(&${PEOPLE}(objectguid=_))`, PEOPLE]).toContain(shape(s.filter));
      }),
      { numRuns: 200 },
    );
  });

  it('sign-in names: never a 500; the lookup carries the name only as equality values; no bind unless an account was found, then exactly one as its DN', async () => {
    const fuzzNames = ['fuzz-auth', 'fuzz-auth@monkey.com', 'MONKEY\\fuzz-auth', authAccountDn(AUTH_ACCOUNTS.fuzz)];
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, fc.constantFrom(...fuzzNames)), hostileText.filter((p) => p.trim() !== ''), async (username, password) => {
        // The per-account limit is not under test here: each attempt starts a fresh window.
        t.clock.advance(16 * 60_000);
        recorder.take();
        const res = await signInRequest(t.app, username, password);
        // The body rides along so that a failure says which error it was, not only its status.
        expect({ status: [400, 401].includes(res.status) ? 'refused' : res.status, body: res.status >= 500 ? res.body : 'ok' }).toEqual({ status: 'refused', body: 'ok' });
        const sent = recorder.take();
        const identity = parseIdentity(username);
        for (const s of searches(sent)) {
          if (identity?.form === 'dn') continue; // a base search at the typed DN, filter fixed
          expect(shape(s.filter).startsWith(`(&${SIGN_IN_POPULATION}`)).toBe(true);
          const parts = identity === undefined ? [] : identity.form === 'upn' ? [identity.upn, identity.local] : [identity.account];
          expect(leaves(s.filter).map((l) => l.value).filter((v) => !['person', 'user', ...parts].includes(v))).toEqual([]);
        }
        const binds = userBinds(sent);
        if (res.status === 400) expect(sent).toEqual([]);
        else if (fuzzNames.includes(username)) expect(binds).toEqual([{ op: 'bind', name: authAccountDn(AUTH_ACCOUNTS.fuzz) }]);
        else expect(binds).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
