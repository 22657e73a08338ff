/** A TCP connection with a connect deadline, for dialers that speak a line protocol (baresip, AMI). */
import net from 'node:net';
import { dialerTimeout, dialerUnreachable, describeNetworkError, type DialerName } from '../dial-errors';

export function connect(dialer: DialerName, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(dialerTimeout(dialer, `connecting to ${host}:${port}`, timeoutMs));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(dialerUnreachable(dialer, describeNetworkError(error, `${host}:${port}`), error));
    });
  });
}
