/**
 * Configuration of the ordered dial rules (`dialRules`): internal ranges that become extensions, and
 * outside-line rules (outside-line prefix, trunk prefix, international access code or +).
 */
import { z } from 'zod';

const COUNTRY = /^[A-Z]{2}$/;

export const PATTERN_SEPARATORS = /[\s\-().]/g;

/** `+1 408 555 01xx`: digits, x for any one digit, an optional `*` at the end for any further digits. */
export function isNumberPattern(value: string): boolean {
  return /^\+[0-9xX]*\*?$/.test(value.replace(PATTERN_SEPARATORS, ''));
}

export const countX = (value: string): number => (value.match(/[xX]/g) ?? []).length;

const numberPattern = z
  .string()
  .trim()
  .refine(isNumberPattern, { message: 'must be a number pattern such as "+1 408 555 01xx": + and digits, x for any one digit, * at the end for any further digits' });

const directoryIds = z
  .array(z.string())
  .min(1, 'must name at least one directory id, or be left out to apply to every number')
  .optional()
  .describe('Apply this rule only to people from these directory ids (typed numbers never match). Default: every number.');

export const internalRuleSchema = z
  .object({
    kind: z.literal('internal').describe('internal = numbers in one of your own ranges are dialed as the short extension.'),
    match: numberPattern.describe('The internal range as an E.164 pattern, e.g. "+1 408 555 01xx".'),
    dial: z
      .string()
      .trim()
      .refine((v) => /^[0-9xX*#]+$/.test(v.replace(/\s/g, '')), { message: 'must be digits and x, e.g. "01xx"' })
      .describe('The extension to dial: digits, and one x for each x of match, filled in order, e.g. "01xx". A number with an extension on an internal main number dials the extension alone.'),
    directories: directoryIds,
  })
  .strict()
  .describe('Numbers in an internal range become extensions, e.g. +1 408 555-01xx -> 01xx.')
  .superRefine((rule, ctx) => {
    if (rule.match.includes('*')) {
      ctx.addIssue({ code: 'custom', path: ['match'], message: 'cannot end with * in an internal rule: write one x per digit, e.g. "+1 408 555 01xx"' });
    } else if (countX(rule.dial) !== countX(rule.match)) {
      ctx.addIssue({
        code: 'custom',
        path: ['dial'],
        message: `has ${countX(rule.dial)} x but match "${rule.match}" has ${countX(rule.match)}: use one x in dial for each x in match`,
      });
    }
  });

export const externalRuleSchema = z
  .object({
    kind: z.literal('external').describe('external = numbers dialed through an outside line.'),
    match: numberPattern.default('+*').describe('Numbers this rule applies to, e.g. "+1*"; the default "+*" is every number.'),
    country: z
      .string()
      .regex(COUNTRY, 'must be a two-letter ISO country code such as US, GB or SI')
      .optional()
      .describe('Country of the phone system. Numbers of this country are dialed nationally. Default: phone.defaultCountry.'),
    outsideLine: z
      .string()
      .regex(/^[0-9*#]{0,6}$/, 'must be digits, e.g. "9", or "" for none')
      .default('')
      .describe('Digits that get an outside line, e.g. "9"; "" for none. Never put before a number dialed with +.'),
    sameCountry: z
      .enum(['national', 'international'])
      .default('national')
      .describe('national = numbers of the same country are dialed with the trunk prefix (1 408 555 0100 in the US, 020 7946 0000 in the UK); international = always in international form.'),
    trunkPrefix: z
      .string()
      .regex(/^[0-9]{0,4}$/, 'must be digits, or "" for none')
      .optional()
      .describe('National trunk prefix before national numbers. Default: the country\'s own (1 in the US, 0 in the UK, none in Italy); "" dials without one.'),
    international: z
      .string()
      .regex(/^(dialer|\+|[0-9]{2,4})$/, 'must be "dialer", "+" or an access code such as "00" or "011"')
      .default('dialer')
      .describe('What goes before other countries\' numbers: "dialer" = what the dialer declares (internationalPrefix), "+" to keep +, or an access code such as "00" or "011".'),
    directories: directoryIds,
  })
  .strict()
  .describe('Numbers dialed through an outside line: outside-line prefix, national dialing with the trunk prefix, international access code or +.');

export const dialRuleSchema = z.discriminatedUnion('kind', [internalRuleSchema, externalRuleSchema]);

export type DialRuleConfig = z.infer<typeof dialRuleSchema>;
export type InternalRuleConfig = z.infer<typeof internalRuleSchema>;
export type ExternalRuleConfig = z.infer<typeof externalRuleSchema>;
