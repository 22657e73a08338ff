/**
 * The little DN handling Dialpane needs (RFC 4514 strings as servers send them): split off the
 * first RDN, walk up to the parent, read the first RDN's value. Escaped commas (`CN=Doe\, Jane`)
 * and hex escapes stay inside their RDN.
 */

/** Index of the comma ending the first RDN, or -1 when the DN has a single RDN. */
function firstSeparator(dn: string): number {
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === '\\') i++; // the escaped character (or first hex digit) is part of the value
    else if (c === '"') quoted = !quoted;
    else if ((c === ',' || c === ';') && !quoted) return i;
  }
  return -1;
}

/** `OU=Staff,CN=Users,DC=monkey,DC=com` → `CN=Users,DC=monkey,DC=com`; undefined for a single RDN. */
export function parentDn(dn: string): string | undefined {
  const at = firstSeparator(dn);
  if (at < 0) return undefined;
  const parent = dn.slice(at + 1).trim();
  return parent === '' ? undefined : parent;
}

/** The value of the first RDN, unescaped: `CN=Doe\, Jane,CN=Users,…` → `Doe, Jane`. */
export function firstRdnValue(dn: string): string {
  const at = firstSeparator(dn);
  const rdn = at < 0 ? dn : dn.slice(0, at);
  const eq = rdn.indexOf('=');
  return unescapeValue((eq < 0 ? rdn : rdn.slice(eq + 1)).trim());
}

/** RFC 4514 unescaping in one pass: `\,` is a comma, `\c3\bc` are the UTF-8 bytes of ü. */
function unescapeValue(value: string): string {
  const chars = Array.from(value); // code points, so characters outside the BMP stay whole
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const hex = `${chars[i + 1] ?? ''}${chars[i + 2] ?? ''}`;
    if (c === '\\' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      if (c === '\\' && i + 1 < chars.length) i++;
      bytes.push(...Buffer.from(chars[i] as string, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
