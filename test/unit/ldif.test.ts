import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../server/config/load';
import { runDoctor } from '../../server/diagnosis/doctor';
import { createDirectories } from '../../server/directory/create-directories';
import { parseLdif, LdifSyntaxError } from '../../server/directory/ldif';

describe('LDIF reader', () => {
  it('reads plain, base64 and folded values, and keeps binary attributes as bytes', () => {
    const [entry] = parseLdif(
      [
        'version: 1',
        '# a comment',
        'dn: CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com',
        'cn:: SsO8cmdlbiBNw7xsbGVy',
        'description: a long line that',
        '  continues here',
        'objectGUID:: AAECAwQFBgcICQoLDA0ODw==',
        'telephoneNumber: +1 408 555 0100',
        'telephoneNumber: +1 408 555 0101',
      ].join('\n'),
    );
    expect(entry?.dn).toBe('CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com');
    expect(entry?.first('CN')).toBe('Jürgen Müller');
    expect(entry?.first('description')).toBe('a long line that continues here');
    expect(entry?.all('objectguid')[0]).toEqual(Buffer.from([...Array(16).keys()]));
    expect(entry?.strings('telephoneNumber')).toEqual(['+1 408 555 0100', '+1 408 555 0101']);
  });

  it('separates entries by blank lines', () => {
    expect(parseLdif('dn: cn=a\ncn: a\n\ndn: cn=b\ncn: b\n').map((e) => e.dn)).toEqual(['cn=a', 'cn=b']);
  });

  it('when a line is not attribute: value, then the file and line are named', () => {
    expect(() => parseLdif('dn: cn=a\nthis is wrong\n', 'demo.ldif')).toThrow(new LdifSyntaxError('demo.ldif', 2, 'expected "attribute: value", found "this is wrong"'));
  });

  describe('an ldif directory at start', () => {
    const start = (file: string): string[] => {
      try {
        createDirectories(parseConfig({ directories: [{ id: 'try', displayName: 'Try', kind: 'ldif', file }] }, {}, '/tmp'));
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      throw new Error('the directory was created');
    };

    it('when the file is not LDIF, then start is refused with its key, file and line, not a stack trace', () => {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dialpane-ldif-')), 'people.yaml');
      writeFileSync(file, 'directories:\n  - id: corp\n');
      expect(start(file)).toEqual([`directories[0].file: ${file}:1: an attribute comes before any "dn:" line: point file at an LDIF export (RFC 2849) or fix that line`]);
    });

    it('when dialpane doctor meets a file that is not LDIF, then it is a configuration error: exit 2, one line', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-ldif-'));
      writeFileSync(path.join(dir, 'people.ldif'), 'not ldif\n');
      writeFileSync(path.join(dir, 'dialpane.yaml'), 'directories:\n  - { id: try, displayName: Try, kind: ldif, file: people.ldif }\n');
      let err = '';
      const code = await runDoctor(['--config', path.join(dir, 'dialpane.yaml')], { out: () => undefined, err: (t) => (err += t), env: {} });
      expect({ code, err }).toEqual({
        code: 2,
        err: `dialpane doctor: Invalid configuration:\n  - directories[0].file: ${path.join(dir, 'people.ldif')}:1: expected "attribute: value", found "not ldif": point file at an LDIF export (RFC 2849) or fix that line\n`,
      });
    });

    it('when the file is a folder, then start is refused with its key', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-ldif-'));
      expect(start(dir)).toEqual([`directories[0].file: ${dir} is a folder, not a file: point file at an LDIF file this service can read`]);
    });
  });
});
