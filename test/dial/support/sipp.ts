/**
 * SIPp as the called party: its built-in UAS scenario answers every INVITE (180, 200) and
 * -trace_msg logs each SIP message it receives, which is how the tests see what was dialed.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeSipPort } from './ports';
import { start, type Started } from './process';

export interface Invite {
  requestUri: string;
  callId: string;
}

export class Sipp {
  private constructor(
    readonly port: number,
    private readonly messageLog: string,
    private readonly process: Started,
  ) {}

  static async start(): Promise<Sipp> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-sipp-'));
    const port = await freeSipPort();
    const mediaPort = await freeSipPort();
    const messageLog = path.join(dir, 'messages.log');
    const args = ['-sn', 'uas', '-i', '127.0.0.1', '-p', String(port), '-mi', '127.0.0.1', '-mp', String(mediaPort), '-m', '100', '-timeout', '120s', '-nostdin', '-trace_msg', '-message_file', messageLog];
    const process = start('sipp', args, path.join(dir, 'sipp.out'), dir);
    return new Sipp(port, messageLog, process);
  }

  /** Every INVITE SIPp received so far: Request-URI and Call-ID, retransmissions included. */
  invites(): Invite[] {
    if (!existsSync(this.messageLog)) return [];
    const log = readFileSync(this.messageLog, 'utf8');
    const found: Invite[] = [];
    for (const block of log.split(/^-{10,}.*$/m)) {
      if (!/received/.test(block)) continue;
      const requestLine = /^INVITE (\S+) SIP\/2\.0$/m.exec(block);
      if (!requestLine) continue;
      found.push({ requestUri: requestLine[1] ?? '', callId: /^Call-ID:\s*(\S+)/im.exec(block)?.[1] ?? '' });
    }
    return found;
  }

  /** Waits until an INVITE for `requestUri` has been logged (SIPp logs it within milliseconds). */
  async waitForInvite(requestUri: string, deadlineMs = 10_000): Promise<void> {
    const until = Date.now() + deadlineMs;
    while (!this.invites().some((i) => i.requestUri === requestUri)) {
      if (Date.now() > until) throw new Error(`SIPp received no INVITE for ${requestUri}; it got ${JSON.stringify(this.invites())}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Distinct calls (Call-IDs) whose INVITE went to `requestUri`: a UDP retransmission is the same call. */
  callsTo(requestUri: string): string[] {
    return [...new Set(this.invites().filter((i) => i.requestUri === requestUri).map((i) => i.callId))];
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
