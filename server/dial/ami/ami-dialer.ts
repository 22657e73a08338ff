/**
 * Asterisk over the Manager Interface: log in, Originate with Async: true and a unique ActionID
 * (the user's phone rings first; when answered, Asterisk dials the number in the context), then read
 * the outcome from the OriginateResponse event carrying that ActionID. One connection per call.
 */
import { randomUUID } from 'node:crypto';
import type { DialOutcome } from '../../../src/shared/api';
import type { AmiDialerConfig } from '../../config/dial-schema';
import { dialerRejected, dialerTimeout, dialerUnreachable } from '../dial-errors';
import { commonTraits, type DialCall, type Dialer, type DialerTraits } from '../dialer';
import { connect } from '../net/connect';
import { asIs, render } from '../template';
import { AmiProtocolError } from './ami-protocol';
import { AmiSession } from './ami-session';
import { ORIGINATE_REASONS } from './reasons';

export class AmiDialer implements Dialer {
  readonly traits: DialerTraits;

  constructor(
    private readonly config: AmiDialerConfig,
    private readonly password: string,
  ) {
    this.traits = commonTraits(config, { sipUris: false, inPane: false, defaultDevice: config.device });
  }

  async dial(call: DialCall): Promise<DialOutcome> {
    const values = { number: call.dialed, device: call.device, line: call.line };
    const originate: [string, string][] = [
      ['Channel', render(this.config.channel, values, asIs, this.config)],
      ['Context', this.config.context],
      ['Exten', render(this.config.exten, values, asIs, this.config)],
      ['Priority', String(this.config.priority)],
      ...(this.config.callerId === undefined ? [] : [['CallerID', render(this.config.callerId, values, asIs, this.config)] as [string, string]]),
      ['Timeout', String(this.config.originateTimeoutMs)],
      ['Async', 'true'],
    ];
    const { host, port, timeouts } = this.config;
    const address = `${host}:${port}`;
    const socket = await connect(this.config, host, port, timeouts.connectMs);
    const session = new AmiSession(socket, (cause, error) => dialerUnreachable(this.config, `${address}: ${cause}`, error));
    const late = (what: string, ms = timeouts.replyMs) => (): Error => dialerTimeout(this.config, what, ms);
    try {
      const banner = await session.banner(late('the AMI greeting'), timeouts.replyMs);
      if (!banner.startsWith('Asterisk Call Manager/')) throw dialerUnreachable(this.config, `${address} is not an Asterisk Manager Interface (it greeted "${banner.slice(0, 60)}")`);

      const loginId = `dialpane-login-${randomUUID()}`;
      // Events: call limits what Asterisk sends to the call class, where OriginateResponse belongs.
      session.send([['Action', 'Login'], ['ActionID', loginId], ['Username', this.config.username], ['Secret', this.password], ['Events', 'call']]);
      const login = await session.next((m) => m.get('ActionID') === loginId && m.get('Response') !== undefined, late('the Login response'), timeouts.replyMs);
      if (login.get('Response') !== 'Success') {
        throw dialerRejected(this.config, `Response: ${login.get('Response') ?? ''}`, login.get('Message') ?? '', `Check username and the password of AMI dialer "${this.config.id}" (manager.conf).`);
      }

      const actionId = `dialpane-${randomUUID()}`;
      session.send([['Action', 'Originate'], ['ActionID', actionId], ...originate]);
      const queued = await session.next((m) => m.get('ActionID') === actionId && m.get('Response') !== undefined && m.get('Event') === undefined, late('the Originate response'), timeouts.replyMs);
      if (queued.get('Response') !== 'Success') {
        throw dialerRejected(this.config, `Response: ${queued.get('Response') ?? ''}`, queued.get('Message') ?? '', 'Check the AMI user\'s originate permission and the channel, context and exten settings.');
      }

      // The user's phone rings for up to originateTimeoutMs before Asterisk reports the outcome.
      const waitMs = this.config.originateTimeoutMs + timeouts.replyMs;
      const outcome = await session.next((m) => m.get('Event') === 'OriginateResponse' && m.get('ActionID') === actionId, late('the OriginateResponse event', waitMs), waitMs);
      session.send([['Action', 'Logoff']]);
      if (outcome.get('Response') === 'Success') return 'ringing';
      const reason = outcome.get('Reason') ?? '';
      throw dialerRejected(this.config, `Reason ${reason}`, ORIGINATE_REASONS[reason] ?? 'the call could not be set up', 'Answer your phone when it rings; check the device (channel) set for you.');
    } catch (error) {
      if (error instanceof AmiProtocolError) throw dialerRejected(this.config, 'AMI', error.message);
      throw error;
    } finally {
      socket.destroy();
    }
  }
}
