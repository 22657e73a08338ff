/**
 * SIP addresses of a person as `sip:` call targets: Lync / Skype for Business keep the primary one
 * in msRTCSIP-PrimaryUserAddress (`sip:jdoe@monkey.com`), Exchange lists every address of a
 * mailbox in proxyAddresses with a type prefix (`SMTP:…`, `smtp:…`, `SIP:…`, `X500:…`), of which
 * the SIP ones are call targets too.
 */

/** `sip:user@host` with a lower-case scheme, or undefined when the value is not a SIP address. */
export function sipUri(value: string): string | undefined {
  const match = /^\s*sips?:\s*([^\s@:;]+@[^\s@;]+)\s*$/i.exec(value);
  if (!match) return undefined;
  const secure = /^\s*sips:/i.test(value);
  return `${secure ? 'sips' : 'sip'}:${match[1]}`;
}

/** The primary addresses first, then the SIP entries of proxyAddresses; each address once (ignoring case). */
export function sipAddresses(primary: readonly string[], proxyAddresses: readonly string[]): string[] {
  const candidates = [...primary, ...proxyAddresses.filter((p) => /^\s*sips?:/i.test(p))];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const candidate of candidates) {
    const uri = sipUri(candidate);
    if (uri === undefined || seen.has(uri.toLowerCase())) continue;
    seen.add(uri.toLowerCase());
    result.push(uri);
  }
  return result;
}
