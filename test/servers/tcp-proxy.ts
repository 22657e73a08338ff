/**
 * Loopback TCP helpers for connection tests: a proxy in front of a directory server that counts
 * connections and can cut them all (as an idle timeout, a firewall or a restarted DC would), and a
 * black hole that accepts connections and never answers (a hung server).
 */
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Destroys every open connection on both sides. */
  dropAll(): void;
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
  });
  const port = await listen(server);
  return {
    port,
    get connections() {
      return connections;
    },
    dropAll: () => {
      for (const s of sockets) s.destroy();
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
