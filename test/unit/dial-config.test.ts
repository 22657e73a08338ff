import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../server/config/load';
import { createDialers } from '../../server/dial/create-dialers';

const directory = { id: 'demo', displayName: 'Demo', kind: 'ldif', file: '/dev/null' };
const webdialer = { id: 'cucm', displayName: 'Cisco phone', kind: 'webdialer', url: 'https://cucm.example.com:8443', user: 'jdoe', passwordEnv: 'WD_PW' };
const env = { WD_PW: 'wd-secret' };

function problems(input: Record<string, unknown>, environment: NodeJS.ProcessEnv = env): string[] {
  try {
    parseConfig({ directories: [directory], ...input }, environment, '/tmp');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('dialing configuration', () => {
  it('when nothing about dialing is configured, then there are no rules and no dialers', () => {
    const { config } = parseConfig({ directories: [directory] }, {}, '/tmp');
    expect(config.dialRules).toEqual([]);
    expect(config.dialers).toEqual([]);
  });

  it('when dialers are configured, then defaults are filled in and passwords are read, never kept in the configuration', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-dial-config-'));
    writeFileSync(path.join(dir, 'phone.pw'), 'phone-secret\n');
    const loaded = parseConfig(
      {
        directories: [directory],
        dialRules: [{ kind: 'external', outsideLine: '9' }],
        dialers: [
          { id: 'link', displayName: 'Phone app', kind: 'uri' },
          { id: 'soft', displayName: 'Softphone', kind: 'baresip', dialString: 'sip:{number}@pbx.example.test' },
          { id: 'desk', displayName: 'Desk phone', kind: 'http', url: 'http://phone.example.test/servlet?key=number={number}', auth: { scheme: 'digest', user: 'admin', passwordFile: 'phone.pw' } },
          webdialer,
          { id: 'pbx', displayName: 'Asterisk', kind: 'ami', host: 'pbx.example.test', username: 'dialpane', passwordEnv: 'WD_PW', device: '1001' },
        ],
      },
      env,
      dir,
    );
    expect(loaded.config.dialRules).toEqual([{ kind: 'external', match: '+*', outsideLine: '9', sameCountry: 'national', international: 'dialer' }]);
    expect(loaded.config.dialers[0]).toEqual({ id: 'link', displayName: 'Phone app', kind: 'uri', scheme: 'tel', internationalPrefix: '+', applyDialRules: false, allowUserDevice: true });
    expect(loaded.config.dialers[1]).toMatchObject({ host: '127.0.0.1', port: 4444, timeouts: { connectMs: 2000, replyMs: 5000 } });
    expect(loaded.config.dialers[3]).toMatchObject({ path: '/webdialer/services/WebdialerSoapService70', profile: { supportEM: false, locale: 'English', dontAutoClose: true, dontShowCallConf: true } });
    expect(loaded.config.dialers[4]).toMatchObject({ port: 5038, channel: 'PJSIP/{device}', context: 'from-internal', exten: '{number}', priority: 1, originateTimeoutMs: 30000 });
    expect([...loaded.dialerPasswords.entries()]).toEqual([
      ['desk', 'phone-secret'],
      ['cucm', 'wd-secret'],
      ['pbx', 'wd-secret'],
    ]);
    expect(JSON.stringify(loaded.config)).not.toContain('secret');
    expect(createDialers(loaded).map((d) => [d.traits.id, d.traits.kind, d.traits.inPane])).toEqual([
      ['link', 'uri', true],
      ['soft', 'baresip', false],
      ['desk', 'http', false],
      ['cucm', 'webdialer', false],
      ['pbx', 'ami', false],
    ]);
  });

  it.each([
    [{ dialers: [{ ...webdialer, kind: 'skype' }] }, ['dialers[0].kind: must be "uri", "baresip", "http", "webdialer" or "ami"']],
    [{ dialRules: [{ kind: 'speed' }] }, ['dialRules[0].kind: must be "internal" or "external"']],
    [{ dialRules: [{ kind: 'internal', match: '+1 408 555 01xx', dial: '1xxx' }] }, ['dialRules[0].dial: has 3 x but match "+1 408 555 01xx" has 2: use one x in dial for each x in match']],
    [{ dialRules: [{ kind: 'internal', match: '+1 408*', dial: '1' }] }, ['dialRules[0].match: cannot end with * in an internal rule: write one x per digit, e.g. "+1 408 555 01xx"']],
    [{ dialRules: [{ kind: 'external', match: '1 408 555' }] }, ['dialRules[0].match: must be a number pattern such as "+1 408 555 01xx": + and digits, x for any one digit, * at the end for any further digits']],
    [{ dialRules: [{ kind: 'external', outsideLine: 'nine' }] }, ['dialRules[0].outsideLine: must be digits, e.g. "9", or "" for none']],
    [{ dialRules: [{ kind: 'external', international: '+' }], dialers: [{ ...webdialer, internationalPrefix: '011' }] }, ['dialRules[0].international: "+" cannot be sent through dialer "cucm", which takes "011": use international: dialer, or set applyDialRules: false on that dialer']],
    [{ dialRules: [{ kind: 'internal', match: '+1 408 555 01xx', dial: '01xx', directories: ['corp'] }] }, ['dialRules[0].directories[0]: "corp" is not a configured directory id; use one of demo']],
    [{ dialers: [webdialer, webdialer] }, ['dialers[1].id: "cucm" is used twice; every dialer needs its own id']],
    [{ dialers: [{ ...webdialer, passwordEnv: undefined }] }, ['dialers[0].passwordEnv: needs exactly one of passwordEnv or passwordFile: set passwordEnv: NAME and export NAME, or passwordFile: /path/to/file']],
    [{ dialers: [{ ...webdialer, password: 'inline' }] }, ['dialers[0]: unknown key "password": remove it or check the spelling against the configuration reference in the README']],
    [{ dialers: [{ ...webdialer, url: 'https://cucm.example.com:8443/webdialer' }] }, ['dialers[0].url: must be scheme, host and port only, e.g. https://cucm.example.com:8443']],
    [{ dialers: [{ id: 'sip', displayName: 'SIP link', kind: 'uri', scheme: 'sip' }] }, ['dialers[0].sipDomain: is required for sip and sips links: set sipDomain: pbx.example.com']],
    [{ dialers: [{ id: 'desk', displayName: 'Desk', kind: 'http', url: 'http://phone/dial' }] }, ['dialers[0].url: must contain {number} (or body must)']],
    [{ dialers: [{ id: 'desk', displayName: 'Desk', kind: 'http', url: 'http://phone/dial?n={numbr}' }] }, ['dialers[0].url: may only use the placeholders {number}, {device} and {line}', 'dialers[0].url: must contain {number} (or body must)']],
    [{ dialers: [{ id: 'soft', displayName: 'Soft', kind: 'baresip', internationalPrefix: '+00' }] }, ['dialers[0].internationalPrefix: must be "+" or an access code such as "00" or "011"']],
  ])('when the configuration is %j, then it is refused with one line per problem', (input, expected) => {
    expect(problems(input as Record<string, unknown>)).toEqual(expected);
  });

  it('when a dialer password environment variable is not set, then the fix is named and the value never appears', () => {
    expect(problems({ dialers: [webdialer] }, {})).toEqual(['dialers[0].passwordEnv: environment variable WD_PW is not set or empty: export WD_PW=<password> before starting']);
  });

  it('when an action URL password file is missing, then its path is named', () => {
    const dialers = [{ id: 'desk', displayName: 'Desk', kind: 'http', url: 'http://phone/dial?n={number}', auth: { scheme: 'basic', user: 'admin', passwordFile: 'nope.pw' } }];
    expect(problems({ dialers })).toEqual(['dialers[0].auth.passwordFile: /tmp/nope.pw does not exist: create it with the password, readable only by this service']);
  });

  it('when a CA file is missing, then its path is named', () => {
    expect(problems({ dialers: [{ ...webdialer, tls: { caFile: 'cucm-ca.pem' } }] })).toEqual([
      'dialers[0].tls.caFile: /tmp/cucm-ca.pem does not exist: give the PEM file of the CA that signed the server certificate',
    ]);
  });
});
