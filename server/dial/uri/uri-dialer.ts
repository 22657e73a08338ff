/**
 * Links the pane opens (tel:, sip:, sips:, callto:, ciscotel:): the service builds the URI from the
 * dial plan, the operating system's handler (a softphone, Jabber, Teams) places the call.
 */
import type { DialOutcome } from '../../../src/shared/api';
import type { UriDialerConfig } from '../../config/dial-schema';
import { DialpaneError } from '../../errors';
import { commonTraits, type Dialer, type DialerTraits } from '../dialer';
import type { DialPlan } from '../rules';

export class UriDialer implements Dialer {
  readonly traits: DialerTraits;

  constructor(private readonly config: UriDialerConfig) {
    const sip = config.scheme === 'sip' || config.scheme === 'sips';
    this.traits = commonTraits(config, {
      sipUris: sip,
      inPane: true,
      // RFC 3966 carries an extension as ;ext=, which tel: handlers pass on to the phone.
      ...(config.scheme === 'tel' ? { postDial: { separator: ';ext=' } } : {}),
    });
  }

  uri(dialed: string, plan: DialPlan): string {
    if (plan.type === 'sip') return plan.uri;
    // "#" starts a URI fragment; everything else a dial string holds (+ digits * , ; =) is legal as is.
    const digits = dialed.replace(/#/g, '%23');
    switch (this.config.scheme) {
      case 'tel':
        return digits.startsWith('+') || this.config.phoneContext === undefined ? `tel:${digits}` : `tel:${digits};phone-context=${this.config.phoneContext}`;
      case 'sip':
      case 'sips':
        return `${this.config.scheme}:${digits}@${this.config.sipDomain ?? ''}`;
      default:
        return `${this.config.scheme}:${digits}`;
    }
  }

  dial(): Promise<DialOutcome> {
    return Promise.reject(
      new DialpaneError(
        'DIALER_IN_PANE',
        `${this.config.displayName} (${this.config.id}) is a ${this.config.scheme}: link that the pane opens; the service does not dial it.`,
        'Open the uri from POST /api/dial/preview in the pane instead.',
      ),
    );
  }
}
