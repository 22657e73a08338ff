/**
 * What makes two spellings of one phone number the same number, for caller ID (reverse lookup):
 * `+1 (408) 555-0100`, `4085550100`, `001 408 555 0100` and `tel:+1-408-555-0100` all have the key
 * E.164 `+14085550100`; an internal extension such as `4100` has the key `4100` as an extension.
 *
 * Keys come from the PhoneNormalizer's own reading of a value (the same libphonenumber parse and
 * extension pattern the pane's Call buttons use), so a number the pane can call is found by any
 * spelling of it. A directory's phones are already normalized when a person is built: their keys
 * are derived from the `tel:` URI without parsing again (phoneKey), which keeps building the index
 * of 100,000 people cheap.
 */
import type { Phone } from '../../src/shared/api';
import { PhoneNormalizer, type PhoneSettings } from './normalize';

export interface NumberKey {
  /** E.164 without any extension, e.g. `+14085550100`. */
  e164?: string;
  /** The extension written after the number (`x123`, `ext. 123`), when there is one. */
  ext?: string;
  /** An internal extension (phone.extensionPattern), e.g. `4100`. */
  extension?: string;
}

/** Why a typed number has no key: the normalizer's reason, in plain words. */
export interface NoNumberKey {
  reason: string;
}

export class NumberKeys {
  private readonly normalizer: PhoneNormalizer;
  private readonly extensionPattern: RegExp;

  constructor(settings: PhoneSettings) {
    this.normalizer = new PhoneNormalizer(settings);
    this.extensionPattern = new RegExp(settings.extensionPattern);
  }

  /** The key of a number typed or sent by a phone system. */
  of(input: string): NumberKey | NoNumberKey {
    const key = this.phoneKey(this.normalizer.phone('telephoneNumber', input.trim()));
    if (key !== undefined) return key;
    const result = this.normalizer.normalize(input);
    return { reason: result.dialable ? 'not a phone number' : result.reason };
  }

  /**
   * The key of a phone as a directory person carries it. Mirrors PhoneNormalizer.normalize: a value
   * matching the extension pattern (not starting with +) is an extension whether or not
   * extensions are dialable here; otherwise the E.164 digits are those of its `tel:` URI.
   */
  phoneKey(phone: Phone): NumberKey | undefined {
    const text = phone.raw.trim().replace(/^tel:/i, '');
    const compact = text.replace(/[\s\-.]/g, '');
    if (!text.startsWith('+') && this.extensionPattern.test(compact)) return { extension: compact };
    if (!phone.dialable || !phone.tel.startsWith('tel:+')) return undefined;
    const [number, ...parameters] = phone.tel.slice('tel:'.length).split(';');
    const key: NumberKey = { e164: `+${(number as string).replace(/\D/g, '')}` };
    const ext = parameters.find((p) => p.startsWith('ext='));
    if (ext !== undefined) key.ext = ext.slice('ext='.length);
    return key;
  }
}

export const hasKey = (key: NumberKey | NoNumberKey): key is NumberKey => !('reason' in key);

/**
 * True when a phone with key `phone` is the number `wanted`: the same E.164 number (an extension
 * on only one side still matches: caller ID never carries one; two different extensions do not),
 * or the same internal extension.
 */
export function sameNumber(wanted: NumberKey, phone: NumberKey | undefined): boolean {
  if (phone === undefined) return false;
  if (wanted.extension !== undefined) return phone.extension === wanted.extension;
  if (wanted.e164 === undefined || phone.e164 !== wanted.e164) return false;
  return wanted.ext === undefined || phone.ext === undefined || phone.ext === wanted.ext;
}

/** The index's map key of a number key: `+14085550100` or `x4100` (ext is checked after). */
export function numberMapKey(key: NumberKey): string | undefined {
  if (key.extension !== undefined) return `x${key.extension}`;
  return key.e164;
}
