/**
 * The manifest checks run offline: scripts/validate-manifest.js (npm run validate:manifest) and
 * scripts/manifest-for-host.js, driven as the CLIs people use.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function run(script: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('manifest.xml', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-manifest-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const variant = (name: string, edit: (xml: string) => string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, edit(MANIFEST));
    return file;
  };
  const assets = ['--assets', path.join(ROOT, 'assets')];

  test('when the committed manifest is validated, then every invariant and the bundled schema pass', () => {
    const { status, output } = run('validate-manifest.js');
    expect(output).toContain('XML is well-formed');
    expect(output).toContain('pinnable (SupportsPinning under VersionOverridesV1_1)');
    expect(output).toContain("permission ReadItem: the pane may read the open message's sender and recipients");
    expect(output).toContain('activates on messages read and composed (ItemRead and ItemEdit forms)');
    expect(output).toContain('all https on https://localhost:3000');
    expect(output).toMatch(/\d+ icons exist with their declared sizes/);
    expect(output).toMatch(/converted to the unified manifest and valid against teams\/v[\d.]+\/MicrosoftTeams\.schema\.json/);
    expect(output).not.toContain('FAIL');
    expect(status).toBe(0);
  });

  test('when SupportsPinning is missing, then each unpinnable button is named', () => {
    const file = variant('no-pinning.xml', (xml) => xml.replace(/<SupportsPinning>true<\/SupportsPinning>/g, ''));
    const { status, output } = run('validate-manifest.js', file, ...assets);
    expect(status).toBe(1);
    expect(output).toContain('control "Dialpane.Read.OpenPane" lacks <SupportsPinning>true</SupportsPinning>');
    expect(output).toContain('control "Dialpane.Compose.OpenPane" lacks <SupportsPinning>true</SupportsPinning>');
  });

  test('when the Mailbox requirement set is older than 1.5, then it is refused', () => {
    const file = variant('old-mailbox.xml', (xml) => xml.replace(/MinVersion="1\.5"/g, 'MinVersion="1.3"'));
    const { status, output } = run('validate-manifest.js', file, ...assets);
    expect(status).toBe(1);
    expect(output).toContain('Mailbox requirement set is "1.3"; it must be 1.5 or newer');
  });

  test('when the permission is Restricted, then it is refused: the pane reads the people of the open message', () => {
    const file = variant('restricted.xml', (xml) => xml.replace('<Permissions>ReadItem</Permissions>', '<Permissions>Restricted</Permissions>'));
    const { status, output } = run('validate-manifest.js', file, ...assets);
    expect(status).toBe(1);
    expect(output).toContain('FAIL Permissions: "Restricted" does not let the pane read the people of the open message; use <Permissions>ReadItem</Permissions>');
  });

  test('when the add-in activates only on messages being read, then the missing compose activation and form are named', () => {
    const file = variant('read-only.xml', (xml) => xml.replace('FormType="ReadOrEdit"', 'FormType="Read"').replace(/<Form xsi:type="ItemEdit">[\s\S]*?<\/Form>/, ''));
    const { status, output } = run('validate-manifest.js', file, ...assets);
    expect(status).toBe(1);
    expect(output).toContain('FAIL Rule: the add-in must activate on messages read and composed; add <Rule xsi:type="ItemIs" ItemType="Message" FormType="ReadOrEdit"/>');
    expect(output).toContain('FAIL FormSettings: no <Form xsi:type="ItemEdit">; clients without add-in commands need it');
  });

  test('when a URL is http or on another host, then both problems are reported', () => {
    const file = variant('mixed-hosts.xml', (xml) => xml.replace('https://localhost:3000/assets/icon-80.png', 'http://cdn.example.com/icon-80.png'));
    const { status, output } = run('validate-manifest.js', file, ...assets);
    expect(status).toBe(1);
    expect(output).toContain('http://cdn.example.com/icon-80.png is not https');
    expect(output).toMatch(/URLs point at 2 hosts/);
  });

  test('when an icon file is missing, then its URL and path are named', () => {
    const file = variant('missing-icon.xml', (xml) => xml.replace(/icon-32\.png/g, 'icon-33.png'));
    const { status, output } = run('validate-manifest.js', file, ...assets);
    expect(status).toBe(1);
    expect(output).toMatch(/icon https:\/\/localhost:3000\/assets\/icon-33\.png: .*icon-33\.png does not exist/);
  });

  test('when the XML is not well-formed, then validation stops with that one problem', () => {
    const file = variant('broken.xml', (xml) => xml.replace('</Hosts>', ''));
    const { status, output } = run('validate-manifest.js', file, ...assets);
    expect(status).toBe(1);
    expect(output).toContain('XML: not a well-formed add-in manifest');
    expect(output).toContain('has 1 problem(s)');
  });

  test('when a copy is made for another host, then every URL moves there and the copy validates', () => {
    const out = path.join(dir, 'for-host.xml');
    const { status, output } = run('manifest-for-host.js', 'https://dialpane.example.com/pane', '--out', out);
    expect(output).toContain('validated offline');
    expect(status).toBe(0);
    const copy = readFileSync(out, 'utf8');
    expect(copy).not.toContain('https://localhost');
    expect(copy).toContain('<AppDomain>https://dialpane.example.com</AppDomain>');
    expect(copy).toContain('DefaultValue="https://dialpane.example.com/pane/taskpane.html"');
    expect(copy).toContain('DefaultValue="https://dialpane.example.com/pane/assets/icon-16.png"');
    const again = run('validate-manifest.js', out, ...assets);
    expect(again.status).toBe(0);
  });

  test('when the host is not https, then no copy is written', () => {
    const { status, output } = run('manifest-for-host.js', 'http://dialpane.example.com', '--out', path.join(dir, 'never.xml'));
    expect(status).toBe(2);
    expect(output).toContain('must start with https://');
  });
});
