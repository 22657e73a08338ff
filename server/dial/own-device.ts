/**
 * "My phone" once people sign in: a call rings the signed-in person's own phone, never one they
 * name for someone else. The administrator says which phone is whose with {user.<attribute>}
 * placeholders, filled from the person's directory entry when they signed in:
 *
 *   kind: ami,  device: "{user.ipPhone}"              → channel PJSIP/4711 for the person with ipPhone 4711
 *   kind: http, device: "{user.ipPhone}", url: "https://pbx/dial?ext={device}&number={number}"
 *   kind: webdialer, profile: { user: "{user.account}" } → Unified CM itself checks that the device
 *                                                         named in the request belongs to that user
 *
 * A dialer whose phone is the same for everyone (a fixed device, baresip on the service's host) is
 * "shared": with sign-in on it is refused, since anyone signed in could ring it.
 */
import type { DialerConfig } from '../config/dial-schema';
import { USER_TEMPLATE_ATTRIBUTES, type SignedInUser } from '../auth/signed-in-user';
import { DEVICE_PATTERN } from '../../src/shared/api';
import { DialpaneError } from '../errors';
import type { DialerTraits } from './dialer';

/** pane: a link opened on the person's own computer; template: the device comes from {user.…};
 *  verified: the phone system checks the device belongs to the user; shared: one phone for all. */
export type Ownership = 'pane' | 'template' | 'verified' | 'shared';

export const USER_PLACEHOLDER = new RegExp(`\\{user\\.(${USER_TEMPLATE_ATTRIBUTES.join('|')})\\}`, 'g');
export const usesUser = (template: string | undefined): boolean => template !== undefined && new RegExp(USER_PLACEHOLDER.source).test(template);

/** The template with the person's attributes in place, or undefined when one of them is missing. */
export function renderUserTemplate(template: string, user: SignedInUser): string | undefined {
  let missing = false;
  const text = template.replace(USER_PLACEHOLDER, (_all, name: keyof SignedInUser['attributes']) => {
    const value = user.attributes[name]?.trim();
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

export function ownershipOf(config: DialerConfig): Ownership {
  switch (config.kind) {
    case 'uri':
      return 'pane';
    case 'baresip':
      return 'shared';
    case 'http':
      return [config.url, config.body].some((t) => t?.includes('{device}')) && usesUser(config.device) ? 'template' : 'shared';
    case 'ami':
      return [config.channel, config.exten, config.callerId].some((t) => t?.includes('{device}')) && usesUser(config.device) ? 'template' : 'shared';
    case 'webdialer':
      return usesUser(config.profile.user) ? 'verified' : 'shared';
  }
}

export interface OwnDevice {
  device?: string | undefined;
  line?: string | undefined;
  /** WebDialer's UserProfile user, filled for the signed-in person. */
  profileUser?: string | undefined;
}

const needsSignIn = (traits: DialerTraits): DialpaneError =>
  new DialpaneError('DEVICE_REQUIRED', `${traits.displayName} (${traits.id}) finds your phone from your sign-in, and sign-in is off.`, 'Name the device in the request, or turn sign-in on (auth.mode: directory).');

function fromEntry(traits: DialerTraits, template: string, user: SignedInUser, what: string): string {
  const value = renderUserTemplate(template, user);
  if (value === undefined || !DEVICE_PATTERN.test(value)) {
    throw new DialpaneError('DEVICE_REQUIRED', `${traits.displayName} (${traits.id}) cannot find your ${what}: your directory entry lacks what "${template}" names, or holds something that is not a device name.`, 'Ask your directory administrator to fill in your phone details.');
  }
  return value;
}

/** The device, line and profile user of a call; throws when the request names a phone that is not the person's. */
export function ownDevice(traits: DialerTraits, requested: { device?: string | undefined; line?: string | undefined }, user: SignedInUser | undefined): OwnDevice {
  const named = requested.device !== undefined || requested.line !== undefined;
  if (user === undefined) {
    // No sign-in: one person on loopback, who may name any device the dialer allows.
    if (named && !traits.allowUserDevice) throw new DialpaneError('DIALER_UNSUPPORTED', `${traits.displayName} (${traits.id}) always calls from its configured device.`, 'Leave device and line out of the request.');
    const device = requested.device ?? traits.defaultDevice;
    if (usesUser(device) || usesUser(traits.profileUser)) throw needsSignIn(traits);
    return { device, line: requested.line };
  }
  switch (traits.ownership) {
    case 'pane':
      return {};
    case 'shared':
      throw new DialpaneError('DIALER_SHARED', `${traits.displayName} (${traits.id}) rings the same phone whoever asks, so it is not offered once people sign in.`, 'Call with another dialer, or ask the administrator to set its device from your directory entry, e.g. device: "{user.ipPhone}".');
    case 'template': {
      const own = fromEntry(traits, traits.defaultDevice ?? '', user, 'phone');
      if ((requested.device !== undefined && requested.device !== own) || requested.line !== undefined) {
        throw new DialpaneError('DEVICE_NOT_YOURS', 'You can only call from your own phone.', `Leave device and line out of the request: ${traits.displayName} rings the phone of your directory entry.`);
      }
      return { device: own };
    }
    case 'verified': {
      if (named && !traits.allowUserDevice) throw new DialpaneError('DIALER_UNSUPPORTED', `${traits.displayName} (${traits.id}) always calls from its configured device.`, 'Leave device and line out of the request.');
      const profileUser = fromEntry(traits, traits.profileUser ?? '', user, 'phone system user');
      const device = requested.device ?? (traits.defaultDevice === undefined ? undefined : usesUser(traits.defaultDevice) ? fromEntry(traits, traits.defaultDevice, user, 'phone') : traits.defaultDevice);
      return { device, line: requested.line, profileUser };
    }
  }
}
