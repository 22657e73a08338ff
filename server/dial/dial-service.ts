/**
 * Placing a call, from request to dialer: find the number (a person's phone or typed text), rewrite
 * it with the dial rules for the chosen dialer, show or dial it — once per idempotency key.
 */
import type { Logger } from 'pino';
import type { DialerDevice, DialerSummary, DialPreview, DialPreviewRequest, DialRequest, DialResponse } from '../../src/shared/api';
import type { Config } from '../config/schema';
import type { Directory } from '../directory/directory';
import { DialpaneError } from '../errors';
import { PhoneNormalizer } from '../phone/normalize';
import { notDialable } from './dial-errors';
import { dialString } from './dial-string';
import type { Dialer } from './dialer';
import { IdempotencyStore, type IdempotencyOptions } from './idempotency';
import { ownDevice, renderUserTemplate, usesUser } from './own-device';
import { DialRules } from './rules';
import type { SignedInUser } from '../auth/signed-in-user';
import { TargetResolver, type DialTarget } from './target';

export interface DialServiceDeps {
  config: Pick<Config, 'phone' | 'dialRules'>;
  directories: readonly Directory[];
  dialers: readonly Dialer[];
  logger: Logger;
  idempotency?: Partial<IdempotencyOptions>;
}

/** Answers are replayed for ten minutes: longer than any client retries, short enough to forget. */
export const IDEMPOTENCY_DEFAULTS: IdempotencyOptions = { ttlMs: 10 * 60_000, maxEntries: 10_000 };

interface Prepared {
  dialer: Dialer;
  preview: DialPreview;
  call: { plan: ReturnType<DialRules['plan']>; dialed: string };
}

export class DialService {
  private readonly dialers: Map<string, Dialer>;
  private readonly directories: Map<string, Directory>;
  private readonly rules: DialRules;
  private readonly targets: TargetResolver;
  private readonly idempotency: IdempotencyStore<DialResponse>;
  private readonly logger: Logger;

  constructor(deps: DialServiceDeps) {
    this.dialers = new Map(deps.dialers.map((d) => [d.traits.id, d]));
    this.directories = new Map(deps.directories.map((d) => [d.id, d]));
    this.rules = new DialRules(deps.config.dialRules, deps.config.phone.defaultCountry);
    this.targets = new TargetResolver(new PhoneNormalizer(deps.config.phone), deps.config.phone.extensionPattern);
    this.idempotency = new IdempotencyStore({ ...IDEMPOTENCY_DEFAULTS, ...deps.idempotency });
    this.logger = deps.logger;
  }

  /**
   * The dialers a person may use: with sign-in (`user` given) the shared ones are left out and the
   * default device is the person's own; without, every dialer as configured.
   */
  listDialers(user?: SignedInUser): DialerSummary[] {
    return [...this.dialers.values()]
      .filter(({ traits }) => user === undefined || traits.ownership !== 'shared')
      .map(({ traits: t, listDevices }) => {
        const device = t.defaultDevice === undefined ? undefined : user === undefined ? (usesUser(t.defaultDevice) ? undefined : t.defaultDevice) : renderUserTemplate(t.defaultDevice, user);
        return {
          id: t.id,
          displayName: t.displayName,
          kind: t.kind,
          accepts: { internationalPrefix: t.internationalPrefix, sipUris: t.sipUris, postDial: t.postDial !== undefined },
          inPane: t.inPane,
          listsDevices: listDevices !== undefined && user === undefined,
          userDevice: t.allowUserDevice && (user === undefined || t.ownership === 'verified'),
          ...(device === undefined ? {} : { defaultDevice: device }),
        };
      });
  }

  async preview(request: DialPreviewRequest): Promise<DialPreview> {
    return (await this.prepare(request)).preview;
  }

