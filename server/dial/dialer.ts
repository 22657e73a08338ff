/**
 * The seam between "what to dial" and the thing that dials: a softphone, a desk phone, a PBX, or a
 * link the pane opens. One implementation per `kind`, chosen by configuration (create-dialers.ts).
 * Implementations throw DialpaneError with a DIALER_* code (see dial-errors.ts), never raw socket errors.
 */
import type { DialerDevice, DialerKind, DialOutcome } from '../../src/shared/api';
import type { DialerConfig } from '../config/dial-schema';
import type { PostDial } from './dial-string';
import { ownershipOf, type Ownership } from './own-device';
import type { DialPlan } from './rules';

/** What the service needs to know about a dialer before dialing: what it takes, and how. */
export interface DialerTraits {
  id: string;
  displayName: string;
  kind: DialerKind;
  /** "+" or the international access code its phone system needs. */
  internationalPrefix: string;
  /** How post-dial digits (extensions) are sent, or undefined when they cannot be. */
  postDial: PostDial;
  applyDialRules: boolean;
  allowUserDevice: boolean;
  /** True when SIP addresses can be dialed, not only numbers. */
  sipUris: boolean;
  /** True when the pane opens a URI instead of the service dialing. */
  inPane: boolean;
  /** May hold {user.…} placeholders (own-device.ts). */
  defaultDevice?: string | undefined;
  /** How the signed-in person's own phone is found (own-device.ts). */
  ownership: Ownership;
  /** WebDialer's UserProfile user template, e.g. {user.account}. */
  profileUser?: string | undefined;
}

export interface DialCall {
  /** Exactly what to dial (dial-string.ts): digits, or a SIP URI when plan.type is "sip". */
  dialed: string;
  plan: DialPlan;
  /** The user's device and line, or the dialer's defaults; undefined when neither is set. */
  device?: string | undefined;
  line?: string | undefined;
  /** WebDialer: the UserProfile user filled for the signed-in person; the configured one when undefined. */
  profileUser?: string | undefined;
}

export interface Dialer {
  readonly traits: DialerTraits;
  /** Places the call; resolves once the dialer confirmed it (ringing) or accepted it (queued). */
  dial(call: DialCall): Promise<DialOutcome>;
  /** For dialers handled in the pane: the URI to open. */
  uri?(dialed: string, plan: DialPlan): string;
  /** The user's phones and lines, for dialers whose phone system can list them. */
  listDevices?(): Promise<DialerDevice[]>;
}

/** The traits every kind shares, read from the common configuration keys. */
export function commonTraits(config: DialerConfig, extra: Pick<DialerTraits, 'sipUris' | 'inPane'> & { defaultDevice?: string | undefined; postDial?: PostDial }): DialerTraits {
  return {
    id: config.id,
    displayName: config.displayName,
    kind: config.kind,
    internationalPrefix: config.internationalPrefix,
    postDial: extra.postDial ?? (config.postDialSeparator === undefined ? undefined : { separator: config.postDialSeparator }),
    applyDialRules: config.applyDialRules,
    allowUserDevice: config.allowUserDevice,
    sipUris: extra.sipUris,
    inPane: extra.inPane,
    defaultDevice: extra.defaultDevice,
    ownership: ownershipOf(config),
    profileUser: config.kind === 'webdialer' ? config.profile.user : undefined,
  };
}
