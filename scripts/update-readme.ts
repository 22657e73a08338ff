/** Rewrites the configuration reference in README.md from the schema. Run: npx tsx scripts/update-readme.ts */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configReference } from '../server/config/reference';

const file = path.join(__dirname, '..', 'README.md');
const text = readFileSync(file, 'utf8');
const updated = text.replace(/(<!-- config-reference:start -->\n)[\s\S]*?(<!-- config-reference:end -->)/, `$1${configReference()}\n$2`);
writeFileSync(file, updated);
