/**
 * Loopback TCP proxies for resilience tests, next to tcp-proxy.ts:
 * - a switchable proxy whose port really closes (connection refused, as when a DC is down) and
 *   opens again on the same port (the DC is back);
 * - a gate that holds what clients send until released (a request is provably in flight).
 */
import net from 'node:net';

interface Pipe {
  sockets: Set<net.Socket>;
  connect(client: net.Socket): void;
}

function pipe(targetHost: string, targetPort: number, gate?: { held: boolean; waiting: (() => void)[]; onHold: () => void }): Pipe {
  const sockets = new Set<net.Socket>();
  return {
    sockets,
    connect(client) {
      const upstream = net.connect(targetPort, targetHost);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined); // cut connections error on both ends; the test drives that
      }
      client.on('data', (chunk: Buffer) => {
        const forward = (): void => {
          upstream.write(chunk);
        };
        if (gate?.held) {
          gate.waiting.push(forward);
          gate.onHold();
        } else forward();
      });
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    },
  };
}

const listen = (server: net.Server, port = 0): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });

export interface SwitchableProxy {
  port: number;
  /** Cuts every connection and stops listening: new connections are refused. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSwitchableProxy(targetHost: string, targetPort: number): Promise<SwitchableProxy> {
  const p = pipe(targetHost, targetPort);
  let server = net.createServer((c) => p.connect(c));
  const port = await listen(server);
  let listening = true;
  const down = async (): Promise<void> => {
    if (!listening) return;
    listening = false;
    for (const s of p.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port,
    down,
    async up() {
      server = net.createServer((c) => p.connect(c));
      await listen(server, port);
      listening = true;
    },
    close: down,
  };
}

export interface GateProxy {
  port: number;
  /** From now on, what clients send waits at the gate. */
  hold(): void;
  /** Resolves when something arrived while holding. */
  somethingHeld(): Promise<void>;
  /** Lets everything held through, and stops holding. */
  release(): void;
  close(): Promise<void>;
}

export async function startGateProxy(targetHost: string, targetPort: number): Promise<GateProxy> {
  let arrived: () => void = () => undefined;
  let arrival = new Promise<void>((resolve) => (arrived = resolve));
  const gate = { held: false, waiting: [] as (() => void)[], onHold: () => arrived() };
  const p = pipe(targetHost, targetPort, gate);
  const server = net.createServer((c) => p.connect(c));
  const port = await listen(server);
  return {
    port,
    hold() {
      gate.held = true;
      arrival = new Promise<void>((resolve) => (arrived = resolve));
    },
    somethingHeld: () => arrival,
    release() {
      gate.held = false;
      for (const forward of gate.waiting.splice(0)) forward();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of p.sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
