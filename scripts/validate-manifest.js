#!/usr/bin/env node
/**
 * Validates an Outlook add-in XML manifest without the network.
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--assets DIR]      (npm run validate:manifest)
 *
 * `office-addin-manifest validate manifest.xml` posts the XML to an online service, so it fails
 * offline. This script instead:
 *   1. checks Dialpane's own invariants on the XML (well-formed, a MailApp, Mailbox requirement set
 *      1.5 or newer, ReadItem permission or more (the pane reads the message's people), activation
 *      and forms for messages read and composed, a task pane button on Message Read and Message Compose, SupportsPinning under
 *      VersionOverridesV1_1, every URL https and on one host, every icon present with the right size);
 *   2. converts the XML to the unified JSON manifest with office-addin-manifest-converter (images are
 *      not downloaded) and validates that JSON against the JSON schema bundled with
 *      office-addin-manifest (its @microsoft/app-manifest dependency), loaded from disk and handed to
 *      the validator, so the schema is never fetched.
 * Exit code 0 when everything passes, 1 when something fails (each problem on its own line).
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const MIN_MAILBOX_VERSION = '1.5';
/** Permission levels that can read the item's sender and recipients (Restricted cannot). */
const READ_PERMISSIONS = ['ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'];

/** Packages reached through the Office tooling we depend on, resolved from where that tooling lives. */
function requireFrom(owner, request) {
  const base = path.dirname(require.resolve(`${owner}/package.json`, { paths: [ROOT] }));
  return require(require.resolve(request, { paths: [base] }));
}

const compareVersions = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
};

/**
 * Well-formedness by a strict SAX parse (sax, which office-addin-manifest reads XML with through
 * xml2js): xmldom alone silently repairs a missing end tag.
 */
function wellFormednessErrors(xml) {
  const xml2jsDir = path.dirname(require.resolve('xml2js/package.json', { paths: [path.dirname(require.resolve('office-addin-manifest/package.json', { paths: [ROOT] }))] }));
  const sax = require(require.resolve('sax', { paths: [xml2jsDir] }));
  const errors = [];
  const parser = sax.parser(true, { xmlns: true });
  parser.onerror = (error) => {
    errors.push(String(error.message).split('\n').join(' ').replace(/\s+/g, ' '));
    parser.error = null; // keep going to the end, but one message is enough to fail
  };
  parser.write(xml).close();
  return errors;
}

