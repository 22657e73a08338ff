/**
 * The baresip softphone, told to dial over its ctrl_tcp module: one connection per call, a `dial`
 * command with a unique token, and the reply matched by that token (events such as CALL_RINGING
 * share the socket and arrive before or after it).
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { DialOutcome } from '../../../src/shared/api';
import type { BaresipDialerConfig } from '../../config/dial-schema';
import { dialerRejected, dialerTimeout, dialerUnreachable } from '../dial-errors';
import { commonTraits, type DialCall, type Dialer, type DialerTraits } from '../dialer';
import { connect } from '../net/connect';
import { asIs, render } from '../template';
import { NetstringDecoder, encodeNetstring } from './netstring';

interface BaresipReply {
  response: true;
  ok: boolean;
  data?: string;
  token?: string;
}

function isReply(value: unknown, token: string): value is BaresipReply {
  if (value === null || typeof value !== 'object') return false;
  const frame = value as Record<string, unknown>;
  return frame['response'] === true && frame['token'] === token && typeof frame['ok'] === 'boolean';
}

export class BaresipDialer implements Dialer {
  readonly traits: DialerTraits;

  constructor(private readonly config: BaresipDialerConfig) {
    this.traits = commonTraits(config, { sipUris: true, inPane: false });
  }

  async dial(call: DialCall): Promise<DialOutcome> {
    const params = call.plan.type === 'sip' ? call.dialed : render(this.config.dialString, { number: call.dialed, device: call.device, line: call.line }, asIs, this.config);
    const token = `dialpane-${randomUUID()}`;
    const socket = await connect(this.config, this.config.host, this.config.port, this.config.timeouts.connectMs);
    try {
      socket.write(encodeNetstring(JSON.stringify({ command: 'dial', params, token })));
      const reply = await this.awaitReply(socket, token);
      if (!reply.ok) throw dialerRejected(this.config, 'ok: false', `baresip said "${(reply.data ?? '').trim()}"`, 'Check baresip\'s account and the dial string (dialString) against its log.');
      return 'ringing';
    } finally {
      socket.destroy();
    }
  }

  private awaitReply(socket: Socket, token: string): Promise<BaresipReply> {
    const { replyMs } = this.config.timeouts;
    const address = `${this.config.host}:${this.config.port}`;
    return new Promise((resolve, reject) => {
      const decoder = new NetstringDecoder();
      const timer = setTimeout(() => reject(dialerTimeout(this.config, 'the answer to the dial command', replyMs)), replyMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      socket.on('data', (chunk: Buffer) => {
        let frames: string[];
        try {
          frames = decoder.push(chunk);
        } catch (error) {
          fail(dialerUnreachable(this.config, `${address} does not speak ctrl_tcp (${(error as Error).message})`, error));
          return;
        }
        for (const frame of frames) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(frame);
          } catch {
            continue; // not ours to judge: events are JSON, but an unparseable one must not hide our reply
          }
          if (isReply(parsed, token)) {
            clearTimeout(timer);
            resolve(parsed);
            return;
          }
        }
      });
      socket.once('error', (error) => fail(dialerUnreachable(this.config, `${address}: ${error.message}`, error)));
      socket.once('close', () => fail(dialerUnreachable(this.config, `${address} closed the connection before answering`)));
    });
  }
}
