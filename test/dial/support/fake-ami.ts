/**
 * A stand-in for Asterisk's Manager Interface (no Asterisk in Debian 12): the greeting line, CRLF
 * "Key: value" packets ended by an empty line, Login, Originate (sync and Async: true, answered
 * "Originate successfully queued" and later the OriginateResponse event with the same ActionID and
 * a Reason), Logoff. What the user's phone does is scripted per channel. To hold the client to the
 * protocol it interleaves other events, an OriginateResponse for someone else's ActionID, and splits
 * packets across TCP writes.
 */
import net from 'node:net';

export interface AmiUser {
  secret: string;
  /** manager.conf write=originate */
  canOriginate: boolean;
}

export interface FakeAmiOptions {
  users: Record<string, AmiUser>;
  /** What the channel does when rung: the AST_CONTROL Reason, 4 = answered. Channels not listed do not exist (Reason 0). */
  channels: Record<string, 1 | 3 | 4 | 5 | 8>;
}

export type Packet = [string, string][];

const encode = (fields: Packet): string => `${fields.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
const get = (packet: Packet, key: string): string | undefined => packet.find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];

export class FakeAmi {
  readonly originates: Packet[] = [];
  readonly logins: Packet[] = [];
  port = 0;
  private server!: net.Server;
  private uniqueId = 1700000000;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly options: FakeAmiOptions) {}

  async start(): Promise<this> {
    this.server = net.createServer((socket) => this.session(socket));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private session(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    socket.write('Asterisk Call Manager/5.0.1\r\n');
    let user: AmiUser | undefined;
    let wantsCallEvents = true;
    let buffer = '';
    // Packets go out in two writes, split mid-line, as TCP may deliver them.
    const send = (fields: Packet): void => {
      const text = encode(fields);
      const cut = Math.floor(text.length / 2);
      socket.write(text.slice(0, cut));
      socket.write(text.slice(cut));
    };

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n\r\n'); end >= 0; end = buffer.indexOf('\r\n\r\n')) {
        const packet: Packet = buffer
          .slice(0, end)
          .split('\r\n')
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]);
        buffer = buffer.slice(end + 4);
        const action = (get(packet, 'Action') ?? '').toLowerCase();
        const id: Packet = get(packet, 'ActionID') === undefined ? [] : [['ActionID', get(packet, 'ActionID') ?? '']];
        if (action === 'login') {
          this.logins.push(packet);
          const candidate = this.options.users[get(packet, 'Username') ?? ''];
          if (candidate === undefined || candidate.secret !== get(packet, 'Secret')) {
            send([['Response', 'Error'], ...id, ['Message', 'Authentication failed']]);
            continue;
          }
          user = candidate;
          const events = (get(packet, 'Events') ?? 'on').toLowerCase();
          wantsCallEvents = events === 'on' || events.split(',').includes('call');
          send([['Response', 'Success'], ...id, ['Message', 'Authentication accepted']]);
          if (events === 'on') send([['Event', 'FullyBooted'], ['Privilege', 'system,all'], ['Status', 'Fully Booted']]);
        } else if (action === 'logoff') {
          send([['Response', 'Goodbye'], ...id, ['Message', 'Thanks for all the fish.']]);
          socket.end();
        } else if (user === undefined) {
          send([['Response', 'Error'], ...id, ['Message', 'Permission denied']]);
        } else if (action === 'originate') {
          this.originate(packet, id, user, wantsCallEvents, send);
        } else {
          send([['Response', 'Error'], ...id, ['Message', 'Invalid/unknown command']]);
        }
      }
    });
  }

  private originate(packet: Packet, id: Packet, user: AmiUser, wantsCallEvents: boolean, send: (fields: Packet) => void): void {
    this.originates.push(packet);
    if (!user.canOriginate) return send([['Response', 'Error'], ...id, ['Message', 'Permission denied']]);
    const channel = get(packet, 'Channel');
    if (channel === undefined) return send([['Response', 'Error'], ...id, ['Message', 'Channel not specified']]);
    const reason = this.options.channels[channel] ?? 0;
    const answered = reason === 4;
    const unique = `${this.uniqueId++}.${this.originates.length}`;
    const event: Packet = [
      ['Event', 'OriginateResponse'],
      ['Privilege', 'call,all'],
      ...id,
      ['Response', answered ? 'Success' : 'Failure'],
      ['Channel', answered ? `${channel}-0000000${this.originates.length}` : channel],
      ['Context', get(packet, 'Context') ?? ''],
      ['Exten', get(packet, 'Exten') ?? ''],
      ['Reason', String(reason)],
      ['Uniqueid', answered ? unique : '<null>'],
      ['CallerIDNum', '<unknown>'],
      ['CallerIDName', '<unknown>'],
    ];
    if ((get(packet, 'Async') ?? '').toLowerCase() !== 'true') {
      // Without Async, Asterisk answers only when the outcome is known, and sends no event.
      return send(answered ? [['Response', 'Success'], ...id, ['Message', 'Originate successfully queued']] : [['Response', 'Error'], ...id, ['Message', 'Originate failed']]);
    }
    send([['Response', 'Success'], ...id, ['Message', 'Originate successfully queued']]);
    if (!wantsCallEvents) return;
    send([['Event', 'Newchannel'], ['Privilege', 'call,all'], ['Channel', `${channel}-00000099`], ['ChannelState', '0'], ['ChannelStateDesc', 'Down']]);
    send([['Event', 'OriginateResponse'], ['Privilege', 'call,all'], ['ActionID', 'someone-else'], ['Response', 'Failure'], ['Channel', 'PJSIP/4242'], ['Reason', '5']]);
    send(event);
  }
}