/** Width and height of a PNG file, or undefined when the file is not a PNG. */
function pngSize(file) {
  const head = fs.readFileSync(file).subarray(0, 24);
  if (head.length < 24 || head.readUInt32BE(0) !== 0x89504e47 || head.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

const elements = (node, localName) => Array.from(node.getElementsByTagNameNS('*', localName));
const xsiType = (el) => el.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type') || el.getAttribute('xsi:type') || '';
const text = (el) => (el.textContent ?? '').trim();

/**
 * Dialpane's own rules. Returns { problems: string[], passed: string[], urls: string[] }.
 * `assetsDir` is where the icons named by the image URLs live (their URL path after the host's base).
 */
function checkInvariants(xml, { assetsDir = path.join(ROOT, 'assets') } = {}) {
  const problems = [];
  const passed = [];
  const { DOMParser } = requireFrom('office-addin-manifest-converter', '@xmldom/xmldom');
  const parseErrors = [];
  const doc = new DOMParser({
    // xmldom reports some well-formedness faults (an end tag that never comes) only as warnings.
    errorHandler: { warning: (m) => parseErrors.push(m), error: (m) => parseErrors.push(m), fatalError: (m) => parseErrors.push(m) },
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  parseErrors.unshift(...wellFormednessErrors(xml));
  if (parseErrors.length > 0 || !root || root.localName !== 'OfficeApp') {
    const messages = [...new Set(parseErrors.map((m) => String(m).replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0]))];
    const detail = messages.length > 0 ? messages.slice(0, 3).join('; ') : 'the root element is not <OfficeApp>';
    return { problems: [`XML: not a well-formed add-in manifest: ${detail}`], passed, urls: [] };
  }
  passed.push('XML is well-formed');

  if (xsiType(root) !== 'MailApp') problems.push(`OfficeApp: xsi:type is "${xsiType(root)}"; an Outlook add-in is xsi:type="MailApp"`);
  else passed.push('OfficeApp is a MailApp');

  const id = elements(root, 'Id')[0];
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text(id))) problems.push('Id: must be a GUID');
  const version = elements(root, 'Version')[0];
  if (!version || !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text(version))) problems.push(`Version: "${version ? text(version) : ''}" must look like 1.0.0.0`);

  // Requirement sets: the top-level <Set Name="Mailbox" MinVersion> and each VersionOverrides' <bt:Sets DefaultMinVersion>.
  const mailboxSets = elements(root, 'Set').filter((s) => s.getAttribute('Name') === 'Mailbox');
  if (mailboxSets.length === 0) problems.push('Requirements: no Mailbox requirement set; add <Set Name="Mailbox" MinVersion="1.5"/>');
  for (const set of mailboxSets) {
    const own = set.getAttribute('MinVersion') || (set.parentNode && set.parentNode.getAttribute && set.parentNode.getAttribute('DefaultMinVersion')) || '';
    if (!/^\d+(\.\d+)*$/.test(own) || compareVersions(own, MIN_MAILBOX_VERSION) < 0) {
      problems.push(`Requirements: Mailbox requirement set is "${own || 'unset'}"; it must be ${MIN_MAILBOX_VERSION} or newer`);
    }
  }
  if (mailboxSets.length > 0 && !problems.some((p) => p.startsWith('Requirements'))) passed.push(`Mailbox requirement set >= ${MIN_MAILBOX_VERSION} (${mailboxSets.length} places)`);

  // Permission: the pane reads the people of the open message (from/to/cc, getAsync while composing).
  const permission = elements(root, 'Permissions')[0];
  const level = permission ? text(permission) : '';
  if (!READ_PERMISSIONS.includes(level)) {
    problems.push(`Permissions: "${level || 'unset'}" does not let the pane read the people of the open message; use <Permissions>ReadItem</Permissions>`);
  } else passed.push(`permission ${level}: the pane may read the open message's sender and recipients`);

  // Activation on messages being read and written (compose surfaces), with a form for each.
  const forms = elements(root, 'Form').map(xsiType);
  const itemRules = elements(root, 'Rule').filter((r) => xsiType(r) === 'ItemIs' && r.getAttribute('ItemType') === 'Message');
  const formTypes = itemRules.map((r) => r.getAttribute('FormType') || '');
  const activates = (mode) => formTypes.includes('ReadOrEdit') || formTypes.includes(mode);
  const before = problems.length;
  if (!activates('Read') || !activates('Edit')) problems.push(`Rule: the add-in must activate on messages read and composed; add <Rule xsi:type="ItemIs" ItemType="Message" FormType="ReadOrEdit"/>`);
  for (const form of ['ItemRead', 'ItemEdit']) if (!forms.includes(form)) problems.push(`FormSettings: no <Form xsi:type="${form}">; clients without add-in commands need it`);
  if (problems.length === before) passed.push('activates on messages read and composed (ItemRead and ItemEdit forms)');

  // Buttons on Message Read and Message Compose, pinnable under VersionOverridesV1_1.
  const overrides = elements(root, 'VersionOverrides');
  const v11 = overrides.filter((o) => xsiType(o) === 'VersionOverridesV1_1');
  if (v11.length === 0) problems.push('VersionOverrides: no VersionOverridesV1_1 block; SupportsPinning only works there');
  for (const block of overrides) {
    const surfaces = elements(block, 'ExtensionPoint').map(xsiType);
    for (const surface of ['MessageReadCommandSurface', 'MessageComposeCommandSurface']) {
      if (!surfaces.includes(surface)) problems.push(`${xsiType(block)}: no ${surface} extension point; add a task pane button there`);
    }
  }
  for (const block of v11) {
    const actions = elements(block, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane');
    if (actions.length === 0) problems.push('VersionOverridesV1_1: no ShowTaskpane action');
    for (const action of actions) {
      const pin = elements(action, 'SupportsPinning')[0];
      if (!pin || text(pin) !== 'true') {
        const control = action.parentNode && action.parentNode.getAttribute ? action.parentNode.getAttribute('id') : '?';
        problems.push(`VersionOverridesV1_1: the task pane action of control "${control}" lacks <SupportsPinning>true</SupportsPinning>`);
      }
    }
  }
  if (v11.length > 0 && !problems.some((p) => p.startsWith('VersionOverrides'))) passed.push('task pane buttons on Message Read and Compose, pinnable (SupportsPinning under VersionOverridesV1_1)');

  // URLs: every DefaultValue that is a URL, plus AppDomain text. All https, all one origin.
  const urls = [];
  const walk = (node) => {
    if (node.nodeType !== 1) return;
    const value = node.getAttribute('DefaultValue');
    if (value && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push({ where: node.localName, url: value });
    if (node.localName === 'AppDomain') urls.push({ where: 'AppDomain', url: text(node) });
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  const origins = new Set();
  for (const { where, url } of urls) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${where}: ${url} is not https; Office loads add-ins only over HTTPS`);
    origins.add(parsed.origin);
  }
  if (origins.size > 1) problems.push(`URLs point at ${origins.size} hosts (${[...origins].join(', ')}); every URL must use one host`);
  if (urls.length > 0 && !problems.some((p) => /https|one host|not a URL/.test(p))) passed.push(`${urls.length} URLs, all https on ${[...origins][0]}`);

  // Icons: each image URL names a PNG under assetsDir with the declared size.
  const base = [...new Set(urls.filter((u) => u.where === 'SourceLocation' || u.where === 'Url').map((u) => u.url.replace(/[^/]*$/, '')))][0] ?? '';
  // bt:Image size attributes live on the <bt:Image size=".." resid=".."> references; map resid -> size.
  const sizeByResid = new Map();
  for (const ref of elements(root, 'Image')) if (ref.getAttribute('resid') && ref.getAttribute('size')) sizeByResid.set(ref.getAttribute('resid'), Number(ref.getAttribute('size')));
  let iconsOk = 0;
  for (const el of [...elements(root, 'Image').filter((e) => e.getAttribute('id')), ...elements(root, 'IconUrl'), ...elements(root, 'HighResolutionIconUrl')]) {
    const url = el.getAttribute('DefaultValue');
    if (!url) continue;
    const relative = base && url.startsWith(base) ? url.slice(base.length) : url.replace(/^https?:\/\/[^/]+\//, '');
    const file = path.join(assetsDir, relative.replace(/^assets\//, ''));
    if (!fs.existsSync(file)) {
      problems.push(`icon ${url}: ${path.relative(process.cwd(), file)} does not exist (run node scripts/generate-icons.js)`);
      continue;
    }
    const size = pngSize(file);
    if (!size) {
      problems.push(`icon ${url}: ${path.relative(process.cwd(), file)} is not a PNG`);
      continue;
    }
    const declared = sizeByResid.get(el.getAttribute('id') ?? '');
    if (declared !== undefined && (size.width !== declared || size.height !== declared)) {
      problems.push(`icon ${url}: is ${size.width}x${size.height}, the manifest declares ${declared}x${declared}`);
      continue;
    }
    iconsOk++;
  }
  if (iconsOk > 0 && !problems.some((p) => p.startsWith('icon'))) passed.push(`${iconsOk} icons exist with their declared sizes`);
  return { problems: [...new Set(problems)], passed, urls: urls.map((u) => u.url) };
}

/** The JSON schema a unified manifest names in `$schema`, read from the copy bundled with office-addin-manifest. */
function bundledSchema(schemaUrl) {
  const match = /^https:\/\/developer\.microsoft\.com\/(json-schemas\/teams\/[^#]+)/.exec(schemaUrl ?? '');
  if (!match) throw new Error(`the converted manifest names an unexpected schema: ${schemaUrl}`);
  const appManifestDir = path.dirname(
    require.resolve('@microsoft/app-manifest/package.json', { paths: [path.dirname(require.resolve('office-addin-manifest/package.json', { paths: [ROOT] }))] }),
  );
  const file = path.join(appManifestDir, 'build', match[1]);
  if (!fs.existsSync(file)) throw new Error(`the schema ${schemaUrl} is not bundled at ${file}; update office-addin-manifest`);
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

/** XML -> unified JSON manifest (office-addin-manifest-converter) -> schema validation, all on disk. */
async function validateAgainstSchema(manifestFile) {
  const { convert } = requireFrom('office-addin-manifest-converter', 'office-addin-manifest-converter');
  const { AppManifestUtils } = requireFrom('office-addin-manifest', '@microsoft/app-manifest');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dialpane-manifest-'));
  try {
    // The converter prints progress and complaints on the console; keep them for the report instead.
    const said = [];
    const saved = { log: console.log, warn: console.warn, error: console.error };
    const capture = (...args) => said.push(args.map(String).join(' ').replace(/\x1b\[[0-9;]*m/g, '').trim());
    Object.assign(console, { log: () => undefined, warn: capture, error: capture });
    try {
      await convert(manifestFile, outDir, false, null, null, false);
    } finally {
      Object.assign(console, saved);
    }
    const json = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    const errors = (await AppManifestUtils.validateAgainstSchema(json, bundledSchema(json.$schema))).map((e) => `unified manifest ${e.trim()}`);
    if (errors.length > 0) errors.push(...said.filter(Boolean).map((line) => `converter: ${line}`));
    return { errors, schema: json.$schema };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

async function validateManifestFile(manifestFile, options = {}) {
  const xml = fs.readFileSync(manifestFile, 'utf8');
  const result = checkInvariants(xml, options);
  if (result.problems.some((p) => p.startsWith('XML:'))) return result;
  try {
    const { errors, schema } = await validateAgainstSchema(manifestFile);
    result.problems.push(...errors);
    if (errors.length === 0) result.passed.push(`converted to the unified manifest and valid against ${schema.replace(/^.*json-schemas\//, '')}`);
  } catch (error) {
    result.problems.push(`conversion to the unified manifest failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}

module.exports = { checkInvariants, validateManifestFile };

if (require.main === module) {
  const args = process.argv.slice(2);
  const assetsIndex = args.indexOf('--assets');
  const assetsDir = assetsIndex >= 0 ? path.resolve(args.splice(assetsIndex, 2)[1] ?? '') : undefined;
  const file = path.resolve(args[0] ?? path.join(ROOT, 'manifest.xml'));
  if (!fs.existsSync(file)) {
    process.stderr.write(`validate-manifest: ${file} does not exist\n`);
    process.exit(1);
  }
  validateManifestFile(file, assetsDir ? { assetsDir } : {}).then(
    ({ problems, passed }) => {
      const name = path.relative(process.cwd(), file) || file;
      for (const line of passed) process.stdout.write(`  ok   ${line}\n`);
      for (const line of problems) process.stdout.write(`  FAIL ${line}\n`);
      process.stdout.write(problems.length === 0 ? `${name} is valid.\n` : `${name} has ${problems.length} problem(s).\n`);
      process.exit(problems.length === 0 ? 0 : 1);
    },
    (error) => {
      process.stderr.write(`validate-manifest: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
