/**
 * A real baresip softphone in a private config directory (infra notes): ctrl_tcp on a free port,
 * SIP on loopback, an account that never registers, audio through aubridge so no sound card is needed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { NetstringDecoder, encodeNetstring } from '../../../server/dial/baresip/netstring';
import { freeSipPort, freeTcpPort, waitForTcp } from './ports';
import { start, type Started } from './process';

export class Baresip {
  private constructor(
    readonly ctrlPort: number,
    readonly sipPort: number,
    private readonly process: Started,
  ) {}

  /** `withAccount: false` leaves the SIP account out: baresip then refuses every dial ("Invalid argument"). */
  static async start({ withAccount = true } = {}): Promise<Baresip> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-baresip-'));
    const sipPort = await freeSipPort();
    const ctrlPort = await freeTcpPort();
    const config = [
      'poll_method epoll',
      `sip_listen 127.0.0.1:${sipPort}`,
      'net_interface 127.0.0.1',
      'dns_server 127.0.0.1:53',
      'module_path /usr/lib/baresip/modules',
      'module g711.so',
      'module aubridge.so',
      // account.so reads the accounts file; without it every dial fails with "Invalid argument".
      'module_app account.so',
      'module_app menu.so',
      'module_app ctrl_tcp.so',
      `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
      'audio_player aubridge,nil',
      'audio_source aubridge,nil',
      'audio_alert aubridge,nil',
    ];
    writeFileSync(path.join(dir, 'config'), `${config.join('\n')}\n`);
    writeFileSync(path.join(dir, 'accounts'), withAccount ? `<sip:alice@127.0.0.1:${sipPort}>;regint=0;answermode=manual\n` : '');
    writeFileSync(path.join(dir, 'contacts'), '');
    const process = start('baresip', ['-f', dir], path.join(dir, 'baresip.out'), dir);
    await waitForTcp(ctrlPort, 'baresip ctrl_tcp');
    return new Baresip(ctrlPort, sipPort, process);
  }

  /** Sends one ctrl_tcp command and returns baresip's reply data (the tests' own view of baresip's state). */
  command(command: string, params = ''): Promise<{ ok: boolean; data: string }> {
    const token = `test-${command}-${Math.random().toString(36).slice(2)}`;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: this.ctrlPort }, () => socket.write(encodeNetstring(JSON.stringify({ command, params, token }))));
      const decoder = new NetstringDecoder();
      socket.on('data', (chunk: Buffer) => {
        for (const frame of decoder.push(chunk)) {
          const reply = JSON.parse(frame) as { response?: boolean; ok: boolean; data: string; token?: string };
          if (reply.response === true && reply.token === token) {
            socket.destroy();
            resolve({ ok: reply.ok, data: reply.data });
          }
        }
      });
      socket.once('error', reject);
    });
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
