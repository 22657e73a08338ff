import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configReference } from '../../server/config/reference';

describe('README', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

  it('documents every configuration key exactly as the schema has it (npx tsx scripts/update-readme.ts rewrites it)', () => {
    expect(readme).toContain(`<!-- config-reference:start -->\n${configReference()}\n<!-- config-reference:end -->`);
  });

  it('starts with the command that runs the demo and the one that runs every test', () => {
    const firstLines = readme.split('\n').slice(0, 6).join('\n');
    expect(firstLines).toContain('npm start');
    expect(firstLines).toContain('npm test');
  });
});
