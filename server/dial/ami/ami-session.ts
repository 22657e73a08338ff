/**
 * One AMI connection as a sequence of awaited messages: the greeting, then "the next message that
 * fits" (a response by ActionID, an event), whether it already arrived or is still to come —
 * Asterisk may send an Async Originate's event before, between or after other traffic.
 */
import type { Socket } from 'node:net';
import { AmiDecoder, type AmiMessage, encodeAction } from './ami-protocol';

/** Reads AMI messages off a socket; `next` waits for the first (already received or future) message that fits. */
export class AmiSession {
  private readonly decoder = new AmiDecoder();
  private readonly received: AmiMessage[] = [];
  private waiter: (() => void) | undefined;
  private failure: Error | undefined;
  private greeted = false;

  constructor(
    private readonly socket: Socket,
    private readonly onBroken: (cause: string, error?: unknown) => Error,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      try {
        this.received.push(...this.decoder.push(chunk));
        if (this.decoder.banner !== undefined) this.greeted = true;
      } catch (error) {
        this.failure = this.onBroken(`it does not speak AMI (${(error as Error).message})`, error);
      }
      this.waiter?.();
    });
    socket.on('error', (error) => {
      this.failure ??= this.onBroken(error.message, error);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.failure ??= this.onBroken('it closed the connection');
      this.waiter?.();
    });
  }

  send(fields: ReadonlyArray<readonly [string, string]>): void {
    this.socket.write(encodeAction(fields));
  }

  banner(timeout: () => Error, ms: number): Promise<string> {
    return this.until(() => (this.greeted ? (this.decoder.banner ?? '') : undefined), timeout, ms);
  }

  next(fits: (message: AmiMessage) => boolean, timeout: () => Error, ms: number): Promise<AmiMessage> {
    return this.until(
      () => {
        const index = this.received.findIndex(fits);
        return index < 0 ? undefined : this.received.splice(index, 1)[0];
      },
      timeout,
      ms,
    );
  }

  private until<T>(take: () => T | undefined, timeout: () => Error, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(timeout());
      }, ms);
      const check = (): void => {
        const value = take();
        if (value !== undefined || this.failure !== undefined) {
          clearTimeout(timer);
          this.waiter = undefined;
          if (value !== undefined) resolve(value);
          else reject(this.failure);
        }
      };
      this.waiter = check;
      check();
    });
  }
}
