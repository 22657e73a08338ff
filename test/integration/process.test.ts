/**
 * The real entry point (server/cli.ts, run by Node with tsx's loader) as a process: it refuses to
 * start without sign-in on a non-loopback address, and on SIGTERM it stops taking connections,
 * answers the requests in flight and exits. A gate between the service and the Samba DC holds a
 * search in flight for as long as the test wants, so nothing depends on timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SearchResponse } from '../../src/shared/api';
import { SAMBA_SERVICE_ACCOUNT, SAMBA_USERS_DN } from '../fixtures/samba-fixture';
import { startGateProxy, type GateProxy } from '../servers/switch-proxy';
import { testServers } from '../servers/env';

const ROOT = path.resolve(__dirname, '..', '..');

interface Service {
  child: ChildProcess;
  /** Resolves with the first log line for which `match` is true. */
  line(match: (record: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; stderr: string }>;
}

function start(args: string[], env: Record<string, string>): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'cli.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const records: Record<string, unknown>[] = [];
  const waiters: { match: (r: Record<string, unknown>) => boolean; resolve: (r: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    records.push(record);
    for (const w of waiters.filter((w) => w.match(record))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(record);
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return {
    child,
    exited,
    line: (match) => {
      const found = records.find(match);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

function get(port: number, pathname: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port, path: pathname, rejectUnauthorized: false, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
      })
      .on('error', reject);
  });
}

// A per-project testTimeout in jest.config.js is not applied by Jest; processes and timeouts need more than 5 s.
jest.setTimeout(60_000);

describe('the service process', () => {
  let tmp: string;
  let gate: GateProxy;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'dialpane-process-'));
    gate = await startGateProxy(testServers().samba.host, 389);
  });
  afterAll(async () => {
    await gate.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('when started without sign-in on a non-loopback address, then it refuses with one line saying why', async () => {
    const service = start([], { DIALPANE_HOST: '0.0.0.0', DIALPANE_DATA_DIR: tmp });
    const { code, stderr } = await service.exited;
    expect(code).toBe(2);
    expect(stderr).toBe(
      'Dialpane cannot start: Invalid configuration:\n' +
        '  - auth.mode: "none" (no sign-in) is allowed only on a loopback address, but server.host is 0.0.0.0: set auth.mode: directory so people sign in, or listen on 127.0.0.1 (DIALPANE_HOST)\n',
    );
  });

  it('when SIGTERM arrives during a search, then it stops listening, answers that search and exits 0', async () => {
    const config = path.join(tmp, 'dialpane.json');
    writeFileSync(
      config,
      JSON.stringify({
        server: { host: '127.0.0.1', port: 0, dataDir: tmp },
        auth: { mode: 'none' },
        // index: off, so the search goes to the directory (through the gate) rather than to an index.
        directories: [{ id: 'samba', displayName: 'Samba', kind: 'ad', url: `ldap://127.0.0.1:${gate.port}`, bindUser: SAMBA_SERVICE_ACCOUNT.upn, passwordEnv: 'BIND_PW', searchBase: SAMBA_USERS_DN, index: 'off' }],
      }),
    );
    const service = start(['serve', '--config', config], { BIND_PW: SAMBA_SERVICE_ACCOUNT.password, DIALPANE_LOG_LEVEL: 'info' });
    try {
      const { port } = (await service.line((r) => typeof r['msg'] === 'string' && r['msg'].startsWith('Dialpane is serving'))) as { port: number };
      const search = `/api/directories/samba/people?q=${encodeURIComponent('Müller')}`;
      expect((await get(port, search)).status).toBe(200); // the directory connection is open and bound

      gate.hold();
      const inFlight = get(port, search);
      await gate.somethingHeld(); // the search request has reached the directory, and waits there
      service.child.kill('SIGTERM');
      await service.line((r) => r['msg'] === 'stopping: finishing requests in flight');
      await expect(get(port, '/api/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

      gate.release();
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect((answer.body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
      await service.line((r) => r['msg'] === 'stopped: every request answered');
      expect((await service.exited).code).toBe(0);
    } finally {
      gate.release();
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  });
});
