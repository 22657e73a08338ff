/**
 * What the user wants to call, before dial rules: an E.164 number (with its extension), an internal
 * extension, or a SIP address. Built from a directory value or from what the user typed, with the
 * same PhoneNormalizer the directory answers use, so the pane's "tel:" and the dialed number agree.
 */
import type { PhoneNormalizer } from '../phone/normalize';
import { notDialable } from './dial-errors';

export type DialTarget =
  | { type: 'number'; e164: string; ext?: string }
  | { type: 'extension'; digits: string }
  | { type: 'sip'; uri: string };

const SIP_URI = /^sips?:[^\s@<>"]+@[^\s@<>"]+$/i;
const MAX_SIP_URI = 256;

export class TargetResolver {
  private readonly extension: RegExp;

  constructor(
    private readonly phones: PhoneNormalizer,
    extensionPattern: string,
  ) {
    this.extension = new RegExp(extensionPattern);
  }

  resolve(raw: string): DialTarget {
    const text = raw.trim();
    if (/^sips?:/i.test(text)) {
      if (text.length > MAX_SIP_URI || !SIP_URI.test(text) || /[\u0000-\u001f\u007f]/.test(text)) {
        throw notDialable('not a SIP address: write it as sip:user@host');
      }
      return { type: 'sip', uri: text };
    }
    const compact = text.replace(/^tel:/i, '').replace(/[\s\-.]/g, '');
    // Extensions are dialable through a phone system even when no tel: phone-context is configured.
    if (!compact.startsWith('+') && this.extension.test(compact)) return { type: 'extension', digits: compact };

    const normalized = this.phones.normalize(text);
    if (!normalized.dialable) throw notDialable(normalized.reason);
    if (normalized.e164 === undefined) throw notDialable('not a number that can be dialed from outside');
    const ext = /;ext=([0-9]+)/.exec(normalized.tel)?.[1];
    return ext === undefined ? { type: 'number', e164: normalized.e164 } : { type: 'number', e164: normalized.e164, ext };
  }
}
