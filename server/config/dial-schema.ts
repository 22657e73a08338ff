/**
 * Configuration of dialing: the ordered dial rules and the dialers (schema.ts adds `dialRules` and
 * `dialers` at the top level), and the checks that span both and the directories.
 */
import type { z } from 'zod';
import type { DialRuleConfig } from './dial-rules-schema';
import type { DialerConfig } from './dialers-schema';

export * from './dial-rules-schema';
export * from './dialers-schema';

interface DialingInput {
  directories: { id: string }[];
  dialRules: DialRuleConfig[];
  dialers: DialerConfig[];
}

/** Checks across keys: unique dialer ids, rules naming real directories, "+" only where a dialer takes it. */
export function checkDialing(config: DialingInput, ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  config.dialers.forEach((d, i) => {
    if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dialers', i, 'id'], message: `"${d.id}" is used twice; every dialer needs its own id` });
    seen.add(d.id);
  });
  const directoryIds = new Set(config.directories.map((d) => d.id));
  config.dialRules.forEach((rule, i) => {
    rule.directories?.forEach((id, j) => {
      if (!directoryIds.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['dialRules', i, 'directories', j], message: `"${id}" is not a configured directory id; use one of ${[...directoryIds].join(', ')}` });
      }
    });
    if (rule.kind !== 'external' || rule.international !== '+') return;
    for (const dialer of config.dialers) {
      if (dialer.applyDialRules && dialer.internationalPrefix !== '+') {
        ctx.addIssue({
          code: 'custom',
          path: ['dialRules', i, 'international'],
          message: `"+" cannot be sent through dialer "${dialer.id}", which takes "${dialer.internationalPrefix}": use international: dialer, or set applyDialRules: false on that dialer`,
        });
      }
    }
  });
}

