/**
 * LDAP GeneralizedTime (RFC 4517), as OpenLDAP writes modifyTimestamp: `20261203201712Z`, UTC,
 * optionally with a fraction of a second. Text of this one form sorts in time order.
 */
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,]\d+)?Z$/;

export function parseGeneralizedTime(text: string): Date | undefined {
  const match = GENERALIZED_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

export function formatGeneralizedTime(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** `text` moved back by `seconds`; text that is not GeneralizedTime comes back unchanged. */
export function timestampMinusSeconds(text: string, seconds: number): string {
  const date = parseGeneralizedTime(text);
  return date === undefined ? text : formatGeneralizedTime(new Date(date.getTime() - seconds * 1000));
}
