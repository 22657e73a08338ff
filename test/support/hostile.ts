/** Generators of hostile text for the property-based tests (fast-check). */
import fc from 'fast-check';

/** Filter syntax, escapes, separators, NUL, non-ASCII and astral characters, a bidi override, plain letters and digits. */
const HOSTILE_UNITS = ['*', '(', ')', '\\', '\u0000', '=', ',', '&', '|', '!', '<', '>', '~', ':', '@', ' ', '+', '-', '.', '/', '#', '"', 'a', 'Z', '0', '4', '9', 'é', 'ü', '山', '😀', '\u202e'];

export const hostileText = fc.oneof(fc.string({ unit: fc.constantFrom(...HOSTILE_UNITS), maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 60 }));
