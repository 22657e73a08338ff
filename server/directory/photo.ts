/**
 * Photos as the photo route serves them: the bytes exactly as the directory holds them, a content
 * type read from their first bytes (AD's thumbnailPhoto is a JPEG by convention, but PNGs and GIFs
 * are found in the wild), and a version that changes with the bytes, for the URL and the ETag.
 */
import { createHash } from 'node:crypto';

export interface Photo {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png' | 'image/gif';
  /** Short hash of the bytes: the `v` of photoUrl and the strong ETag. */
  version: string;
}

function contentTypeOf(bytes: Buffer): Photo['contentType'] {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return 'image/jpeg';
}

export function photoOf(bytes: Buffer): Photo {
  return { bytes, contentType: contentTypeOf(bytes), version: createHash('sha256').update(bytes).digest('base64url').slice(0, 16) };
}

/** Relative to the pane's base URL, like every other API call the pane makes. */
export function photoUrl(directoryId: string, personId: string, photo: Photo): string {
  return `api/directories/${encodeURIComponent(directoryId)}/people/${encodeURIComponent(personId)}/photo?v=${photo.version}`;
}
