/**
 * Dial rules: the ordered list from the configuration, applied to a normalized number. The first rule
 * whose pattern (and, when it names them, directories) fits decides; no rule fitting means the
 * international form the dialer declares. The result is a plan of digit groups, so the preview reads
 * "9 1 408 555 0100" while the dialer gets "914085550100".
 */
import type { DialRuleConfig, ExternalRuleConfig } from '../config/dial-schema';
import { callingCodeOf, numberParts, trunkPrefixOf, type NumberParts } from './country';
import { NumberPattern, fillTemplate } from './pattern';
import type { DialTarget } from './target';

export type DialPlan =
  | { type: 'sip'; uri: string }
  | {
      type: 'digits';
      /** What is dialed, in reading groups: ["9", "1", "408", "555", "0100"]. */
      groups: string[];
      /** Extension digits to send after the main number connects. */
      postDial?: string;
      /** Which rule decided, e.g. "dialRules[1]", or "default" (for logs and tests). */
      rule: string;
    };

export interface DialContext {
  /** Directory of the person called; undefined for typed numbers. */
  directoryId?: string | undefined;
  /** What the dialer takes for international numbers: "+", "00", "011", … */
  internationalPrefix: string;
  /** False for dialers configured with applyDialRules: false. */
  applyRules: boolean;
}

interface CompiledRule {
  key: string;
  config: DialRuleConfig;
  pattern: NumberPattern;
}

function international(prefix: string, parts: NumberParts): string[] {
  // "+" stays glued to the calling code, as people write it; an access code is its own group.
  return prefix === '+' ? [`+${parts.callingCode}`, ...parts.groups] : [prefix, parts.callingCode, ...parts.groups];
}

export class DialRules {
  private readonly rules: CompiledRule[];

  constructor(
    rules: readonly DialRuleConfig[],
    private readonly defaultCountry: string,
  ) {
    this.rules = rules.map((config, i) => ({ key: `dialRules[${i}]`, config, pattern: new NumberPattern(config.match) }));
  }

  plan(target: DialTarget, context: DialContext): DialPlan {
    if (target.type === 'sip') return { type: 'sip', uri: target.uri };
    if (target.type === 'extension') return { type: 'digits', groups: [target.digits], rule: 'extension' };

    const withExt = (plan: { groups: string[]; rule: string }): DialPlan =>
      target.ext === undefined ? { type: 'digits', ...plan } : { type: 'digits', ...plan, postDial: target.ext };

    if (context.applyRules) {
      for (const rule of this.rules) {
        if (rule.config.directories !== undefined && (context.directoryId === undefined || !rule.config.directories.includes(context.directoryId))) continue;
        const captured = rule.pattern.match(target.e164);
        if (captured === undefined) continue;
        if (rule.config.kind === 'internal') {
          // An extension on one of our own numbers is reached directly: dial the extension alone.
          const groups = target.ext !== undefined ? [target.ext] : [fillTemplate(rule.config.dial, captured)];
          return { type: 'digits', groups, rule: rule.key };
        }
        return withExt({ groups: this.external(rule.config, target.e164, context), rule: rule.key });
      }
    }
    return withExt({ groups: international(context.internationalPrefix, numberParts(target.e164)), rule: 'default' });
  }

  private external(rule: ExternalRuleConfig, e164: string, context: DialContext): string[] {
    const parts = numberParts(e164);
    const country = rule.country ?? this.defaultCountry;
    const outside = rule.outsideLine === '' ? [] : [rule.outsideLine];
    if (rule.sameCountry === 'national' && parts.callingCode === callingCodeOf(country)) {
      const trunk = rule.trunkPrefix ?? trunkPrefixOf(country);
      return [...outside, ...(trunk === '' ? [] : [trunk]), ...parts.groups];
    }
    const prefix = rule.international === 'dialer' ? context.internationalPrefix : rule.international;
    if (prefix === '+' && context.internationalPrefix !== '+') {
      // The configuration check refuses this combination; reaching it means that check was bypassed.
      throw new Error(`rule ${rule.match} keeps + but the dialer takes ${context.internationalPrefix}`);
    }
    // A number with + is in global form, which a phone system taking + routes itself: "9+44…" is no dial string.
    return prefix === '+' ? international(prefix, parts) : [...outside, ...international(prefix, parts)];
  }
}
