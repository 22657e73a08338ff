import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { configSchema } from '../../server/config/schema';

describe('README dialing example', () => {
  it('is a valid configuration, so the documentation cannot drift from the schema', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Dialing'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    // Nobody signs in against an LDIF file: the example runs without sign-in (parseConfig defaults so).
    const input = { ...(YAML.parse(yaml) as Record<string, unknown>), directories: [{ id: 'demo', displayName: 'Demo', kind: 'ldif', file: 'data/demo.ldif' }], auth: { mode: 'none' } };
    const result = configSchema.safeParse(input);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(result.data?.dialers.map((d) => d.kind)).toEqual(['uri', 'baresip', 'http', 'webdialer', 'ami']);
  });
});
