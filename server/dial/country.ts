/**
 * Facts about countries and numbers that dial rules need, from libphonenumber-js's metadata:
 * calling codes, national trunk prefixes (1 in the US, 0 in the UK, 8 in Russia, none in Italy) and
 * the digit groups people read a number in.
 */
import { Metadata, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';

export interface NumberParts {
  /** Country calling code without +, e.g. "44". */
  callingCode: string;
  /** The national significant number in reading groups, e.g. ["20", "7946", "0000"]; never the trunk zero. */
  groups: string[];
}

export function callingCodeOf(country: string): string {
  return getCountryCallingCode(country as CountryCode, metadata);
}

export function trunkPrefixOf(country: string): string {
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan(country as CountryCode);
  // The typings omit nationalPrefix(); the compressed metadata says 0 (not a string) when a country has none.
  const prefix = (plan.numberingPlan as unknown as { nationalPrefix(): unknown } | undefined)?.nationalPrefix();
  return typeof prefix === 'string' ? prefix : '';
}

/** Splits an E.164 number (`+442079460000`) into calling code and reading groups. */
export function numberParts(e164: string): NumberParts {
  const number = parsePhoneNumberFromString(e164, metadata);
  if (number === undefined) throw new Error(`not an E.164 number: ${e164}`);
  const callingCode = String(number.countryCallingCode);
  const national = number.formatInternational().replace(/\s*ext\..*$/, '').trim().slice(callingCode.length + 1);
  const groups = national.split(/[^0-9]+/).filter((g) => g !== '');
  return { callingCode, groups: groups.length > 0 ? groups : [String(number.nationalNumber)] };
}