  /** Places the call; `user` is the signed-in person (undefined without sign-in), whose own phone rings. */
  dial(request: DialRequest, user?: SignedInUser): Promise<DialResponse> {
    const target = 'number' in request ? { number: request.number } : { directoryId: request.directoryId, personId: request.personId, phoneIndex: request.phoneIndex };
    const fingerprint = JSON.stringify({ dialerId: request.dialerId, ...target, device: request.device, line: request.line });
    // Keys are per person: someone else's key never replays (or blocks) your call.
    const key = user === undefined ? request.idempotencyKey : `${user.directoryId}/${user.id}/${request.idempotencyKey}`;
    return this.idempotency.run(key, fingerprint, async () => {
      // Whose phone rings is settled before the number is even looked up.
      const own = ownDevice(this.dialer(request.dialerId).traits, { device: request.device, line: request.line }, user);
      const { dialer, preview, call } = await this.prepare(request);
      const { traits } = dialer;
      const outcome = await dialer.dial({ ...call, ...own });
      this.logger.info({ dialer: traits.id, kind: traits.kind, outcome, user: user?.attributes.account }, 'call placed');
      const answer: DialResponse = { outcome, dialed: preview.dialed, preview: preview.preview };
      return preview.dialAfterConnect === undefined ? answer : { ...answer, dialAfterConnect: preview.dialAfterConnect };
    });
  }

  async devices(dialerId: string, user?: SignedInUser): Promise<DialerDevice[]> {
    const dialer = this.dialer(dialerId);
    if (user !== undefined) {
      // getProfileDetailSoap lists the phones of WebDialer's configured user, not the signed-in person's.
      throw new DialpaneError('DIALER_UNSUPPORTED', `${dialer.traits.displayName} (${dialerId}) cannot list your devices once people sign in.`, 'Type your device name (e.g. SEP001122334455); your phone system checks it is yours.');
    }
    if (dialer.listDevices === undefined) {
      throw new DialpaneError('DIALER_UNSUPPORTED', `${dialer.traits.displayName} (${dialerId}) cannot list devices.`, 'Only WebDialer dialers list the user\'s phones and lines.');
    }
    return dialer.listDevices();
  }

  private dialer(id: string): Dialer {
    const dialer = this.dialers.get(id);
    if (dialer === undefined) {
      const known = [...this.dialers.keys()];
      throw new DialpaneError('DIALER_NOT_FOUND', `There is no dialer "${id}".`, known.length > 0 ? `Use one of the ids from GET /api/dialers: ${known.join(', ')}.` : 'No dialer is configured: add one under dialers in the configuration.');
    }
    return dialer;
  }

  private async prepare(request: DialPreviewRequest): Promise<Prepared> {
    const dialer = this.dialer(request.dialerId);
    const { traits } = dialer;
    const { target, directoryId } = await this.target(request);
    if (target.type === 'sip' && !traits.sipUris) throw notDialable(`${traits.displayName} dials numbers, not SIP addresses`);
    const plan = this.rules.plan(target, { directoryId, internationalPrefix: traits.internationalPrefix, applyRules: traits.applyDialRules });
    const text = dialString(plan, traits.postDial);
    const preview: DialPreview = { dialerId: traits.id, dialed: text.dialed, preview: text.preview };
    if (text.dialAfterConnect !== undefined) preview.dialAfterConnect = text.dialAfterConnect;
    if (dialer.uri !== undefined) preview.uri = dialer.uri(text.dialed, plan);
    return { dialer, preview, call: { plan, dialed: text.dialed } };
  }

  private async target(request: DialPreviewRequest): Promise<{ target: DialTarget; directoryId?: string }> {
    if ('number' in request) return { target: this.targets.resolve(request.number) };
    const directory = this.directories.get(request.directoryId);
    if (directory === undefined) {
      throw new DialpaneError('DIRECTORY_NOT_FOUND', `There is no directory "${request.directoryId}".`, `Use one of the ids from GET /api/directories: ${[...this.directories.keys()].join(', ')}.`);
    }
    const person = await directory.get(request.personId);
    if (person === undefined) throw new DialpaneError('PERSON_NOT_FOUND', 'Nobody in this directory has that id.', 'The person may have left or been moved; search again.');
    const phone = person.phones[request.phoneIndex];
    if (phone === undefined) {
      throw new DialpaneError('BAD_REQUEST', `phoneIndex ${request.phoneIndex} is out of range: ${person.displayName} has ${person.phones.length} numbers.`, 'Pass the index of the number in the person\'s phones list, from 0.');
    }
    return { target: this.targets.resolve(phone.raw), directoryId: directory.id };
  }
}
