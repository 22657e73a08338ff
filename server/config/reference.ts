/**
 * The configuration reference as a Markdown table, generated from the schema itself so the README
 * never drifts from what the service accepts (a unit test compares them).
 */
import { z } from 'zod';
import { ENVIRONMENT, configSchema } from './schema';

interface JsonSchema {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

const envFor = (key: string): string => {
  const found = Object.entries(ENVIRONMENT).find(([, target]) => target === key);
  return found ? `\`${found[0]}\`` : '—';
};

function rows(schema: JsonSchema, prefix: string, out: string[][]): void {
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const key = `${prefix}${name}`;
    const options = child.oneOf ?? child.anyOf;
    if (child.type === 'array' && child.items?.oneOf) {
      for (const variant of child.items.oneOf) {
        const kind = variant.properties?.['kind'];
        const kinds = (kind?.enum ?? [kind?.const]).join('/');
        out.push([`**\`${key}[]\` with kind ${kinds}**`, '', '', variant.description ?? '']);
        rows(variant, `${key}[].`, out);
      }
    } else if (child.type === 'object' || (options === undefined && child.properties)) {
      rows(child, `${key}.`, out);
    } else {
      const fallback = child.default === undefined ? 'required' : `\`${JSON.stringify(child.default)}\``;
      const optional = child.default === undefined && !isRequired(schema, name) ? 'optional' : fallback;
      out.push([`\`${key}\``, optional, envFor(key), child.description ?? '']);
      // A shorthand with settings as its alternative (index: on | off | {…}): the settings' keys too.
      const settings = options?.find((o) => o.type === 'object' && o.properties !== undefined);
      if (settings !== undefined) rows(settings, `${key}.`, out);
    }
  }
}

function isRequired(schema: JsonSchema & { required?: string[] }, name: string): boolean {
  return schema.required?.includes(name) ?? false;
}

export function configReference(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const out: string[][] = [];
  rows(schema, '', out);
  const table = [['Key', 'Default', 'Environment', 'Meaning'], ['---', '---', '---', '---'], ...out];
  return table.map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n');
}
