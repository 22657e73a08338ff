/**
 * Loopback TCP helpers for connection tests: a proxy in front of a directory server that counts
 * connections and can cut them all (as an idle timeout, a firewall or a restarted DC would), and a
 * black hole that accepts connections and never answers (a hung server), and a port that does not
 * even accept them (a host behind a firewall that drops packets).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { stopPid } from './processes';

export interface TcpProxy {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Destroys every open connection on both sides. */
  dropAll(): void;
  /**
   * Stops forwarding on the connections open now, without closing them: they hang, as a connection
   * does when a firewall or NAT forgot it. New connections still work.
   */
  freezeAll(): void;
  close(): Promise<void>;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

const closeServer = (server: net.Server, sockets: Set<net.Socket>): Promise<void> =>
  new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined); // a cut connection errors on both ends; the test drives that
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    pairs.add([client, upstream]);
  });
  const pairs = new Set<[net.Socket, net.Socket]>();
  const port = await listen(server);
  return {
    port,
    get connections() {
      return connections;
    },
    dropAll: () => {
      for (const s of sockets) s.destroy();
    },
    freezeAll: () => {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
      }
      pairs.clear();
    },
    close: () => closeServer(server, sockets),
  };
}

export async function startBlackHole(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return { port, close: () => closeServer(server, sockets) };
}

/**
 * A port whose connection queue is full: a listening socket that never accepts (Node always
 * accepts, so a small python3 process holds it), with one connection parked in its backlog of one.
 * Further connection attempts get no answer at all — as from a host behind a firewall that drops
 * packets — and time out. close() stops the process by the PID started here.
 */
export async function startUnansweredPort(): Promise<{ port: number; close(): Promise<void> }> {
  const program = ['import socket, time', 's = socket.socket()', "s.bind(('127.0.0.1', 0))", 's.listen(0)', 'print(s.getsockname()[1], flush=True)', 'time.sleep(600)'].join('\n');
  const child = spawn('python3', ['-c', program], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim())));
  });
  const parked = net.connect(port, '127.0.0.1');
  parked.on('error', () => undefined);
  await new Promise((resolve) => parked.once('connect', resolve));
  return {
    port,
    close: async () => {
      parked.destroy();
      if (child.pid !== undefined) await stopPid(child.pid);
    },
  };
}
