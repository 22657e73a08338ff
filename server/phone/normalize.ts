/**
 * Turns whatever a directory holds in a phone attribute into an RFC 3966 `tel:` URI, or the
 * reason it cannot be called. Directories hold every format people type: national numbers,
 * `+44 (0)20 …` with the trunk zero in parentheses, `00`/`011` international prefixes,
 * extensions written `x123` or `ext. 123`, internal extensions, and free text.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { Phone, PhoneKind } from '../../src/shared/api';
import { PHONE_LABELS } from '../directory/attributes';

export interface PhoneSettings {
  defaultCountry: string;
  extensionPattern: string;
  extensionContext?: string | undefined;
}

export type Normalized = { dialable: true; tel: string; display: string; e164?: string } | { dialable: false; reason: string };

const INTERNATIONAL_PREFIX = /^(?:00|011)(?=[1-9])/;

function candidates(text: string): string[] {
  const compact = text.replace(/[\s.\-()/]/g, '');
  const list = [text];
  // "00 49 …" and "011 49 …" are international prefixes whatever the default country's own one is.
  if (INTERNATIONAL_PREFIX.test(compact)) list.push(`+${compact.replace(INTERNATIONAL_PREFIX, '')}`);
  return list;
}

/** `international` is number.formatInternational(), formatted once for both the URI and the display (a tenth of the cost of a number). */
function telUri(number: PhoneNumber, international: string): string {
  // RFC 3966 allows visual separators; dashes between the groups of the international format keep it readable.
  const grouped = international.replace(/\s*ext\..*$/, '').trim().replace(/\s+/g, '-');
  return `tel:${grouped}${number.ext ? `;ext=${number.ext}` : ''}`;
}

export class PhoneNormalizer {
  private readonly extension: RegExp;

  constructor(private readonly settings: PhoneSettings) {
    this.extension = new RegExp(settings.extensionPattern);
  }

  normalize(raw: string): Normalized {
    const text = raw.trim().replace(/^tel:/i, '');
    if (text === '') return { dialable: false, reason: 'the value is empty' };
    if (!/\d/.test(text)) return { dialable: false, reason: 'not a phone number (no digits)' };

    const compact = text.replace(/[\s\-.]/g, '');
    if (!text.startsWith('+') && this.extension.test(compact)) {
      if (this.settings.extensionContext === undefined) {
        return { dialable: false, reason: 'an internal extension; set phone.extensionContext to make extensions callable' };
      }
      return { dialable: true, tel: `tel:${compact};phone-context=${this.settings.extensionContext}`, display: compact };
    }

    let possible: PhoneNumber | undefined;
    for (const candidate of candidates(text)) {
      const number = parsePhoneNumberFromString(candidate, this.settings.defaultCountry as CountryCode);
      if (number === undefined) continue;
      if (number.isValid()) return this.dialable(number);
      if (possible === undefined && number.isPossible()) possible = number;
    }
    if (possible !== undefined) return this.dialable(possible);

    const digits = text.replace(/\D/g, '');
    if (digits.length < 5) return { dialable: false, reason: `too short to be a phone number (${digits.length} digits)` };
    if (digits.length > 17) return { dialable: false, reason: `too long to be a phone number (${digits.length} digits)` };
    return {
      dialable: false,
      reason: text.startsWith('+')
        ? 'not a valid international number: check the country code and the number of digits'
        : `not a valid number for ${this.settings.defaultCountry}: write it with +country code`,
    };
  }

  private dialable(number: PhoneNumber): Normalized {
    const international = number.formatInternational();
    return { dialable: true, tel: telUri(number, international), display: international, e164: number.number };
  }

  phone(kind: PhoneKind, raw: string): Phone {
    const result = this.normalize(raw);
    const base = { kind, label: PHONE_LABELS[kind], raw };
    return result.dialable ? { ...base, dialable: true, tel: result.tel, display: result.display } : { ...base, dialable: false, reason: result.reason };
  }
}
