/**
 * Small process helpers for the test servers: check that a Debian command exists (or fail at once
 * naming the apt-get command), run a command with its output kept in a log file, start a server in
 * the foreground and stop it by the PID we started, wait until it answers, find a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, openSync, readFileSync, closeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const SEARCH_PATH = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/sbin', '/usr/bin'];

export function findCommand(command: string): string | undefined {
  for (const dir of SEARCH_PATH) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory; try the next one
    }
  }
  return undefined;
}

/** Full paths of the commands, or an error naming the apt-get command that installs the missing ones. */
export function requireCommands(needs: Record<string, string>, purpose: string): Record<string, string> {
  const found: Record<string, string> = {};
  const missing = new Set<string>();
  for (const [command, debianPackage] of Object.entries(needs)) {
    const full = findCommand(command);
    if (full) found[command] = full;
    else missing.add(debianPackage);
  }
  if (missing.size > 0) {
    const list = [...missing].join(' ');
    throw new Error(
      `${purpose} needs Debian packages that are not installed (${list}). Run as root:\n` +
        `  echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections\n` +
        `  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${list}\n` +
        `or: bash test/setup/ensure-packages.sh`,
    );
  }
  return found;
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs a command to completion with stdout and stderr appended to `log`; rejects with the log's tail. */
export function run(command: string, args: readonly string[], log: string, options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = openSync(log, 'a');
    const child = spawn(command, args, { stdio: ['ignore', fd, fd], env: { ...process.env, ...options.env } });
    closeSync(fd);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${signal ? `was killed by ${signal}` : `exited with ${code}`}; last lines of ${log}:\n${tail(log)}`));
    });
  });
}

export interface Started {
  child: ChildProcess;
  pid: number;
  /** Why the process stopped, once it has: set when it exits before stop() was called. */
  exitReason(): Error | undefined;
}

/** Starts a long-running server in the foreground (it must not fork), output appended to `log`. */
export function startProcess(command: string, args: readonly string[], log: string): Started {
  const fd = openSync(log, 'a');
  const child = spawn(command, args, { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  let reason: Error | undefined;
  child.once('exit', (code, signal) => {
    reason = new Error(`${path.basename(command)} stopped (${signal ?? `exit ${code}`}); last lines of ${log}:\n${tail(log)}`);
  });
  child.once('error', (error) => {
    reason = error;
  });
  return { child, pid: child.pid, exitReason: () => reason };
}

/** True while a process with this PID exists. */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM the PID we started, SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopPid(pid: number, graceMs = 5_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(20);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it resolves true, the server process dies, or `timeoutMs` passes. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, options: { timeoutMs: number; intervalMs?: number; server?: Started }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const died = options.server?.exitReason();
    if (died) throw died;
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    await sleep(options.intervalMs ?? 100);
  }
  throw new Error(`${what} did not answer within ${options.timeoutMs} ms${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
}

/** A TCP port nobody listens on right now on `host`. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
