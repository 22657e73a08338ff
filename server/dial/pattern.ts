/**
 * Number patterns of dial rules: `+1 408 555 01xx` matches exactly those E.164 numbers, x being any
 * one digit; a final `*` allows any further digits (`+1*` is every NANP number, `+*` every number).
 */
import { PATTERN_SEPARATORS } from '../config/dial-schema';

export class NumberPattern {
  private readonly regex: RegExp;

  constructor(readonly source: string) {
    const compact = source.replace(PATTERN_SEPARATORS, '');
    const open = compact.endsWith('*');
    const body = (open ? compact.slice(0, -1) : compact).slice(1).replace(/[xX]/g, '(\\d)');
    this.regex = new RegExp(`^\\+${body}${open ? '\\d*' : ''}$`);
  }

  /** The digits the x's stood for, in order, or undefined when the number does not match. */
  match(e164: string): string[] | undefined {
    const found = this.regex.exec(e164);
    return found ? found.slice(1).map((d) => d ?? '') : undefined;
  }
}

/** Fills the x's of a template such as `01xx` with captured digits, in order. */
export function fillTemplate(template: string, digits: readonly string[]): string {
  let next = 0;
  return template.replace(/\s/g, '').replace(/[xX]/g, () => digits[next++] ?? '');
}
