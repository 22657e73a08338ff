#!/usr/bin/env node
/**
 * Writes a copy of manifest.xml for another host: every https://localhost:3000 URL is rewritten to
 * the base URL you give, and the copy is validated offline like manifest.xml.
 *
 *   node scripts/manifest-for-host.js https://dialpane.example.com
 *   node scripts/manifest-for-host.js https://intranet.example.com/dialpane --out /tmp/manifest.xml --new-id
 *
 * Default output: dist/manifest.<host>.xml. --new-id gives the copy its own add-in Id, so it can be
 * sideloaded next to the development manifest.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { validateManifestFile } = require('./validate-manifest');

const ROOT = path.join(__dirname, '..');
const DEV_BASE = 'https://localhost:3000';

function usage(message) {
  process.stderr.write(`${message}\nUsage: node scripts/manifest-for-host.js https://host[:port][/path] [--out FILE] [--new-id]\n`);
  process.exit(2);
}

/** The manifest text with every development URL pointing at `base` (AppDomain gets the origin only). */
function rewriteManifest(xml, base, { newId = false } = {}) {
  const url = new URL(base);
  const prefix = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  let out = xml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${url.origin}</AppDomain>`)
    .split(DEV_BASE)
    .join(prefix);
  if (newId) out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${crypto.randomUUID()}</Id>`);
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const take = (flag) => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) usage(`${flag} needs a value`);
    args.splice(i, 2);
    return value;
  };
  const out = take('--out');
  const newIdIndex = args.indexOf('--new-id');
  if (newIdIndex >= 0) args.splice(newIdIndex, 1);
  const [base, ...rest] = args;
  if (!base || rest.length > 0) usage('Give exactly one base URL.');
  let url;
  try {
    url = new URL(base);
  } catch {
    usage(`"${base}" is not a URL.`);
  }
  if (url.protocol !== 'https:') usage(`"${base}" must start with https:// — Office loads add-ins only over HTTPS.`);
  if (url.search || url.hash) usage(`"${base}" must not have a query or fragment.`);

  const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const target = path.resolve(out ?? path.join(ROOT, 'dist', `manifest.${url.host.replace(/:/g, '_')}.xml`));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, rewriteManifest(source, base, { newId: newIdIndex >= 0 }));

  const { problems } = await validateManifestFile(target);
  for (const line of problems) process.stderr.write(`  FAIL ${line}\n`);
  if (problems.length > 0) process.exit(1);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), target)} for ${url.origin}${url.pathname.replace(/\/+$/, '')} (validated offline).\n`);
}

module.exports = { rewriteManifest };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`manifest-for-host: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
