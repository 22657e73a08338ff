/**
 * Show All cursors of an index: the last person of the page answered (display name and id,
 * base64url JSON behind `x.`). The next page starts after that person in the index as it is then,
 * so a sync between two pages neither repeats nor skips anyone who was there all along, and the
 * cursor outlives any snapshot. Live cursors (ldap/show-all.ts) never start with `x.`.
 */
import type { Ranked } from './rank-order';

const PREFIX = 'x.';

export const isIndexCursor = (cursor: string): boolean => cursor.startsWith(PREFIX);

export function encodeIndexCursor(last: Ranked): string {
  return PREFIX + Buffer.from(JSON.stringify([last.displayName, last.id]), 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined when it is not one this index wrote. */
export function decodeIndexCursor(cursor: string): Ranked | undefined {
  if (!isIndexCursor(cursor) || cursor.length > 2048) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { displayName: value[0], id: value[1] };
  } catch {
    // not JSON: not a cursor of ours
  }
  return undefined;
}
