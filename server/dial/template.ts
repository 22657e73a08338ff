/**
 * Placeholder templates of dialer settings ({number}, {device}, {line}). Each value is encoded for
 * where it lands — a URL, a form, JSON, XML, an AMI header — by the encoder the caller passes, so a
 * "+" becomes %2B in a URL but stays "+" in JSON.
 */
import { DialpaneError } from '../errors';
import type { DialerName } from './dial-errors';

export interface TemplateValues {
  number: string;
  device?: string | undefined;
  line?: string | undefined;
}

export type Encoder = (value: string) => string;

export const asIs: Encoder = (value) => value;
export const forUrl: Encoder = encodeURIComponent;
export const forJson: Encoder = (value) => JSON.stringify(value).slice(1, -1);
export const forXml: Encoder = (value) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The encoder for a request body of this Content-Type. */
export function encoderFor(contentType: string): Encoder {
  if (/json/i.test(contentType)) return forJson;
  if (/xml/i.test(contentType)) return forXml;
  if (/x-www-form-urlencoded/i.test(contentType)) return forUrl;
  return asIs;
}

export const deviceRequired = (dialer: DialerName, name: 'device' | 'line'): DialpaneError =>
  new DialpaneError(
    'DEVICE_REQUIRED',
    `${dialer.displayName} (${dialer.id}) needs to know your ${name} to place the call.`,
    `Choose your phone in the pane, or set a default ${name} for dialer "${dialer.id}" in the configuration.`,
  );

export function render(template: string, values: TemplateValues, encode: Encoder, dialer: DialerName): string {
  return template.replace(/\{(number|device|line)\}/g, (_all, name: 'number' | 'device' | 'line') => {
    const value = values[name];
    if (value === undefined) throw deviceRequired(dialer, name === 'number' ? 'device' : name);
    return encode(value);
  });
}
