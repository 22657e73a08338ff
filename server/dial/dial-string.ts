/**
 * Turns a dial plan into the exact string a dialer is given and the sentence the pane shows.
 * An extension on an outside number goes after a pause when the dialer has pause characters;
 * otherwise the preview tells the user to key it in once the call connects — it is never dropped silently.
 */
import type { DialPlan } from './rules';

export interface DialString {
  /** Exactly what the dialer gets: "914085550100", "914085550100,123", or a SIP URI. */
  dialed: string;
  /** "will dial 9 1 408 555 0100" */
  preview: string;
  /** Extension the user keys in after connecting, when the dialer cannot send it. */
  dialAfterConnect?: string;
}

/** How a dialer sends post-dial digits: the text between number and extension (",", ";ext="), or none. */
export type PostDial = { separator: string } | undefined;

export function dialString(plan: DialPlan, postDial: PostDial): DialString {
  if (plan.type === 'sip') return { dialed: plan.uri, preview: `will call ${plan.uri}` };
  const main = plan.groups.join('');
  const spoken = `will dial ${plan.groups.join(' ')}`;
  if (plan.postDial === undefined) return { dialed: main, preview: spoken };
  if (postDial !== undefined) return { dialed: `${main}${postDial.separator}${plan.postDial}`, preview: `${spoken}, then ${plan.postDial}` };
  return { dialed: main, preview: `${spoken}; key in extension ${plan.postDial} when the call connects`, dialAfterConnect: plan.postDial };
}
