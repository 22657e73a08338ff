/** A small RFC 2849 LDIF reader: entries with plain, base64 (`::`) and folded values. */
import { AttributeBag } from './entry';

export class LdifSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'LdifSyntaxError';
  }
}

/** Attributes whose base64 values are binary, kept as bytes rather than decoded as UTF-8. */
const BINARY = new Set(['objectguid', 'objectsid', 'thumbnailphoto', 'jpegphoto']);

export function parseLdif(text: string, file = 'LDIF'): AttributeBag[] {
  const entries: AttributeBag[] = [];
  let current: AttributeBag | undefined;
  // Unfold first: a line starting with one space continues the previous one.
  const logical: Array<{ text: string; line: number }> = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const last = logical[logical.length - 1];
    if (raw.startsWith(' ') && last !== undefined && last.text !== '') last.text += raw.slice(1);
    else logical.push({ text: raw, line: index + 1 });
  });
  for (const { text: line, line: number } of logical) {
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const match = /^([A-Za-z][\w;-]*)(::?)\s*(.*)$/.exec(line);
    if (!match) throw new LdifSyntaxError(file, number, `expected "attribute: value", found "${line.slice(0, 40)}"`);
    const [, name = '', separator, rawValue = ''] = match;
    if (name.toLowerCase() === 'version' && current === undefined) continue;
    const bytes = separator === '::' ? Buffer.from(rawValue, 'base64') : undefined;
    if (name.toLowerCase() === 'dn') {
      current = new AttributeBag(bytes ? bytes.toString('utf8') : rawValue);
      entries.push(current);
      continue;
    }
    if (current === undefined) throw new LdifSyntaxError(file, number, 'an attribute comes before any "dn:" line');
    current.add(name, bytes ? (BINARY.has(name.toLowerCase()) ? bytes : bytes.toString('utf8')) : rawValue);
  }
  return entries;
}
